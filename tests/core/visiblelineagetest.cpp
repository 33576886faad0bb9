// SPDX-License-Identifier: Apache-2.0
// What a lineage drawing shows: reset by depth, expand and collapse, hidden counts, columns,
// the limit; and the DOT and GraphML of a drawing.
#include "tributary/lineage/visiblelineage.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "support/snapshotbuilder.h"
#include "tributary/layout/drawngraph.h"

namespace tributary {
namespace {

// a -> b -> c -> d, and x -> c (a second way into c), c -> e
SnapshotBuilder chain()
{
    SnapshotBuilder b;
    b.node("source:a@v1", {"id", "email"})
        .node("source:b@v1", {"id", "email_hash"})
        .node("source:x@v1")
        .node("feature:c@v1")
        .node("training_set:d@v1")
        .node("model:e@1");
    b.edge("source:a@v1", "source:b@v1", EdgeKind::Input)
        .edge("source:b@v1", "feature:c@v1", EdgeKind::Source)
        .edge("source:x@v1", "feature:c@v1", EdgeKind::Source)
        .edge("feature:c@v1", "training_set:d@v1", EdgeKind::Feature)
        .edge("feature:c@v1", "model:e@1", EdgeKind::InferenceFeature)
        .columnEdge("source:a@v1", "id", "source:b@v1", "id")
        .columnEdge("source:a@v1", "email", "source:b@v1", "email_hash", TransformKind::Masked)
        .columnEdge("source:b@v1", "id", "feature:c@v1", "");
    return b;
}

std::set<std::string> shown(const VisibleLineage &view)
{
    std::set<std::string> refs;
    for (NodeId node : view.nodes())
        refs.insert(view.graph().resource(node).ref.toString());
    return refs;
}

TEST(VisibleLineage, ShowsADepthEachWayWithHiddenCounts)
{
    SnapshotBuilder b = chain();
    const LineageGraph graph = b.build();
    VisibleLineage view(graph);
    view.reset(b.id("source:b@v1"), 1, 1);
    EXPECT_EQ(shown(view), (std::set<std::string>{"source:a@v1", "source:b@v1", "feature:c@v1"}));
    EXPECT_EQ(view.hiddenUp(b.id("feature:c@v1")), 1u) << "x feeds c and is not shown";
    EXPECT_EQ(view.hiddenDown(b.id("feature:c@v1")), 2u);
    EXPECT_EQ(view.hiddenUp(b.id("source:a@v1")), 0u);
    EXPECT_EQ(view.edges().size(), 2u);
    EXPECT_EQ(view.truncated(), 0u);

    view.reset(b.id("source:b@v1"), -1, -1);
    EXPECT_EQ(shown(view).size(), 5u) << "everything but x, which is neither up nor down of b";
    EXPECT_EQ(view.hiddenUp(b.id("feature:c@v1")), 1u);
}

TEST(VisibleLineage, ExpandsAndCollapsesOneSide)
{
    SnapshotBuilder b = chain();
    const LineageGraph graph = b.build();
    VisibleLineage view(graph);
    const NodeId c = b.id("feature:c@v1");
    view.reset(b.id("source:b@v1"), 0, 1);
    EXPECT_EQ(shown(view), (std::set<std::string>{"source:b@v1", "feature:c@v1"}));
    const auto added = view.expand(c, Direction::Down);
    EXPECT_EQ(added.size(), 2u);
    EXPECT_EQ(view.hiddenDown(c), 0u);
    EXPECT_EQ(view.expand(c, Direction::Down).size(), 0u) << "nothing more to show";
    view.expand(c, Direction::Up);
    EXPECT_TRUE(view.isShown(b.id("source:x@v1")));

    // Collapsing c's downstream hides d and e; x, reached through c's upstream, stays.
    const auto hidden = view.collapse(c, Direction::Down);
    EXPECT_EQ(hidden.size(), 2u);
    EXPECT_EQ(shown(view), (std::set<std::string>{"source:b@v1", "feature:c@v1", "source:x@v1"}));
    EXPECT_EQ(view.hiddenDown(c), 2u);
    // Collapsing c's upstream hides x only: b is the centre, and a hangs on b.
    view.collapse(c, Direction::Up);
    EXPECT_EQ(shown(view), (std::set<std::string>{"source:b@v1", "feature:c@v1"}));
    // Collapsing the centre's downstream leaves the centre.
    view.collapse(b.id("source:b@v1"), Direction::Down);
    EXPECT_EQ(shown(view), (std::set<std::string>{"source:b@v1"}));
}

TEST(VisibleLineage, KeepsWhatAnotherShownPathReaches)
{
    // centre a -> b -> c, and a -> c directly: collapsing b's downstream must keep c.
    SnapshotBuilder b;
    b.node("source:a@v1").node("source:b@v1").node("feature:c@v1");
    b.edge("source:a@v1", "source:b@v1", EdgeKind::Input)
        .edge("source:b@v1", "feature:c@v1", EdgeKind::Source)
        .edge("source:a@v1", "feature:c@v1", EdgeKind::Source);
    const LineageGraph graph = b.build();
    VisibleLineage view(graph);
    view.reset(b.id("source:a@v1"), 0, -1);
    EXPECT_TRUE(view.collapse(b.id("source:b@v1"), Direction::Down).empty());
    EXPECT_TRUE(view.isShown(b.id("feature:c@v1")));
}

TEST(VisibleLineage, ShowsColumnEdgesWhereColumnsAreShown)
{
    SnapshotBuilder b = chain();
    const LineageGraph graph = b.build();
    VisibleLineage view(graph);
    view.reset(b.id("source:b@v1"), 1, 1);
    EXPECT_TRUE(view.columnEdges().empty()) << "no resource shows its columns yet";
    view.showColumns(b.id("source:b@v1"), true);
    EXPECT_TRUE(view.columnsShown(b.id("source:b@v1")));
    const auto edges = view.columnEdges();
    ASSERT_EQ(edges.size(), 3u) << "a's two columns into b, and b#id into c";
    const auto masked = std::find_if(edges.begin(), edges.end(),
        [](const VisibleColumnEdge &e) { return e.transform == TransformKind::Masked; });
    ASSERT_NE(masked, edges.end());
    EXPECT_EQ(graph.column(masked->from).name, "email");
    view.showColumns(b.id("source:x@v1"), true);
    EXPECT_FALSE(view.columnsShown(b.id("source:x@v1"))) << "x is not shown";
    view.reset(b.id("source:b@v1"), 1, 1);
    EXPECT_FALSE(view.columnsShown(b.id("source:b@v1"))) << "a reset folds columns again";
}

TEST(VisibleLineage, CutsTheFarEdgeAtTheLimitAndSaysSo)
{
    SnapshotBuilder b;
    b.node("source:hub@v1");
    for (int i = 0; i < 10; ++i) {
        const std::string feature = "feature:f" + std::to_string(i) + "@v1";
        b.node(feature).edge("source:hub@v1", feature, EdgeKind::Source);
    }
    const LineageGraph graph = b.build();
    VisibleLineage view(graph, 4);
    view.reset(b.id("source:hub@v1"), -1, -1);
    EXPECT_EQ(view.nodes().size(), 4u);
    EXPECT_EQ(view.truncated(), 7u);
    EXPECT_TRUE(view.isShown(b.id("source:hub@v1"))) << "the centre first";
    EXPECT_EQ(view.hiddenDown(b.id("source:hub@v1")), 7u) << "and the node says what it hides";
}

TEST(VisibleLineage, RestoresASavedSet)
{
    SnapshotBuilder b = chain();
    const LineageGraph graph = b.build();
    VisibleLineage view(graph);
    view.restore(
        b.id("feature:c@v1"), {b.id("feature:c@v1"), b.id("model:e@1"), 999}, {b.id("model:e@1")});
    EXPECT_EQ(shown(view), (std::set<std::string>{"feature:c@v1", "model:e@1"}))
        << "unknown ids skipped";
}

DrawnGraph hostileDrawing()
{
    DrawnGraph graph;
    graph.title = "Lineage of feature:\"x\"@v1";
    graph.asOf = "latest";
    graph.fingerprint = "abc";
    DrawnNode a{"source:a<b>@v1", "a<b>@v1", "source", {"pii:direct", "x&y"}, {"e\"mail", "id\x01"},
        {100, 50}, 160, 44, 1, 0, true};
    DrawnNode c{
        "feature:c@v1", "c@v1 \xff bad", "feature", {}, {}, {400, 60}, 120, 44, 0, 2, false};
    graph.nodes = {a, c};
    graph.edges.push_back({0, 1, "source", "", "", {{180, 50}, {340, 60}}, true});
    graph.edges.push_back({0, 1, "masked", "e\"mail", "", {{180, 70}, {340, 60}}, false});
    return graph;
}

TEST(GraphExport, WritesDotThatQuotesEverything)
{
    const std::string dot = writeDot(hostileDrawing());
    EXPECT_NE(dot.find("digraph lineage {"), std::string::npos);
    EXPECT_NE(dot.find("rankdir=LR"), std::string::npos);
    EXPECT_NE(dot.find("label=\"Lineage of feature:\\\"x\\\"@v1\""), std::string::npos);
    EXPECT_NE(dot.find("n0 -> n1 [kind=\"source\""), std::string::npos);
    EXPECT_NE(dot.find("tailport=\"e\\\"mail\""), std::string::npos)
        << "a column edge names its column";
    EXPECT_NE(dot.find("pos=\"100.00,32.00!\""), std::string::npos)
        << "y flipped about the lowest point (82)";
    EXPECT_NE(dot.find("hidden_down=2"), std::string::npos);
    EXPECT_EQ(std::count(dot.begin(), dot.end(), '{'), std::count(dot.begin(), dot.end(), '}'));
}

TEST(GraphExport, WritesGraphmlThatIsAlwaysValidXml)
{
    const std::string xml = writeGraphml(hostileDrawing());
    EXPECT_EQ(xml.find("<b>"), std::string::npos) << "catalog text escaped";
    EXPECT_NE(xml.find("source:a&lt;b&gt;@v1"), std::string::npos);
    EXPECT_NE(xml.find("x&amp;y"), std::string::npos);
    EXPECT_EQ(xml.find('\x01'), std::string::npos) << "control characters dropped";
    EXPECT_EQ(xml.find('\xff'), std::string::npos) << "bytes that are not UTF-8 replaced";
    EXPECT_NE(xml.find("c@v1 \xEF\xBF\xBD bad"), std::string::npos);
    EXPECT_NE(xml.find("<edge id=\"e1\" source=\"source:a&lt;b&gt;@v1\" target=\"feature:c@v1\">"),
        std::string::npos);
    EXPECT_NE(xml.find("<data key=\"route\">180.00,50.00 340.00,60.00</data>"), std::string::npos);
    EXPECT_NE(xml.find("<data key=\"hidden_up\">1</data>"), std::string::npos);
    // Every element opened is closed.
    for (const char *tag : {"node", "edge", "graph", "graphml"}) {
        const std::string open = std::string("<") + tag + " ",
                          openBare = std::string("<") + tag + ">",
                          close = std::string("</") + tag + ">";
        std::size_t opens = 0, closes = 0;
        for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1))
            ++opens;
        for (std::size_t at = xml.find(openBare); at != std::string::npos;
             at = xml.find(openBare, at + 1))
            ++opens;
        for (std::size_t at = xml.find(close); at != std::string::npos;
             at = xml.find(close, at + 1))
            ++closes;
        EXPECT_EQ(opens, closes) << tag;
    }
}

} // namespace
} // namespace tributary
