// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace tributary {

// A layered (Sugiyama-style) drawing of a directed graph, left to right: pure geometry in,
// coordinates out. No Qt, no catalog types: the caller maps its nodes to keys and sizes.

struct LayoutPoint {
    double x = 0;
    double y = 0;
    bool operator==(const LayoutPoint &) const = default;
};

// A node to place. `key` is its identity across layouts (the same node keeps the same key when
// the graph is laid out again after an expand or collapse).
struct LayoutNode {
    std::uint64_t key = 0;
    double width = 160; // along x, the lineage direction
    double height = 40;
    // Lineage order class (sources 0, features and labels 1, training sets 2, models 3): a node
    // of a higher band is always in a later layer than every node of a lower band.
    int band = 0;
    // A pinned node is drawn with its centre here, whatever the layout would choose.
    std::optional<LayoutPoint> pinned;
};

// A directed edge between two nodes, by index into LayoutGraph::nodes.
struct LayoutEdge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
};

struct LayoutGraph {
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

struct LayoutOptions {
    double layerGap = 90;  // free space between the columns of two adjacent layers
    double nodeGap = 18;   // free space between two nodes of one layer
    double edgeGap = 8;    // room a long edge takes where it passes a layer
    int sweeps = 12;       // crossing-reduction sweeps (each: down then up), at most
};

struct PlacedNode {
    LayoutPoint centre;
    int layer = 0; // 0 is the leftmost layer
    int order = 0; // position within its layer, top first
};

// An edge's route, from the right side of its source to the left side of its target, through
// the gaps where it passes other layers; it never crosses a node's box.
struct RoutedEdge {
    std::vector<LayoutPoint> points; // at least two
    bool reversed = false;           // drawn against its direction to break a cycle
    // A self-loop, drawn as a small loop off its node's right side; crossing counts leave it out.
    bool selfLoop = false;
};

struct Layout {
    std::vector<PlacedNode> nodes; // in LayoutGraph::nodes order
    std::vector<RoutedEdge> edges; // in LayoutGraph::edges order
    std::vector<std::uint64_t> keys; // the node keys, for a later incremental layout
    double left = 0, top = 0, right = 0, bottom = 0; // bounding box of nodes and routes
    std::size_t layers = 0;
    std::size_t crossings = 0; // pairs of edge segments that cross between adjacent layers
    std::vector<double> columns; // the centre x of each layer's column, by layer
    // The band each node was laid out in: its own, raised to the highest band upstream of it
    // (lineage may run against the bands: a source computed from a feature sits among or after
    // the features). A later incremental layout keeps a node in its band even if what raised it
    // is gone.
    std::vector<int> bands;
};

// Lays out `graph`. Deterministic: the same graph and options give the same layout. With
// `previous` (an earlier layout of an overlapping graph), nodes it placed keep their centres and
// their order within a layer, and new nodes are fitted around them; removed nodes just vanish.
// Cycles are broken by reversing edges (marked in the result). Self-loops are dropped from
// crossing counts and drawn as a short loop. Thread-safe (no shared state).
Layout layoutLayered(const LayoutGraph &graph, const LayoutOptions &options = {},
                     const Layout *previous = nullptr);

// Counts the crossings of a drawing from its routes alone, by geometry: every pair of route
// segments that properly intersect. Independent of how layoutLayered counts (tests compare them).
std::size_t countRouteCrossings(const Layout &layout);

} // namespace tributary
