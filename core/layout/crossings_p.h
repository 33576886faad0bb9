// SPDX-License-Identifier: Apache-2.0
// Counting crossings between adjacent layers: the whole count with the accumulator tree of
// Barth, Jünger and Mutzel (O(E log V) a layer pair), and the count of two neighbours of a
// layer, either way round, for adjacent transposition.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "layeredgraph_p.h"

namespace tributary::layout {

// Counts with the graph's current order (`layers` and `pos`); reuses its buffers, so keep one.
class CrossingCounter
{
public:
    explicit CrossingCounter(const LayeredGraph &graph)
        : m_graph(graph)
    { }

    // Segments between layer `upper` and the next that cross.
    std::size_t between(std::size_t upper);
    std::size_t total();

private:
    const LayeredGraph &m_graph;
    std::vector<std::uint32_t> m_offsets;
    std::vector<std::uint32_t> m_south;
    std::vector<std::uint32_t> m_tree;
};

// For two items of a layer, `a` just above `b`, with the sorted positions of their neighbours
// in one adjacent layer: the crossings between their segments as they stand (`asIs`) and with
// the two swapped (`swapped`).
inline void pairCrossings(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
    std::size_t &asIs, std::size_t &swapped)
{
    std::size_t below = 0; // b's positions under the current one of a
    std::size_t atMost = 0; // b's positions under or at it
    for (const std::uint32_t x : a) {
        while (below < b.size() && b[below] < x)
            ++below;
        if (atMost < below)
            atMost = below;
        while (atMost < b.size() && b[atMost] <= x)
            ++atMost;
        asIs += below;
        swapped += b.size() - atMost;
    }
}

} // namespace tributary::layout
