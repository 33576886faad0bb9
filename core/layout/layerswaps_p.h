// SPDX-License-Identifier: Apache-2.0
// Improving the order of one layer against its two adjacent layers, which stay as they are.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "layeredgraph_p.h"

namespace tributary::layout {

// Adjacent transposition and sifting. A move is made only when it lowers the crossings between
// the layer and its neighbours, which are the only crossings it changes, so neither ever makes
// an order worse. Reuses its buffers: keep one per layout.
class LayerSwaps
{
public:
    explicit LayerSwaps(LayeredGraph &graph)
        : m_graph(graph)
    { }

    // Swaps neighbours while a swap lowers the crossings, a few rounds at most; true if any did.
    bool transpose(std::size_t layer);
    // Moves each item, most connected first, to the place within a bounded reach where it
    // crosses least (sifting); true if any moved.
    bool sift(std::size_t layer);

private:
    // The sorted positions of every item's neighbours above and below, by the item's position.
    void collect(std::size_t layer);
    std::span<const std::uint32_t> side(std::uint32_t local, bool upper) const
    {
        const std::vector<std::uint32_t> &start = upper ? m_upStart : m_downStart;
        return {m_sides.data() + start[local], m_sides.data() + start[local + 1]};
    }
    // Crossings gained by putting `v` just above `u` instead of just below it.
    long long gain(std::uint32_t v, std::uint32_t u) const;
    // Writes m_order (positions before) back to the layer.
    void apply(std::size_t layer);

    LayeredGraph &m_graph;
    std::vector<std::uint32_t> m_upStart, m_downStart; // per position + 1, into m_sides
    std::vector<std::uint32_t> m_sides;
    std::vector<std::uint32_t> m_fill;
    std::vector<std::uint32_t> m_order; // positions before, in their new order
    std::vector<std::uint32_t> m_where; // per position before: its index in m_order
    std::vector<std::uint32_t> m_bySize;
    std::vector<Item> m_items;
};

} // namespace tributary::layout
