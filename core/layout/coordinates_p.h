// SPDX-License-Identifier: Apache-2.0
// Where items go: a column per layer along x, and Brandes–Köpf positions within layers along y.
#pragma once

#include <vector>

#include "layeredgraph_p.h"

namespace tributary::layout {

// The x extent of each layer's column; nodes are centred in their column.
struct Columns {
    std::vector<double> left, centre, right;
};

// A node's width as drawn (negative or non-finite sizes count as zero).
double nodeWidth(const LayoutNode &node);
// The widest node of each layer.
std::vector<double> layerWidths(const LayoutGraph &graph, const LayeredGraph &layered);
// Columns side by side from x = 0, `layerGap` apart, each as wide as its widest node.
Columns packColumns(const std::vector<double> &widths, const LayoutOptions &options);

// The y of every item (nodes and dummies) for the order in `graph`: U. Brandes and B. Köpf,
// "Fast and simple horizontal coordinate assignment" (2001), with variable separations.
// Neighbours of a layer are always at least separation() apart.
std::vector<double> assignY(const LayeredGraph &graph, const LayoutOptions &options);

} // namespace tributary::layout
