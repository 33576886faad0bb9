// SPDX-License-Identifier: Apache-2.0
// Test helpers for layered layouts: random graphs, and the invariants every layout must keep
// (edge direction, bands, no overlaps, routes clear of boxes, both crossing counts equal).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tributary/layout/layeredlayout.h"

namespace tributary::testing {

// A random graph: `nodes` nodes of varied sizes and bands 0..3, `edges` edges from a lower to a
// higher index (so acyclic by index; some go against the bands, as a source computed from a
// feature does).
inline LayoutGraph randomGraph(
    std::uint32_t seed, std::uint32_t nodes, std::uint32_t edges, bool banded = true)
{
    std::mt19937 random(seed);
    LayoutGraph graph;
    for (std::uint32_t i = 0; i < nodes; ++i) {
        LayoutNode node;
        node.key = 1000 + i;
        node.width = 60 + double(random() % 200);
        node.height = 30 + double(random() % 3) * 10;
        node.band = banded ? int(4 * i / nodes) : 0;
        if (banded && random() % 8 == 0)
            node.band = int(random() % 4);
        graph.nodes.push_back(node);
    }
    for (std::uint32_t i = 0; i < edges && nodes > 1; ++i) {
        const std::uint32_t a = random() % nodes;
        const std::uint32_t b = random() % nodes;
        if (a == b)
            continue;
        graph.edges.push_back({std::min(a, b), std::max(a, b)});
    }
    return graph;
}

inline double widthOf(const LayoutNode &node)
{
    return node.width;
}

// Does the segment pq enter the open box (x0, x1) x (y0, y1)? Liang–Barsky clipping.
inline bool entersBox(
    const LayoutPoint &p, const LayoutPoint &q, double x0, double y0, double x1, double y1)
{
    const double e = 1e-6;
    x0 += e, y0 += e, x1 -= e, y1 -= e;
    if (x0 >= x1 || y0 >= y1)
        return false;
    double t0 = 0, t1 = 1;
    const double dx = q.x - p.x, dy = q.y - p.y;
    const double ps[4] = {-dx, dx, -dy, dy};
    const double qs[4] = {p.x - x0, x1 - p.x, p.y - y0, y1 - p.y};
    for (int i = 0; i < 4; ++i) {
        if (ps[i] == 0) {
            if (qs[i] <= 0)
                return false;
            continue;
        }
        const double t = qs[i] / ps[i];
        if (ps[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 >= t1)
            return false;
    }
    return t0 < t1;
}

struct CheckOptions {
    bool geometry = true; // routes clear of boxes, counts equal (off when nodes are pinned)
    bool freshGaps = true; // columns a full layer gap apart (a fresh layout)
};

// Every invariant of a layout of `graph`; failures name `what`.
inline void expectValidLayout(const LayoutGraph &graph, const Layout &layout,
    const LayoutOptions &options, const std::string &what, CheckOptions check = {})
{
    SCOPED_TRACE(what);
    const std::size_t n = graph.nodes.size();
    ASSERT_EQ(layout.nodes.size(), n);
    ASSERT_EQ(layout.edges.size(), graph.edges.size());
    ASSERT_EQ(layout.keys.size(), n);
    ASSERT_EQ(layout.columns.size(), layout.layers);

    // Layers: every layer holds a node; edges point right unless reversed; bands apart.
    std::vector<int> perLayer(layout.layers, 0);
    for (const PlacedNode &node : layout.nodes) {
        ASSERT_GE(node.layer, 0);
        ASSERT_LT(std::size_t(node.layer), layout.layers);
        ++perLayer[std::size_t(node.layer)];
    }
    for (std::size_t layer = 0; layer < layout.layers; ++layer)
        EXPECT_GT(perLayer[layer], 0) << "empty layer " << layer;
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge &edge = graph.edges[i];
        const RoutedEdge &route = layout.edges[i];
        ASSERT_GE(route.points.size(), 2u);
        if (edge.from == edge.to) {
            EXPECT_TRUE(route.selfLoop);
            continue;
        }
        const PlacedNode &from = layout.nodes[edge.from];
        const PlacedNode &to = layout.nodes[edge.to];
        if (route.reversed)
            EXPECT_GT(from.layer, to.layer) << "edge " << i;
        else
            EXPECT_LT(from.layer, to.layer) << "edge " << i;
        if (!graph.nodes[edge.from].pinned && !graph.nodes[edge.to].pinned) {
            // From the source's right side to the target's left (the other way round reversed).
            const double side = route.reversed ? -1 : 1;
            const LayoutPoint start{
                from.centre.x + side * graph.nodes[edge.from].width / 2, from.centre.y};
            const LayoutPoint end{to.centre.x - side * graph.nodes[edge.to].width / 2, to.centre.y};
            EXPECT_EQ(route.points.front(), start) << "edge " << i;
            EXPECT_EQ(route.points.back(), end) << "edge " << i;
        }
    }
    // Bands: each node's is at least its own and at least that of what feeds it (lineage may
    // run against the bands), and a fresh layout raises no more than that (the least such
    // bands, found here by fixed point); the layers keep the bands apart.
    ASSERT_EQ(layout.bands.size(), n);
    std::vector<int> flowBand(n);
    for (std::size_t i = 0; i < n; ++i)
        flowBand[i] = graph.nodes[i].band;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t e = 0; e < graph.edges.size(); ++e) {
            const LayoutEdge &edge = graph.edges[e];
            if (edge.from < n && edge.to < n && edge.from != edge.to && !layout.edges[e].reversed
                && flowBand[edge.to] < flowBand[edge.from]) {
                flowBand[edge.to] = flowBand[edge.from];
                changed = true;
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        EXPECT_GE(layout.bands[i], flowBand[i]) << "node " << i;
        if (check.freshGaps) {
            EXPECT_EQ(layout.bands[i], flowBand[i]) << "node " << i << " raised more than needed";
        }
    }
    for (std::size_t e = 0; e < graph.edges.size(); ++e) {
        const LayoutEdge &edge = graph.edges[e];
        if (edge.from < n && edge.to < n && edge.from != edge.to && !layout.edges[e].reversed) {
            EXPECT_LE(layout.bands[edge.from], layout.bands[edge.to]) << "edge " << e;
        }
    }
    std::vector<int> lowest(8, INT32_MAX), highest(8, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const auto band = std::size_t(std::clamp(layout.bands[i], 0, 7));
        lowest[band] = std::min(lowest[band], layout.nodes[i].layer);
        highest[band] = std::max(highest[band], layout.nodes[i].layer);
    }
    for (std::size_t a = 0; a < 8; ++a) {
        for (std::size_t b = a + 1; b < 8; ++b) {
            if (highest[a] >= 0 && highest[b] >= 0) {
                EXPECT_LT(highest[a], lowest[b]) << "bands " << a << " and " << b;
            }
        }
    }

    // Within a layer: `order` follows y, and neighbours keep the node gap.
    std::vector<std::vector<std::size_t>> layers(layout.layers);
    for (std::size_t i = 0; i < n; ++i)
        layers[std::size_t(layout.nodes[i].layer)].push_back(i);
    for (std::vector<std::size_t> &layer : layers) {
        std::sort(layer.begin(), layer.end(), [&](std::size_t a, std::size_t b) {
            return layout.nodes[a].order < layout.nodes[b].order;
        });
        for (std::size_t k = 0; k < layer.size(); ++k)
            EXPECT_EQ(layout.nodes[layer[k]].order, int(k));
        if (!check.geometry)
            continue;
        for (std::size_t k = 1; k < layer.size(); ++k) {
            const LayoutNode &a = graph.nodes[layer[k - 1]];
            const LayoutNode &b = graph.nodes[layer[k]];
            const double gap
                = layout.nodes[layer[k]].centre.y - layout.nodes[layer[k - 1]].centre.y;
            EXPECT_GE(gap, (a.height + b.height) / 2 + options.nodeGap - 1e-6)
                << "nodes " << layer[k - 1] << " and " << layer[k];
            EXPECT_EQ(
                layout.nodes[layer[k]].centre.x, layout.columns[layout.nodes[layer[k]].layer]);
        }
    }
    if (!check.geometry)
        return;

    // Columns apart: the widest node of a layer ends before the next layer's widest begins.
    std::vector<double> left(layout.layers, 1e300), right(layout.layers, -1e300);
    for (std::size_t i = 0; i < n; ++i) {
        const auto layer = std::size_t(layout.nodes[i].layer);
        left[layer] = std::min(left[layer], layout.nodes[i].centre.x - graph.nodes[i].width / 2);
        right[layer] = std::max(right[layer], layout.nodes[i].centre.x + graph.nodes[i].width / 2);
    }
    for (std::size_t layer = 0; layer + 1 < layout.layers; ++layer) {
        const double gap = left[layer + 1] - right[layer];
        EXPECT_GE(gap, (check.freshGaps ? options.layerGap : options.layerGap / 4) - 1e-6)
            << "layers " << layer << " and " << layer + 1;
    }

    // Routes clear of every node box but their own ends.
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const RoutedEdge &route = layout.edges[i];
        if (route.selfLoop)
            continue;
        for (std::size_t k = 0; k + 1 < route.points.size(); ++k) {
            const LayoutPoint &p = route.points[k];
            const LayoutPoint &q = route.points[k + 1];
            for (std::size_t node = 0; node < n; ++node) {
                if (node == graph.edges[i].from || node == graph.edges[i].to)
                    continue;
                const LayoutPoint &c = layout.nodes[node].centre;
                const double w = graph.nodes[node].width / 2, h = graph.nodes[node].height / 2;
                if (std::max(p.x, q.x) <= c.x - w || std::min(p.x, q.x) >= c.x + w)
                    continue;
                EXPECT_FALSE(entersBox(p, q, c.x - w, c.y - h, c.x + w, c.y + h))
                    << "edge " << i << " segment " << k << " crosses node " << node;
            }
        }
    }
    EXPECT_EQ(layout.crossings, countRouteCrossings(layout));
}

// Field by field, exactly.
inline bool identical(const Layout &a, const Layout &b)
{
    if (a.nodes.size() != b.nodes.size() || a.edges.size() != b.edges.size() || a.keys != b.keys
        || a.layers != b.layers || a.crossings != b.crossings || a.columns != b.columns
        || a.left != b.left || a.top != b.top || a.right != b.right || a.bottom != b.bottom)
        return false;
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        if (a.nodes[i].centre != b.nodes[i].centre || a.nodes[i].layer != b.nodes[i].layer
            || a.nodes[i].order != b.nodes[i].order)
            return false;
    }
    for (std::size_t i = 0; i < a.edges.size(); ++i) {
        if (a.edges[i].points != b.edges[i].points || a.edges[i].reversed != b.edges[i].reversed
            || a.edges[i].selfLoop != b.edges[i].selfLoop)
            return false;
    }
    return true;
}

} // namespace tributary::testing
