// SPDX-License-Identifier: Apache-2.0
// The layered layout on hand-made graphs with known answers and on seeded random graphs: the
// invariants of support/layoutchecks.h, both crossing counts, cycles, bands, pins, determinism
// and layouts around an earlier one.
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/layoutchecks.h"
#include "tributary/layout/layeredlayout.h"

namespace tributary {
namespace {

using testing::expectValidLayout;
using testing::identical;
using testing::randomGraph;

LayoutGraph graphOf(std::vector<int> bands, std::vector<LayoutEdge> edges)
{
    LayoutGraph graph;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        LayoutNode node;
        node.key = 1 + i;
        node.band = bands[i];
        graph.nodes.push_back(node);
    }
    graph.edges = std::move(edges);
    return graph;
}

TEST(LayoutTest, EmptyAndSingle)
{
    const Layout empty = layoutLayered({});
    EXPECT_TRUE(empty.nodes.empty());
    EXPECT_EQ(empty.layers, 0u);
    const LayoutGraph one = graphOf({0}, {});
    const Layout layout = layoutLayered(one);
    expectValidLayout(one, layout, {}, "one node");
    EXPECT_EQ(layout.layers, 1u);
    EXPECT_EQ(layout.right - layout.left, 160);
    EXPECT_EQ(layout.bottom - layout.top, 40);
}

TEST(LayoutTest, ChainRunsLeftToRight)
{
    const LayoutGraph chain = graphOf({0, 0, 1, 2, 3}, {{0, 1}, {1, 2}, {2, 3}, {3, 4}});
    const Layout layout = layoutLayered(chain);
    expectValidLayout(chain, layout, {}, "chain");
    ASSERT_EQ(layout.layers, 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(layout.nodes[i].layer, int(i));
        EXPECT_EQ(layout.nodes[i].centre.y, layout.nodes[0].centre.y) << "a chain is straight";
    }
    EXPECT_EQ(layout.nodes[1].centre.x - layout.nodes[0].centre.x, 160 + 90);
    EXPECT_EQ(layout.crossings, 0u);
}

TEST(LayoutTest, CompleteBipartiteCrossesOnce)
{
    const LayoutGraph k22 = graphOf({0, 0, 1, 1}, {{0, 2}, {0, 3}, {1, 2}, {1, 3}});
    const Layout layout = layoutLayered(k22);
    expectValidLayout(k22, layout, {}, "K2,2");
    EXPECT_EQ(layout.crossings, 1u);
    EXPECT_EQ(countRouteCrossings(layout), 1u);
}

TEST(LayoutTest, UntanglesWhatTheFirstOrderCrosses)
{
    // Depth first puts a, b and then c, d, so a->d crosses b->c; b above a crosses nothing.
    const LayoutGraph graph = graphOf({0, 0, 1, 1}, {{0, 2}, {0, 3}, {1, 2}});
    LayoutOptions none;
    none.sweeps = 0;
    const Layout first = layoutLayered(graph, none);
    expectValidLayout(graph, first, none, "no sweeps");
    EXPECT_EQ(first.crossings, 1u);
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "untangled");
    EXPECT_EQ(layout.crossings, 0u);
    EXPECT_EQ(countRouteCrossings(layout), 0u);
}

TEST(LayoutTest, LongEdgesPassThroughDummies)
{
    // a -> b -> c -> d and a -> d: the long edge passes two layers, level through each column.
    const LayoutGraph graph = graphOf({0, 1, 2, 3}, {{0, 1}, {1, 2}, {2, 3}, {0, 3}});
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "long edge");
    const RoutedEdge &route = layout.edges[3];
    ASSERT_EQ(route.points.size(), 6u);
    EXPECT_EQ(route.points[1].y, route.points[2].y);
    EXPECT_EQ(route.points[1].x, layout.columns[1] - 80);
    EXPECT_EQ(route.points[2].x, layout.columns[1] + 80);
}

TEST(LayoutTest, BandsComeInOrderAndAbsentOnesTakeNoLayers)
{
    // No edges at all: only the bands order the nodes. Bands 1 and 2 are absent.
    const LayoutGraph graph = graphOf({3, 0, 3, 0, 7}, {});
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "bands");
    EXPECT_EQ(layout.layers, 3u);
    EXPECT_EQ(layout.nodes[1].layer, 0);
    EXPECT_EQ(layout.nodes[0].layer, 1);
    EXPECT_EQ(layout.nodes[4].layer, 2);
}

TEST(LayoutTest, LineageAgainstTheBandsKeepsItsDirection)
{
    // A model (band 3) feeding a source (band 0), and a feature of band 1 beside them: the
    // source sits right of the model, and the feature still left of the model's band.
    const LayoutGraph graph = graphOf({3, 0, 1}, {{0, 1}});
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "against bands");
    EXPECT_FALSE(layout.edges[0].reversed);
    EXPECT_LT(layout.nodes[0].layer, layout.nodes[1].layer);
    EXPECT_LT(layout.nodes[2].layer, layout.nodes[0].layer);
}

TEST(LayoutTest, SourceFeedingOneThingSitsBesideIt)
{
    // s1 -> s2 -> s3 -> f -> t, and s feeds only f: longest path would put s at layer 0.
    const LayoutGraph graph = graphOf({0, 0, 0, 1, 2, 0}, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {5, 3}});
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "shortened");
    EXPECT_EQ(layout.nodes[5].layer, layout.nodes[3].layer - 1);
    EXPECT_EQ(layout.nodes[0].layer, 0);
}

TEST(LayoutTest, CyclesAreBrokenByReversedEdges)
{
    // a -> b -> c -> a, c -> d -> b, and a self-loop on d.
    const LayoutGraph graph
        = graphOf({0, 0, 0, 0}, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 1}, {3, 3}});
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "cycles");
    std::size_t reversed = 0;
    for (const RoutedEdge &route : layout.edges)
        reversed += route.reversed;
    EXPECT_EQ(reversed, 2u);
    // Depth first from a: a, b, c, then c -> a closes a cycle, and later d -> b.
    EXPECT_TRUE(layout.edges[2].reversed);
    EXPECT_TRUE(layout.edges[4].reversed);
    EXPECT_TRUE(layout.edges[5].selfLoop);
    EXPECT_FALSE(layout.edges[5].reversed);
    EXPECT_EQ(layout.edges[5].points.size(), 4u);
}

TEST(LayoutTest, BadEdgesAreLeftOut)
{
    const LayoutGraph graph = graphOf({0, 1}, {{0, 1}, {0, 9}});
    const Layout layout = layoutLayered(graph);
    ASSERT_EQ(layout.edges.size(), 2u);
    EXPECT_EQ(layout.edges[1].points.size(), 2u);
    EXPECT_EQ(layout.nodes[1].layer, 1);
}

TEST(LayoutTest, RandomGraphsKeepEveryInvariant)
{
    const LayoutOptions options;
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        const std::uint32_t nodes = 5 + seed * 7;
        const LayoutGraph graph = randomGraph(seed, nodes, nodes * (1 + seed % 3), seed % 5 != 0);
        const Layout layout = layoutLayered(graph, options);
        expectValidLayout(graph, layout, options, "seed " + std::to_string(seed));
    }
}

TEST(LayoutTest, RandomGraphsWithOtherGaps)
{
    LayoutOptions options;
    options.layerGap = 40;
    options.nodeGap = 5;
    options.edgeGap = 3;
    options.sweeps = 4;
    for (std::uint32_t seed = 100; seed < 110; ++seed) {
        const LayoutGraph graph = randomGraph(seed, 150, 400);
        expectValidLayout(
            graph, layoutLayered(graph, options), options, "seed " + std::to_string(seed));
    }
}

TEST(LayoutTest, SweepsNeverMakeItWorse)
{
    for (std::uint32_t seed = 1; seed <= 10; ++seed) {
        const LayoutGraph graph = randomGraph(seed, 120, 300);
        LayoutOptions none;
        none.sweeps = 0;
        EXPECT_LE(layoutLayered(graph).crossings, layoutLayered(graph, none).crossings);
    }
}

TEST(LayoutTest, SameInputSameLayout)
{
    for (std::uint32_t seed = 1; seed <= 5; ++seed) {
        const LayoutGraph graph = randomGraph(seed, 300, 700);
        const Layout a = layoutLayered(graph);
        const Layout b = layoutLayered(graph);
        EXPECT_TRUE(identical(a, b)) << "seed " << seed;
        const Layout around = layoutLayered(graph, {}, &a);
        EXPECT_TRUE(identical(a, around)) << "laid out again around itself, seed " << seed;
    }
}

TEST(LayoutTest, LayoutsOnManyThreadsAgree)
{
    std::vector<LayoutGraph> graphs;
    std::vector<Layout> alone;
    for (std::uint32_t seed = 1; seed <= 6; ++seed) {
        graphs.push_back(randomGraph(seed, 250, 600));
        alone.push_back(layoutLayered(graphs.back()));
    }
    std::vector<Layout> together(graphs.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < graphs.size(); ++i)
        threads.emplace_back([&, i] { together[i] = layoutLayered(graphs[i], {}, &alone[i]); });
    for (std::thread &thread : threads)
        thread.join();
    for (std::size_t i = 0; i < graphs.size(); ++i)
        EXPECT_TRUE(identical(alone[i], together[i])) << "graph " << i;
}

TEST(LayoutTest, PinnedNodesSitWherePinned)
{
    LayoutGraph graph = randomGraph(3, 40, 80);
    graph.nodes[5].pinned = LayoutPoint{1234.5, -321.25};
    graph.nodes[17].pinned = LayoutPoint{-50, 60};
    const Layout layout = layoutLayered(graph);
    expectValidLayout(graph, layout, {}, "pinned", {false, true});
    EXPECT_EQ(layout.nodes[5].centre, (LayoutPoint{1234.5, -321.25}));
    EXPECT_EQ(layout.nodes[17].centre, (LayoutPoint{-50, 60}));
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge &edge = graph.edges[i];
        const RoutedEdge &route = layout.edges[i];
        if (edge.from == 5 && !route.reversed) {
            EXPECT_EQ(
                route.points.front(), (LayoutPoint{1234.5 + graph.nodes[5].width / 2, -321.25}));
        }
        if (edge.to == 5 && !route.reversed) {
            EXPECT_EQ(
                route.points.back(), (LayoutPoint{1234.5 - graph.nodes[5].width / 2, -321.25}));
        }
    }
    EXPECT_LE(layout.left, -50 - graph.nodes[17].width / 2);
    EXPECT_LE(layout.top, -321.25 - graph.nodes[5].height / 2);
}

// Adds, for node `at`, new upstream neighbours of the lowest band and new downstream ones of
// the highest, each joined to `at` only.
LayoutGraph withNeighbours(LayoutGraph graph, std::uint32_t at, int up, int down, std::uint64_t key)
{
    for (int i = 0; i < up + down; ++i) {
        LayoutNode node;
        node.key = key + std::uint64_t(i);
        node.width = 50;
        node.height = 30;
        node.band = i < up ? 0 : 3;
        const auto index = std::uint32_t(graph.nodes.size());
        graph.nodes.push_back(node);
        graph.edges.push_back(i < up ? LayoutEdge{index, at} : LayoutEdge{at, index});
    }
    return graph;
}

void expectKept(const LayoutGraph &before, const Layout &was, const LayoutGraph &after,
    const Layout &now, const std::string &what)
{
    std::map<std::uint64_t, std::size_t> index;
    for (std::size_t i = 0; i < after.nodes.size(); ++i)
        index.emplace(after.nodes[i].key, i);
    for (std::size_t i = 0; i < before.nodes.size(); ++i) {
        const auto found = index.find(before.nodes[i].key);
        if (found == index.end())
            continue;
        EXPECT_EQ(now.nodes[found->second].centre, was.nodes[i].centre) << what << ", node " << i;
    }
}

TEST(LayoutTest, NewNeighboursLeaveEveryOldCentre)
{
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const LayoutGraph graph = randomGraph(seed, 60 + seed * 5, 150 + seed * 10);
        const Layout first = layoutLayered(graph);
        for (const std::uint32_t at :
            {0u, std::uint32_t(graph.nodes.size() / 2), std::uint32_t(graph.nodes.size() - 1)}) {
            const LayoutGraph grown = withNeighbours(graph, at, 3, 2, 90000);
            const Layout next = layoutLayered(grown, {}, &first);
            const std::string what = "seed " + std::to_string(seed) + " at " + std::to_string(at);
            expectValidLayout(grown, next, {}, what, {true, false});
            expectKept(graph, first, grown, next, what);
            // And again: a second expansion around the first.
            const LayoutGraph again
                = withNeighbours(grown, std::uint32_t(grown.nodes.size() - 1), 2, 2, 95000);
            const Layout third = layoutLayered(again, {}, &next);
            expectValidLayout(again, third, {}, what + " twice", {true, false});
            expectKept(grown, next, again, third, what + " twice");
        }
    }
}

TEST(LayoutTest, RemovedNodesJustVanish)
{
    for (std::uint32_t seed = 1; seed <= 20; ++seed) {
        const LayoutGraph graph = randomGraph(seed, 80, 200);
        const Layout first = layoutLayered(graph);
        // Drop every fifth node and its edges.
        LayoutGraph smaller;
        std::vector<std::uint32_t> renumber(graph.nodes.size(), UINT32_MAX);
        for (std::uint32_t i = 0; i < graph.nodes.size(); ++i) {
            if (i % 5 == seed % 5)
                continue;
            renumber[i] = std::uint32_t(smaller.nodes.size());
            smaller.nodes.push_back(graph.nodes[i]);
        }
        for (const LayoutEdge &edge : graph.edges) {
            if (renumber[edge.from] != UINT32_MAX && renumber[edge.to] != UINT32_MAX)
                smaller.edges.push_back({renumber[edge.from], renumber[edge.to]});
        }
        const Layout next = layoutLayered(smaller, {}, &first);
        const std::string what = "seed " + std::to_string(seed);
        expectValidLayout(smaller, next, {}, what, {true, false});
        expectKept(graph, first, smaller, next, what);
    }
}

TEST(LayoutTest, NewNodesFitBetweenOldOnes)
{
    // Two sources far apart in one column (each feeds its own chain), then a new source feeding
    // the middle of nothing but a new feature between them: it fits in the gap.
    LayoutGraph graph = graphOf({0, 0, 1, 1}, {{0, 2}, {1, 3}});
    graph.nodes[2].height = 200;
    graph.nodes[3].height = 200;
    const Layout first = layoutLayered(graph);
    const double gapTop = first.nodes[0].centre.y, gapBottom = first.nodes[1].centre.y;
    ASSERT_GT(gapBottom - gapTop, 150);
    LayoutGraph grown = graph;
    LayoutNode extra;
    extra.key = 77;
    extra.height = 20;
    grown.nodes.push_back(extra);
    grown.edges.push_back({4, 2});
    grown.edges.push_back({4, 3});
    const Layout next = layoutLayered(grown, {}, &first);
    expectValidLayout(grown, next, {}, "fitted", {true, false});
    expectKept(graph, first, grown, next, "fitted");
    EXPECT_EQ(next.nodes[4].layer, next.nodes[0].layer);
    EXPECT_GT(next.nodes[4].centre.y, gapTop);
    EXPECT_LT(next.nodes[4].centre.y, gapBottom);
    EXPECT_EQ(next.nodes[4].order, 1);
}

TEST(LayoutTest, AMissingLayerMovesTheColumnsAfterItRight)
{
    // a -> b in adjacent layers; a new x with a -> x -> b needs a layer between them: b's column
    // moves right by one column, a and every y stay.
    const LayoutGraph graph = graphOf({0, 0, 0}, {{0, 1}, {1, 2}});
    const Layout first = layoutLayered(graph);
    LayoutGraph grown = graph;
    LayoutNode x;
    x.key = 50;
    grown.nodes.push_back(x);
    grown.edges.push_back({0, 3});
    grown.edges.push_back({3, 1});
    const Layout next = layoutLayered(grown, {}, &first);
    expectValidLayout(grown, next, {}, "inserted", {true, false});
    EXPECT_EQ(next.nodes[0].centre, first.nodes[0].centre);
    EXPECT_EQ(next.layers, 4u);
    EXPECT_EQ(next.nodes[3].layer, 1);
    for (const std::size_t moved : {1u, 2u}) {
        EXPECT_EQ(next.nodes[moved].centre.y, first.nodes[moved].centre.y);
        EXPECT_EQ(next.nodes[moved].centre.x, first.nodes[moved].centre.x + 160 + 90);
    }
}

TEST(LayoutTest, AroundALayoutWithNothingInCommonIsFresh)
{
    const LayoutGraph a = randomGraph(1, 30, 60);
    LayoutGraph b = randomGraph(2, 30, 60);
    for (LayoutNode &node : b.nodes)
        node.key += 5000;
    const Layout first = layoutLayered(a);
    EXPECT_TRUE(identical(layoutLayered(b, {}, &first), layoutLayered(b)));
}

} // namespace
} // namespace tributary
