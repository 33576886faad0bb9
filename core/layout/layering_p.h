// SPDX-License-Identifier: Apache-2.0
// Which layer each node goes to: edges pointed so the graph is acyclic and follows the bands,
// longest-path layers, then shorter edges where a node is free to move.
#pragma once

#include <cstdint>
#include <vector>

#include "layeredgraph_p.h"

namespace tributary::layout {

// Each node's band raised to `floor` (per node, may be empty) and to the highest band upstream
// of it (cycles aside), so edges never point from a higher band to a lower.
std::vector<int> flowBands(const LayoutGraph &graph, const std::vector<int> &floor);

// Bands as ranks among those present (0 for the lowest), so absent bands take no layers;
// `count` receives the number of ranks.
std::vector<int> ranksOf(const std::vector<int> &bands, int &count);

// Every edge but self-loops and edges naming missing nodes, pointed from lower to higher band
// (an edge against the bands is reversed), then with the back edges of a depth-first search in
// node-index order reversed, which leaves the graph acyclic.
std::vector<LaidEdge> orientEdges(const LayoutGraph &graph, const std::vector<int> &rank);

// A topological order of `nodes` under `edges` (which must be acyclic), sources in index order.
std::vector<std::uint32_t> topologicalOrder(std::size_t nodes, const std::vector<LaidEdge> &edges);

// Longest-path layers with the bands kept apart: every node of a band lies after every node of
// the bands below it.
std::vector<int> longestPathLayers(std::size_t nodes, const std::vector<LaidEdge> &edges,
    const std::vector<int> &rank, int rankCount);

// Moves nodes (those `movable` says, or all when it is empty) to shorten their edges: one with
// more edges out than in as far right as its successors and band allow, one with more in than
// out as far left. Layers stay valid: edges keep pointing right and bands stay apart.
void shortenEdges(std::vector<int> &layer, const std::vector<bool> &movable,
    const std::vector<LaidEdge> &edges, const std::vector<int> &rank, int rankCount);

// Renumbers layers from 0 so that every layer holds a node, keeping their order; returns the
// number of layers.
int compactLayers(std::vector<int> &layer);

} // namespace tributary::layout
