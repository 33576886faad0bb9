// SPDX-License-Identifier: Apache-2.0
// Laying a graph out again around an earlier layout of an overlapping graph: nodes placed
// before keep their centres, new ones are fitted around them. The rules are in
// docs/layout.md ("Incremental layout").
#pragma once

#include <optional>
#include <vector>

#include "coordinates_p.h"

namespace tributary::layout {

// What an earlier layout says about the nodes of the new graph.
struct PreviousPlacement {
    std::vector<int> oldLayer; // per node: its earlier layer, or -1 for a new node
    std::vector<LayoutPoint> oldCentre; // per node with an earlier layer
    std::vector<double> oldColumns; // the centre x of every earlier layer
    std::vector<int> oldBand; // per node: the band it was laid out in, or INT_MIN for a new node
    std::size_t matched = 0;
};

// Nodes matched by key (the first node of a key only). A node drawn off its column before
// (it was pinned) is fitted again as new.
PreviousPlacement matchPrevious(const LayoutGraph &graph, const Layout &previous);

// Where a layer of the new layout comes from.
struct ColumnOrigin {
    int oldLayer = -1; // an earlier layer (perhaps empty now), or -1 for a new one
    bool inserted = false; // new between two earlier layers: the columns after it move right
};

struct IncrementalLayering {
    std::vector<int> layer; // per node, every layer holding a node
    std::vector<LaidEdge> edges;
    std::vector<bool> fixed; // per node: keeps its earlier layer and y
    std::vector<ColumnOrigin> origins; // per layer
    std::vector<int> bands; // per node: the band it is laid out in (see Layout::bands)
};

// Layers for the new graph with every kept node in its earlier layer; nullopt when no node
// can keep its place (then a fresh layout is better).
std::optional<IncrementalLayering> layerIncrementally(
    const LayoutGraph &graph, const PreviousPlacement &previous);

// The columns: earlier layers where they were, new ones beside them; an inserted layer moves
// the columns after it right by its width and a layer gap.
Columns placeColumns(const std::vector<ColumnOrigin> &origins, const std::vector<double> &widths,
    const std::vector<double> &oldColumns, const LayoutOptions &options);

// The y of every item: kept nodes, and the dummies of kept edges through earlier layers, where
// they were; new items fitted into the free room of their layer nearest their barycentre. Sets
// the order of `layered` from the result.
std::vector<double> fitItems(const LayoutGraph &graph, LayeredGraph &layered,
    const IncrementalLayering &layering, const PreviousPlacement &previous, const Layout &before,
    const LayoutOptions &options);

} // namespace tributary::layout
