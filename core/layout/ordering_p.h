// SPDX-License-Identifier: Apache-2.0
// Crossing reduction: the order of the items within each layer.
#pragma once

#include <cstddef>

#include "layeredgraph_p.h"

namespace tributary::layout {

// Fills `graph.layers` and `graph.pos`: a depth-first initial order, then down and up sweeps
// (weighted median or barycentre, and adjacent transposition against both neighbour layers)
// in two strategies, each at most `options.sweeps` times; the better order is polished by
// transposition and sifting. With no sweeps, the initial order. Returns its crossings (the
// bilayer count).
std::size_t orderLayers(LayeredGraph &graph, const LayoutOptions &options);

} // namespace tributary::layout
