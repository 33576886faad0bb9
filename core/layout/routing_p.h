// SPDX-License-Identifier: Apache-2.0
// The last stage every layout shares: node centres, edge routes and the bounding box.
#pragma once

#include <cstddef>
#include <vector>

#include "coordinates_p.h"

namespace tributary::layout {

// Builds the Layout from the working graph, its columns and the y of every item. A node is
// centred in its column at its item's y unless pinned. A route runs from the right side of its
// left end to the left side of its right end, along its dummies' y through each column passed;
// where a node is narrower than its column the route first runs level to the column's edge, so
// it never cuts a wider neighbour. Reversed edges get the same points in reverse.
Layout assembleLayout(const LayoutGraph &graph, const LayeredGraph &layered, const Columns &columns,
    const std::vector<double> &y, std::size_t crossings, const LayoutOptions &options);

} // namespace tributary::layout
