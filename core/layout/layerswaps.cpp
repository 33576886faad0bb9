// SPDX-License-Identifier: Apache-2.0
// Transposition (Gansner et al., 1993) and sifting (Matuszewski, Schönfeld and Molitor, 1999)
// over one layer. Both compare two items of the layer by their neighbours' positions alone
// (pairCrossings), so after collecting those once a layer costs no allocation.
#include <algorithm>

#include "crossings_p.h"
#include "layerswaps_p.h"

namespace tributary::layout {

namespace {

// Rounds of swaps over one layer; later rounds rarely find anything, and a cap keeps a layer
// of thousands of items from being swept over and over.
constexpr int kTransposeRounds = 8;
// How far (in places) sifting looks each way. Most of what sifting gains is items of one or two
// edges moving a short way; looking a whole 4,000-item layer through costs ten times as much
// for the last 1%.
constexpr std::size_t kSiftReach = 256;

} // namespace

void LayerSwaps::collect(std::size_t layer)
{
    const std::vector<Item> &items = m_graph.layers[layer];
    const std::size_t n = items.size();
    m_upStart.assign(n + 1, 0);
    m_downStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        m_upStart[i + 1] = m_upStart[i] + std::uint32_t(m_graph.up(items[i]).size());
        m_downStart[i + 1] = m_downStart[i] + std::uint32_t(m_graph.down(items[i]).size());
    }
    const std::uint32_t ups = m_upStart[n];
    for (std::uint32_t &start : m_downStart)
        start += ups;
    m_sides.resize(m_downStart[n]);
    // Walking an adjacent layer in order appends each item's neighbour positions sorted.
    m_fill.assign(m_upStart.begin(), m_upStart.end() - 1);
    if (layer > 0) {
        const std::vector<Item> &above = m_graph.layers[layer - 1];
        for (std::uint32_t j = 0; j < above.size(); ++j) {
            for (const Item item : m_graph.down(above[j]))
                m_sides[m_fill[m_graph.pos[item]]++] = j;
        }
    }
    m_fill.assign(m_downStart.begin(), m_downStart.end() - 1);
    if (layer + 1 < m_graph.layers.size()) {
        const std::vector<Item> &below = m_graph.layers[layer + 1];
        for (std::uint32_t j = 0; j < below.size(); ++j) {
            for (const Item item : m_graph.up(below[j]))
                m_sides[m_fill[m_graph.pos[item]]++] = j;
        }
    }
    m_order.resize(n);
    for (std::uint32_t i = 0; i < n; ++i)
        m_order[i] = i;
}

long long LayerSwaps::gain(std::uint32_t v, std::uint32_t u) const
{
    std::size_t above = 0, below = 0;
    pairCrossings(side(v, true), side(u, true), above, below);
    pairCrossings(side(v, false), side(u, false), above, below);
    return static_cast<long long>(above) - static_cast<long long>(below);
}

void LayerSwaps::apply(std::size_t layer)
{
    std::vector<Item> &items = m_graph.layers[layer];
    m_items.assign(items.begin(), items.end());
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i] = m_items[m_order[i]];
        m_graph.pos[items[i]] = std::uint32_t(i);
    }
}

bool LayerSwaps::transpose(std::size_t layer)
{
    if (m_graph.layers[layer].size() < 2)
        return false;
    collect(layer);
    bool any = false;
    for (int round = 0; round < kTransposeRounds; ++round) {
        bool swapped = false;
        for (std::size_t i = 0; i + 1 < m_order.size(); ++i) {
            if (gain(m_order[i + 1], m_order[i]) < 0) {
                std::swap(m_order[i], m_order[i + 1]);
                swapped = true;
            }
        }
        if (!swapped)
            break;
        any = true;
    }
    if (any)
        apply(layer);
    return any;
}

bool LayerSwaps::sift(std::size_t layer)
{
    const std::size_t n = m_graph.layers[layer].size();
    if (n < 2)
        return false;
    collect(layer);
    m_where.resize(n);
    m_bySize.resize(n);
    for (std::uint32_t i = 0; i < n; ++i)
        m_where[i] = m_bySize[i] = i;
    const auto degree = [&](std::uint32_t local) {
        return m_upStart[local + 1] - m_upStart[local] + m_downStart[local + 1]
            - m_downStart[local];
    };
    std::stable_sort(m_bySize.begin(), m_bySize.end(),
        [&](std::uint32_t a, std::uint32_t b) { return degree(a) > degree(b); });
    bool any = false;
    for (const std::uint32_t v : m_bySize) {
        if (degree(v) == 0)
            break;
        const std::size_t at = m_where[v];
        std::size_t bestIndex = at;
        long long best = 0, change = 0;
        for (std::size_t j = at; j-- > 0 && at - j <= kSiftReach;) {
            change += gain(v, m_order[j]);
            if (change < best) {
                best = change;
                bestIndex = j;
            }
        }
        change = 0;
        for (std::size_t j = at + 1; j < n && j - at <= kSiftReach; ++j) {
            change -= gain(v, m_order[j]);
            if (change < best) {
                best = change;
                bestIndex = j;
            }
        }
        if (bestIndex == at)
            continue;
        const auto first = m_order.begin() + long(std::min(at, bestIndex));
        const auto last = m_order.begin() + long(std::max(at, bestIndex)) + 1;
        if (bestIndex < at)
            std::rotate(first, last - 1, last);
        else
            std::rotate(first, first + 1, last);
        for (std::size_t j = std::min(at, bestIndex); j <= std::max(at, bestIndex); ++j)
            m_where[m_order[j]] = std::uint32_t(j);
        any = true;
    }
    if (any)
        apply(layer);
    return any;
}

} // namespace tributary::layout
