// SPDX-License-Identifier: Apache-2.0
// The layered layout on lineage neighbourhoods of a generated catalog, sized as the desktop
// draws them: every invariant, both crossing counts, and expanding a node around the earlier
// layout.
#include <algorithm>
#include <cstdlib>
#include <map>

#include <gtest/gtest.h>

#include "support/layoutchecks.h"
#include "support/tempcatalog.h"
#include "tributary/layout/layeredlayout.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

class LayoutGeneratedTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new testing::TempDir;
        const std::string command = std::string(TRIBUTARY_GEN_PATH)
            + " --scale S --seed 11 --output " + (s_dir->path() / "catalog").string()
            + " > /dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
        auto store = openCatalogStore((s_dir->path() / "c.sqlite").string(), OpenMode::Create);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->importCatalog(
            testing::loadClean(s_dir->path() / "catalog"), ImportOptions{}));
        auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
        ASSERT_TRUE(snapshot);
        s_graph = new LineageGraph(LineageGraph::build(std::move(*snapshot)));
    }
    static void TearDownTestSuite()
    {
        delete s_graph;
        delete s_dir;
    }

    // The nodes with most edges, busiest first.
    static std::vector<NodeId> busiest(std::size_t count)
    {
        std::vector<std::pair<std::size_t, NodeId>> degree;
        for (NodeId node = 0; node < s_graph->nodeCount(); ++node)
            degree.emplace_back(
                s_graph->upstream(node).size() + s_graph->downstream(node).size(), node);
        std::sort(degree.begin(), degree.end(), [](const auto &a, const auto &b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        std::vector<NodeId> result;
        for (std::size_t i = 0; i < std::min(count, degree.size()); ++i)
            result.push_back(degree[i].second);
        return result;
    }

    // The graph the desktop would lay out for these nodes: its sizes, its bands, induced edges.
    static LayoutGraph drawingOf(const std::vector<NodeId> &nodes)
    {
        LayoutGraph graph;
        std::map<NodeId, std::uint32_t> index;
        for (const NodeId node : nodes) {
            const Ref &ref = s_graph->resource(node).ref;
            LayoutNode drawn;
            drawn.key = node;
            drawn.width = std::min(260.0, 60.0 + 7.0 * double(ref.shortString().size()));
            drawn.height = 44;
            drawn.band = tributary::lineageOrder(ref.kind);
            index.emplace(node, std::uint32_t(graph.nodes.size()));
            graph.nodes.push_back(drawn);
        }
        for (const NodeId node : nodes) {
            for (const LineageStep &step : s_graph->downstream(node)) {
                const auto found = index.find(step.node);
                if (found != index.end())
                    graph.edges.push_back({index.at(node), found->second});
            }
        }
        return graph;
    }

    static std::vector<NodeId> nodesOf(const Neighbourhood &neighbourhood)
    {
        std::vector<NodeId> nodes;
        for (const NeighbourhoodNode &node : neighbourhood.nodes)
            nodes.push_back(node.node);
        return nodes;
    }

    static testing::TempDir *s_dir;
    static LineageGraph *s_graph;
};

testing::TempDir *LayoutGeneratedTest::s_dir = nullptr;
LineageGraph *LayoutGeneratedTest::s_graph = nullptr;

TEST_F(LayoutGeneratedTest, NeighbourhoodsKeepEveryInvariant)
{
    ASSERT_TRUE(s_graph);
    Traversal traversal(*s_graph);
    std::size_t laid = 0, crossed = 0;
    for (const NodeId start : busiest(12)) {
        for (const int depth : {1, 2, 3}) {
            const LayoutGraph graph
                = drawingOf(nodesOf(traversal.neighbourhood(start, depth, depth)));
            if (graph.nodes.size() > 1500)
                continue;
            const Layout layout = layoutLayered(graph);
            const std::string what = s_graph->resource(start).ref.toString() + " depth "
                + std::to_string(depth) + " (" + std::to_string(graph.nodes.size()) + " nodes)";
            testing::expectValidLayout(graph, layout, {}, what);
            EXPECT_TRUE(testing::identical(layout, layoutLayered(graph))) << what;
            ++laid;
            crossed += layout.crossings > 0;
        }
    }
    EXPECT_GE(laid, 20u);
    EXPECT_GT(crossed, 0u) << "the neighbourhoods should not all be trivially planar";
}

TEST_F(LayoutGeneratedTest, ExpandingANodeKeepsTheRest)
{
    ASSERT_TRUE(s_graph);
    Traversal traversal(*s_graph);
    std::size_t unmoved = 0, expansions = 0;
    for (const NodeId start : busiest(8)) {
        const std::vector<NodeId> shown = nodesOf(traversal.neighbourhood(start, 1, 1));
        const LayoutGraph graph = drawingOf(shown);
        const Layout first = layoutLayered(graph);
        // Expand each shown node in turn: its hidden neighbours join, with every induced edge.
        for (const NodeId at : shown) {
            std::vector<NodeId> grown = shown;
            for (const NodeId next : nodesOf(traversal.neighbourhood(at, 1, 1))) {
                if (std::find(grown.begin(), grown.end(), next) == grown.end())
                    grown.push_back(next);
            }
            if (grown.size() == shown.size() || grown.size() > 800)
                continue;
            const LayoutGraph bigger = drawingOf(grown);
            const Layout next = layoutLayered(bigger, {}, &first);
            const std::string what = s_graph->resource(at).ref.toString();
            testing::expectValidLayout(bigger, next, {}, what, {true, false});
            // Every y stays; x stays, or moves right where a new layer had to go in between;
            // the order within each layer stays.
            bool moved = false;
            for (std::size_t i = 0; i < shown.size(); ++i) {
                EXPECT_EQ(next.nodes[i].centre.y, first.nodes[i].centre.y) << what;
                EXPECT_GE(next.nodes[i].centre.x, first.nodes[i].centre.x) << what;
                moved = moved || next.nodes[i].centre.x != first.nodes[i].centre.x;
                for (std::size_t j = 0; j < shown.size(); ++j) {
                    if (first.nodes[i].layer == first.nodes[j].layer
                        && first.nodes[i].order < first.nodes[j].order) {
                        EXPECT_EQ(next.nodes[i].layer, next.nodes[j].layer) << what;
                        EXPECT_LT(next.nodes[i].order, next.nodes[j].order) << what;
                    }
                }
            }
            unmoved += !moved;
            ++expansions;
        }
    }
    EXPECT_GE(expansions, 20u);
    EXPECT_GT(unmoved, expansions / 2) << "most expansions should move nothing";
}

} // namespace
} // namespace tributary
