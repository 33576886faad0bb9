// SPDX-License-Identifier: Apache-2.0
// Bilayer crossing count (W. Barth, M. Jünger, P. Mutzel, "Simple and efficient bilayer cross
// counting", 2002): segments sorted by their upper end then their lower end cross exactly where
// a later one ends further up; an accumulator tree over the lower positions counts those.
#include "crossings_p.h"

namespace tributary::layout {

std::size_t CrossingCounter::between(std::size_t upper)
{
    const std::vector<Item> &top = m_graph.layers[upper];
    const std::vector<Item> &bottom = m_graph.layers[upper + 1];
    if (top.empty() || bottom.empty())
        return 0;

    // Lower positions grouped by upper position, each group ascending: a counting sort over
    // the lower layer in order, so no comparison sort is needed.
    m_offsets.assign(top.size() + 1, 0);
    for (std::size_t i = 0; i < top.size(); ++i) {
        const Item item = top[i];
        m_offsets[i + 1]
            = m_offsets[i] + (m_graph.downOffsets[item + 1] - m_graph.downOffsets[item]);
    }
    m_south.resize(m_offsets.back());
    for (std::uint32_t j = 0; j < bottom.size(); ++j) {
        for (const Item above : m_graph.up(bottom[j]))
            m_south[m_offsets[m_graph.pos[above]]++] = j;
    }

    std::size_t first = 1;
    while (first < bottom.size())
        first *= 2;
    m_tree.assign(2 * first - 1, 0);
    std::size_t crossings = 0;
    for (const std::uint32_t south : m_south) {
        std::size_t index = south + first - 1;
        ++m_tree[index];
        while (index > 0) {
            if (index % 2 == 1)
                crossings += m_tree[index + 1];
            index = (index - 1) / 2;
            ++m_tree[index];
        }
    }
    return crossings;
}

std::size_t CrossingCounter::total()
{
    std::size_t crossings = 0;
    for (std::size_t layer = 0; layer + 1 < m_graph.layers.size(); ++layer)
        crossings += between(layer);
    return crossings;
}

} // namespace tributary::layout
