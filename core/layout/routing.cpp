// SPDX-License-Identifier: Apache-2.0
// Routes. Between two columns a route is one straight segment, so two routes cross there
// exactly when their ends are in opposite orders: the geometric count of crossings equals the
// bilayer count of the order. Inside a column a route only runs level (through a dummy's slot
// or out to the column's edge), clear of every node.
#include <algorithm>
#include <cmath>

#include "routing_p.h"

namespace tributary::layout {

namespace {

// Below this a level run to the column edge is a rounding artefact, not a gap.
constexpr double kNoRun = 1e-9;

bool usablePin(const LayoutNode &node)
{
    return node.pinned && std::isfinite(node.pinned->x) && std::isfinite(node.pinned->y);
}

RoutedEdge selfLoop(
    const LayoutPoint &centre, double width, double height, const LayoutOptions &options)
{
    // A small loop off the right side, within the gap after the column.
    const double side = centre.x + width / 2;
    const double reach = std::min(options.layerGap / 3, 24.0);
    const double half = std::max(height / 4, 2.0);
    RoutedEdge route;
    route.points = {{side, centre.y - half}, {side + reach, centre.y - half},
        {side + reach, centre.y + half}, {side, centre.y + half}};
    route.selfLoop = true;
    return route;
}

} // namespace

Layout assembleLayout(const LayoutGraph &graph, const LayeredGraph &layered, const Columns &columns,
    const std::vector<double> &y, std::size_t crossings, const LayoutOptions &options)
{
    Layout result;
    const std::size_t nodes = graph.nodes.size();
    result.layers = layered.layers.size();
    result.crossings = crossings;
    result.columns = columns.centre;
    result.nodes.resize(nodes);
    result.keys.reserve(nodes);
    for (const LayoutNode &node : graph.nodes)
        result.keys.push_back(node.key);
    std::vector<bool> pinned(nodes, false);
    for (const std::vector<Item> &layer : layered.layers) {
        int order = 0;
        for (const Item item : layer) {
            if (layered.isDummy(item))
                continue;
            PlacedNode &placed = result.nodes[item];
            placed.layer = layered.layerOf[item];
            placed.order = order++;
            pinned[item] = usablePin(graph.nodes[item]);
            placed.centre = pinned[item]
                ? *graph.nodes[item].pinned
                : LayoutPoint{columns.centre[std::size_t(placed.layer)], y[item]};
        }
    }

    result.edges.resize(graph.edges.size());
    std::vector<bool> routed(graph.edges.size(), false);
    for (std::size_t laid = 0; laid < layered.edges.size(); ++laid) {
        const LaidEdge &edge = layered.edges[laid];
        const auto chain = layered.chain(laid);
        RoutedEdge &route = result.edges[edge.edge];
        route.reversed = edge.reversed;
        routed[edge.edge] = true;
        const PlacedNode &left = result.nodes[edge.left];
        const PlacedNode &right = result.nodes[edge.right];
        const auto leftLayer = std::size_t(left.layer);
        const auto rightLayer = std::size_t(right.layer);
        std::vector<LayoutPoint> &points = route.points;
        points.reserve(2 * chain.size() + 2);
        const double start = left.centre.x + nodeWidth(graph.nodes[edge.left]) / 2;
        points.push_back({start, left.centre.y});
        if (!pinned[edge.left] && columns.right[leftLayer] - start > kNoRun)
            points.push_back({columns.right[leftLayer], left.centre.y});
        for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
            const auto layer = std::size_t(layered.layerOf[chain[i]]);
            points.push_back({columns.left[layer], y[chain[i]]});
            points.push_back({columns.right[layer], y[chain[i]]});
        }
        const double end = right.centre.x - nodeWidth(graph.nodes[edge.right]) / 2;
        if (!pinned[edge.right] && end - columns.left[rightLayer] > kNoRun)
            points.push_back({columns.left[rightLayer], right.centre.y});
        points.push_back({end, right.centre.y});
        if (edge.reversed)
            std::reverse(points.begin(), points.end());
    }
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge &edge = graph.edges[i];
        if (routed[i])
            continue;
        if (edge.from == edge.to && edge.from < nodes) {
            const LayoutNode &node = graph.nodes[edge.from];
            result.edges[i] = selfLoop(result.nodes[edge.from].centre, nodeWidth(node),
                std::isfinite(node.height) ? node.height : 0.0, options);
            routed[i] = true;
        } else {
            // An edge naming a missing node: nothing to draw, but keep the two points promised.
            result.edges[i].points = {{0, 0}, {0, 0}};
        }
    }

    // The bounding box of node boxes and routes (bad edges left out).
    bool any = false;
    const auto include = [&](double x0, double y0, double x1, double y1) {
        if (!any) {
            result.left = x0, result.top = y0, result.right = x1, result.bottom = y1;
            any = true;
            return;
        }
        result.left = std::min(result.left, x0);
        result.top = std::min(result.top, y0);
        result.right = std::max(result.right, x1);
        result.bottom = std::max(result.bottom, y1);
    };
    for (std::size_t node = 0; node < nodes; ++node) {
        const LayoutPoint &c = result.nodes[node].centre;
        const double halfWidth = nodeWidth(graph.nodes[node]) / 2;
        const double halfHeight = layered.height[node] / 2;
        include(c.x - halfWidth, c.y - halfHeight, c.x + halfWidth, c.y + halfHeight);
    }
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        if (!routed[i])
            continue;
        for (const LayoutPoint &p : result.edges[i].points)
            include(p.x, p.y, p.x, p.y);
    }
    return result;
}

} // namespace tributary::layout
