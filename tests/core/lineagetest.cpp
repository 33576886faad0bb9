// SPDX-License-Identifier: Apache-2.0
// The lineage graph and its queries: hand-built graphs with known answers, the sample catalog
// checked against a naive computation, and as-of over a replayed history.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "support/snapshotbuilder.h"
#include "support/tempcatalog.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

// raw -> clean -> f1, f2 ; raw -> f3 ; f1,f2 -> ts ; label -> ts ; ts -> model ; f3 -> model
SnapshotBuilder diamond()
{
    SnapshotBuilder b;
    b.node("source:raw@v1").node("source:clean@v1").node("feature:f1@v1").node("feature:f2@v1")
        .node("feature:f3@v1").node("label:l@v1").node("training_set:ts@v1").node("model:m@1")
        .node("source:unrelated@v1");
    b.edge("source:raw@v1", "source:clean@v1", EdgeKind::Input)
        .edge("source:clean@v1", "feature:f1@v1", EdgeKind::Source)
        .edge("source:clean@v1", "feature:f2@v1", EdgeKind::Source)
        .edge("source:raw@v1", "feature:f3@v1", EdgeKind::Source)
        .edge("source:raw@v1", "label:l@v1", EdgeKind::Source)
        .edge("feature:f1@v1", "training_set:ts@v1", EdgeKind::Feature)
        .edge("feature:f2@v1", "training_set:ts@v1", EdgeKind::Feature)
        .edge("label:l@v1", "training_set:ts@v1", EdgeKind::Label)
        .edge("training_set:ts@v1", "model:m@1", EdgeKind::TrainingSet)
        .edge("feature:f3@v1", "model:m@1", EdgeKind::InferenceFeature);
    return b;
}

std::set<std::string> refsOf(const LineageGraph &graph, const std::vector<ReachedNode> &reached)
{
    std::set<std::string> refs;
    for (const ReachedNode &r : reached)
        refs.insert(graph.resource(r.node).ref.toString());
    return refs;
}

TEST(LineageGraph, BuildsForwardAndReverseRows)
{
    SnapshotBuilder b = diamond();
    const LineageGraph graph = b.build();
    EXPECT_EQ(graph.nodeCount(), 9u);
    EXPECT_EQ(graph.edgeCount(), 10u);
    EXPECT_EQ(graph.downstream(b.id("source:raw@v1")).size(), 3u);
    EXPECT_EQ(graph.upstream(b.id("training_set:ts@v1")).size(), 3u);
    EXPECT_EQ(graph.upstream(b.id("source:raw@v1")).size(), 0u);
    EXPECT_EQ(graph.find({ResourceKind::Model, "m", "1"}), b.id("model:m@1"));
    EXPECT_FALSE(graph.find({ResourceKind::Model, "m", "2"}));
    EXPECT_GT(graph.memoryBytes(), 0u);
}

TEST(LineageGraph, DropsEdgesFromAbsentResources)
{
    LineageSnapshot snapshot;
    snapshot.resources.push_back({{ResourceKind::Feature, "f", "v1"}, {}, {}, ResourceStatus::Active, {}, {}});
    snapshot.edges.push_back({{ResourceKind::Source, "gone", "v1"}, 0, EdgeKind::Source});
    const LineageGraph graph = LineageGraph::build(snapshot);
    EXPECT_EQ(graph.edgeCount(), 0u);
    EXPECT_EQ(graph.droppedEdges(), 1u);
}

TEST(Traversal, ClosureDownUpAndBoth)
{
    SnapshotBuilder b = diamond();
    const LineageGraph graph = b.build();
    Traversal traversal(graph);
    EXPECT_EQ(refsOf(graph, traversal.closure({b.id("source:clean@v1"), Direction::Down, -1, {}})),
              (std::set<std::string>{"feature:f1@v1", "feature:f2@v1", "training_set:ts@v1", "model:m@1"}));
    EXPECT_EQ(refsOf(graph, traversal.closure({b.id("model:m@1"), Direction::Up, -1, {}})),
              (std::set<std::string>{"training_set:ts@v1", "feature:f1@v1", "feature:f2@v1", "feature:f3@v1",
                                     "label:l@v1", "source:clean@v1", "source:raw@v1"}));
    EXPECT_EQ(refsOf(graph, traversal.closure({b.id("feature:f1@v1"), Direction::Both, -1, {}})),
              (std::set<std::string>{"source:clean@v1", "source:raw@v1", "training_set:ts@v1", "model:m@1"}));
    // Depth limit and kind filter (the filter does not stop the walk).
    EXPECT_EQ(refsOf(graph, traversal.closure({b.id("source:raw@v1"), Direction::Down, 1, {}})),
              (std::set<std::string>{"source:clean@v1", "feature:f3@v1", "label:l@v1"}));
    EXPECT_EQ(refsOf(graph, traversal.closure({b.id("source:raw@v1"), Direction::Down, -1, {ResourceKind::Model}})),
              (std::set<std::string>{"model:m@1"}));
    const auto reached = traversal.closure({b.id("source:raw@v1"), Direction::Down, -1, {}});
    for (const ReachedNode &r : reached) {
        if (graph.resource(r.node).ref.name == "m") {
            EXPECT_EQ(r.depth, 2) << "raw -> f3 -> m is the shortest way";
        }
    }
    EXPECT_TRUE(traversal.closure({b.id("source:unrelated@v1"), Direction::Both, -1, {}}).empty());
}

TEST(Traversal, PathToGivesEvidenceInLineageOrder)
{
    SnapshotBuilder b = diamond();
    const LineageGraph graph = b.build();
    Traversal traversal(graph);
    traversal.closure({b.id("source:clean@v1"), Direction::Down, -1, {}});
    const LineagePath down = traversal.pathTo(b.id("model:m@1"));
    ASSERT_EQ(down.size(), 4u);
    EXPECT_EQ(down[0].node, b.id("source:clean@v1"));
    EXPECT_EQ(down[3].node, b.id("model:m@1"));
    EXPECT_EQ(down[2].kind, EdgeKind::Feature);
    EXPECT_EQ(down[3].kind, EdgeKind::TrainingSet);

    traversal.closure({b.id("model:m@1"), Direction::Up, -1, {}});
    const LineagePath up = traversal.pathTo(b.id("source:clean@v1"));
    ASSERT_EQ(up.size(), 4u);
    EXPECT_EQ(up.front().node, b.id("source:clean@v1"));
    EXPECT_EQ(up.back().node, b.id("model:m@1"));
    EXPECT_EQ(up[1].kind, EdgeKind::Source);
    EXPECT_EQ(up[3].kind, EdgeKind::TrainingSet);
    EXPECT_TRUE(traversal.pathTo(b.id("source:unrelated@v1")).empty());
}

TEST(Traversal, NeighbourhoodCountsWhatIsNotShown)
{
    SnapshotBuilder b = diamond();
    const LineageGraph graph = b.build();
    Traversal traversal(graph);
    const Neighbourhood hood = traversal.neighbourhood(b.id("training_set:ts@v1"), 1, 1);
    std::map<std::string, std::pair<std::size_t, std::size_t>> hidden;
    for (const NeighbourhoodNode &n : hood.nodes)
        hidden[graph.resource(n.node).ref.name] = {n.hiddenUp, n.hiddenDown};
    EXPECT_EQ(hidden.size(), 5u); // ts, f1, f2, l, m
    EXPECT_EQ(hidden["ts"], (std::pair<std::size_t, std::size_t>{0, 0}));
    EXPECT_EQ(hidden["f1"], (std::pair<std::size_t, std::size_t>{1, 0})); // clean
    EXPECT_EQ(hidden["l"], (std::pair<std::size_t, std::size_t>{1, 0}));  // raw
    EXPECT_EQ(hidden["m"], (std::pair<std::size_t, std::size_t>{1, 0}));  // f3
    EXPECT_EQ(hood.edges.size(), 4u);
}

TEST(Traversal, PathsShortestFirstAndBounded)
{
    SnapshotBuilder b = diamond();
    const LineageGraph graph = b.build();
    Traversal traversal(graph);
    const PathResult all = traversal.paths({b.id("source:raw@v1"), b.id("model:m@1"), 100, 32});
    ASSERT_EQ(all.paths.size(), 4u); // via f3; via l; via clean/f1; via clean/f2
    EXPECT_FALSE(all.truncated);
    EXPECT_EQ(all.paths[0].size(), 3u);
    EXPECT_EQ(all.paths[1].size(), 4u);
    EXPECT_EQ(all.paths[2].size(), 5u);
    EXPECT_EQ(all.paths[3].size(), 5u);
    EXPECT_EQ(all.paths[0][1].node, b.id("feature:f3@v1"));
    EXPECT_EQ(all.paths[0][2].kind, EdgeKind::InferenceFeature);

    const PathResult two = traversal.paths({b.id("source:raw@v1"), b.id("model:m@1"), 2, 32});
    EXPECT_EQ(two.paths.size(), 2u);
    EXPECT_TRUE(two.truncated);
    const PathResult short3 = traversal.paths({b.id("source:raw@v1"), b.id("model:m@1"), 100, 3});
    EXPECT_EQ(short3.paths.size(), 2u);
    EXPECT_TRUE(short3.truncated) << "longer paths exist beyond the length limit";
    EXPECT_TRUE(traversal.paths({b.id("model:m@1"), b.id("source:raw@v1"), 100, 32}).paths.empty());
}

TEST(ColumnNeighbourhood, FollowsColumnLineageWithHiddenCounts)
{
    // raw#a -> mid#x -> f (value) ; raw#b -> mid#y ; mid#x -[aggregated]-> other#z
    LineageSnapshot snapshot;
    const auto add = [&](ResourceKind kind, const char *name) {
        snapshot.resources.push_back({{kind, name, "v1"}, {}, {}, ResourceStatus::Active, {}, {}});
        return snapshot.resources.size() - 1;
    };
    const std::size_t raw = add(ResourceKind::Source, "raw"), mid = add(ResourceKind::Source, "mid");
    const std::size_t other = add(ResourceKind::Source, "other"), f = add(ResourceKind::Feature, "f");
    for (auto [resource, name] : {std::pair{raw, "a"}, {raw, "b"}, {mid, "x"}, {mid, "y"}, {other, "z"}})
        snapshot.columns.push_back({resource, name, {}});
    const Ref rawRef = snapshot.resources[raw].ref, midRef = snapshot.resources[mid].ref;
    snapshot.columnEdges = {{rawRef, "a", mid, "x", TransformKind::Identity},
                            {rawRef, "b", mid, "y", TransformKind::Identity},
                            {midRef, "x", f, "", TransformKind::Identity},
                            {midRef, "x", other, "z", TransformKind::Aggregated}};
    const LineageGraph graph = LineageGraph::build(snapshot);
    const ColumnId x = *graph.findColumn(NodeId(mid), "x");
    const ColumnNeighbourhood all = columnNeighbourhood(graph, x, -1, -1);
    ASSERT_EQ(all.nodes.size(), 4u); // x, a, f's value, z
    EXPECT_EQ(all.edges.size(), 3u);
    const ColumnNeighbourhood near = columnNeighbourhood(graph, *graph.findColumn(NodeId(raw), "a"), 0, 1);
    ASSERT_EQ(near.nodes.size(), 2u);
    EXPECT_EQ(near.nodes[1].node, x);
    EXPECT_EQ(near.nodes[1].depth, 1);
    EXPECT_EQ(near.nodes[1].hiddenDown, 2u); // f and z are not shown
    EXPECT_EQ(graph.column(*graph.valueColumn(NodeId(f))).name, "");
}

TEST(Traversal, ColumnPathsFollowColumnsThenResources)
{
    // raw#a -> mid#x -> f ; raw#a -> mid#y -> g ; f -> ts -> m ; g -> m (inference)
    LineageSnapshot snapshot;
    const auto add = [&](ResourceKind kind, const char *name) {
        snapshot.resources.push_back({{kind, name, "v1"}, {}, {}, ResourceStatus::Active, {}, {}});
        return snapshot.resources.size() - 1;
    };
    const std::size_t raw = add(ResourceKind::Source, "raw"), mid = add(ResourceKind::Source, "mid");
    const std::size_t f = add(ResourceKind::Feature, "f"), g = add(ResourceKind::Feature, "g");
    const std::size_t ts = add(ResourceKind::TrainingSet, "ts"), m = add(ResourceKind::Model, "m");
    for (auto [resource, name] : {std::pair{raw, "a"}, {mid, "x"}, {mid, "y"}})
        snapshot.columns.push_back({resource, name, {}});
    const auto ref = [&](std::size_t i) { return snapshot.resources[i].ref; };
    snapshot.columnEdges = {{ref(raw), "a", mid, "x", TransformKind::Aggregated},
                            {ref(raw), "a", mid, "y", TransformKind::Masked},
                            {ref(mid), "x", f, "", TransformKind::Identity},
                            {ref(mid), "y", g, "", TransformKind::Identity}};
    snapshot.edges = {{ref(raw), mid, EdgeKind::Input},        {ref(mid), f, EdgeKind::Source},
                      {ref(mid), g, EdgeKind::Source},         {ref(f), ts, EdgeKind::Feature},
                      {ref(ts), m, EdgeKind::TrainingSet},     {ref(g), m, EdgeKind::InferenceFeature}};
    const LineageGraph graph = LineageGraph::build(snapshot);
    Traversal traversal(graph);
    const ColumnId a = *graph.findColumn(NodeId(raw), "a");

    const ColumnPathResult toModel = traversal.columnPaths(a, NodeId(m), 10, 32);
    ASSERT_EQ(toModel.paths.size(), 2u);
    EXPECT_FALSE(toModel.truncated);
    const MixedPath &shortest = toModel.paths[0]; // a -masked-> y -> g -inference-> m
    ASSERT_EQ(shortest.size(), 4u);
    EXPECT_EQ(shortest[1].transform, TransformKind::Masked);
    EXPECT_EQ(shortest[2].resource, NodeId(g));
    EXPECT_EQ(shortest[3].column, kNoId);
    EXPECT_EQ(shortest[3].edge, EdgeKind::InferenceFeature);
    EXPECT_EQ(toModel.paths[1].size(), 5u); // a -> x -> f -> ts -> m

    const ColumnPathResult toSource = traversal.columnPaths(a, NodeId(mid), 10, 32);
    EXPECT_EQ(toSource.paths.size(), 2u); // ends at mid#x and at mid#y
    const ColumnPathResult limited = traversal.columnPaths(a, NodeId(m), 1, 32);
    EXPECT_EQ(limited.paths.size(), 1u);
    EXPECT_TRUE(limited.truncated);
    EXPECT_TRUE(traversal.columnPaths(*graph.findColumn(NodeId(mid), "x"), NodeId(g), 10, 32).paths.empty());
}

// The sample catalog: closure of every resource equals a naive search over the stored edges.
TEST(LineageOnStore, ClosureMatchesANaiveSearchOnTheSample)
{
    testing::TempDir dir;
    auto store = openCatalogStore((dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    ImportOptions options;
    ASSERT_TRUE((*store)->importCatalog(testing::loadClean(testing::sampleCatalogDir()), options));
    auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
    ASSERT_TRUE(snapshot) << snapshot.error().toString();
    std::multimap<std::string, std::string> down;
    for (const SnapshotEdge &edge : snapshot->edges)
        down.emplace(edge.from.toString(), snapshot->resources[edge.to].ref.toString());
    const LineageGraph graph = LineageGraph::build(*snapshot);
    EXPECT_EQ(graph.droppedEdges(), 0u);
    EXPECT_GT(graph.columnEdgeCount(), 50u);
    Traversal traversal(graph);
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        std::set<std::string> expected;
        std::vector<std::string> stack{graph.resource(node).ref.toString()};
        while (!stack.empty()) {
            const std::string at = stack.back();
            stack.pop_back();
            for (auto [it, end] = down.equal_range(at); it != end; ++it) {
                if (expected.insert(it->second).second)
                    stack.push_back(it->second);
            }
        }
        EXPECT_EQ(refsOf(graph, traversal.closure({node, Direction::Down, -1, {}})), expected)
            << graph.resource(node).ref.toString();
    }
}

TEST(LineageOnStore, AsOfLeavesOutLaterEdges)
{
    testing::TempDir dir;
    const std::string base = R"(entities: [{name: c}]
sources:
  - {name: raw, version: v1, type: table, columns: [{name: a, type: int, tags: [pii:direct]}]}
features:
  - {name: f, version: v1, entity: c, source: raw@v1, column: a}
)";
    auto store = openCatalogStore((dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    ImportOptions first;
    first.at = *Timestamp::parse("2024-01-01T00:00:00Z");
    ASSERT_TRUE((*store)->importCatalog(testing::loadClean(dir.writeCatalog("v1", {{"c.yaml", base}})), first));
    ImportOptions second;
    second.at = *Timestamp::parse("2024-02-01T00:00:00Z");
    const std::string later = base + "training_sets: [{name: t, version: v1, label: l@v1, features: [f@v1]}]\n"
                                     "labels: [{name: l, version: v1, entity: c, source: raw@v1, column: a}]\n";
    ASSERT_TRUE((*store)->importCatalog(testing::loadClean(dir.writeCatalog("v2", {{"c.yaml", later}})), second));

    const auto graphAt = [&](const AsOf &asOf) { return LineageGraph::build(*(*store)->lineageSnapshot(asOf)); };
    const LineageGraph before = graphAt(AsOf::import({1}));
    const LineageGraph after = graphAt(AsOf::latest());
    EXPECT_EQ(before.nodeCount(), 3u);
    EXPECT_EQ(after.nodeCount(), 5u);
    EXPECT_EQ(*before.import(), ImportId{1});
    Traversal traversal(after);
    const auto raw = *after.find({ResourceKind::Source, "raw", "v1"});
    EXPECT_EQ(refsOf(after, traversal.closure({raw, Direction::Down, -1, {}})),
              (std::set<std::string>{"feature:f@v1", "label:l@v1", "training_set:t@v1"}));
    Traversal early(before);
    EXPECT_EQ(refsOf(before, early.closure({*before.find({ResourceKind::Source, "raw", "v1"}), Direction::Down, -1, {}})),
              (std::set<std::string>{"feature:f@v1"}));
    // Column tags come through the snapshot, and the value column edge is built.
    const auto column = after.findColumn(raw, "a");
    ASSERT_TRUE(column);
    EXPECT_EQ(after.column(*column).tags, std::vector<std::string>{"pii:direct"});
    ASSERT_EQ(after.columnDownstream(*column).size(), 2u);
    EXPECT_EQ(after.fingerprint(), *(*store)->fingerprint(AsOf::latest()));
}

} // namespace
} // namespace tributary
