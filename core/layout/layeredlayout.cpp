// SPDX-License-Identifier: Apache-2.0
// layoutLayered(): the stages in order. A fresh layout layers, orders and places everything;
// one around an earlier layout keeps what it can and fits the rest (incremental_p.h), and falls
// back to a fresh layout when nothing of the earlier one applies.
#include "tributary/layout/layeredlayout.h"

#include <algorithm>
#include <limits>

#include "coordinates_p.h"
#include "crossings_p.h"
#include "incremental_p.h"
#include "layering_p.h"
#include "ordering_p.h"
#include "routing_p.h"

namespace tributary {

namespace {

using namespace layout;

Layout layoutFresh(const LayoutGraph &graph, const LayoutOptions &options)
{
    int rankCount = 0;
    const std::vector<int> bands = flowBands(graph, {});
    const std::vector<int> rank = ranksOf(bands, rankCount);
    std::vector<LaidEdge> edges = orientEdges(graph, rank);
    std::vector<int> layer = longestPathLayers(graph.nodes.size(), edges, rank, rankCount);
    shortenEdges(layer, {}, edges, rank, rankCount);
    compactLayers(layer);
    LayeredGraph layered = buildLayeredGraph(graph, layer, std::move(edges), options.edgeGap);
    const std::size_t crossings = orderLayers(layered, options);
    const Columns columns = packColumns(layerWidths(graph, layered), options);
    std::vector<double> y = assignY(layered, options);
    // The drawing starts at y = 0, as it starts at x = 0.
    double top = std::numeric_limits<double>::infinity();
    for (Item item = 0; item < y.size(); ++item)
        top = std::min(top, y[item] - layered.height[item] / 2);
    for (double &value : y)
        value -= top;
    Layout layout = assembleLayout(graph, layered, columns, y, crossings, options);
    layout.bands = bands;
    return layout;
}

std::optional<Layout> layoutAround(
    const LayoutGraph &graph, const LayoutOptions &options, const Layout &previous)
{
    const PreviousPlacement placement = matchPrevious(graph, previous);
    if (placement.matched == 0)
        return std::nullopt;
    std::optional<IncrementalLayering> layering = layerIncrementally(graph, placement);
    if (!layering)
        return std::nullopt;
    LayeredGraph layered
        = buildLayeredGraph(graph, layering->layer, layering->edges, options.edgeGap);
    const Columns columns = placeColumns(
        layering->origins, layerWidths(graph, layered), placement.oldColumns, options);
    const std::vector<double> y = fitItems(graph, layered, *layering, placement, previous, options);
    const std::size_t crossings = CrossingCounter(layered).total();
    Layout layout = assembleLayout(graph, layered, columns, y, crossings, options);
    layout.bands = layering->bands;
    return layout;
}

} // namespace

Layout layoutLayered(const LayoutGraph &graph, const LayoutOptions &options, const Layout *previous)
{
    const LayoutOptions usable = sanitized(options);
    if (previous) {
        if (std::optional<Layout> layout = layoutAround(graph, usable, *previous))
            return std::move(*layout);
    }
    return layoutFresh(graph, usable);
}

} // namespace tributary
