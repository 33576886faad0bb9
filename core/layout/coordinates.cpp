// SPDX-License-Identifier: Apache-2.0
// Coordinates. Along y, Brandes–Köpf: four alignments (with the upper or lower neighbours,
// from the top or the bottom) each line long edges and median neighbours up into straight
// blocks; blocks are packed as tight as the separations allow; the four results are aligned to
// the narrowest and averaged (the mean of the two middle values), which centres nodes between
// their neighbours. Packing follows dagre's block graph (a longest path, then each block pulled
// towards its successors) instead of the paper's recursive place_block, so it needs no
// recursion: a 40,000-item layout would otherwise nest that deep. Type 1 conflicts (a segment
// crossing an inner segment between two dummies) are marked first, so long edges stay straight.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "coordinates_p.h"

namespace tributary::layout {

double nodeWidth(const LayoutNode &node)
{
    return std::isfinite(node.width) && node.width > 0 ? node.width : 0.0;
}

std::vector<double> layerWidths(const LayoutGraph &graph, const LayeredGraph &layered)
{
    std::vector<double> widths(layered.layers.size(), 0.0);
    for (Item node = 0; node < layered.nodeCount; ++node) {
        double &width = widths[std::size_t(layered.layerOf[node])];
        width = std::max(width, nodeWidth(graph.nodes[node]));
    }
    return widths;
}

Columns packColumns(const std::vector<double> &widths, const LayoutOptions &options)
{
    Columns columns;
    double left = 0;
    for (const double width : widths) {
        columns.left.push_back(left);
        columns.centre.push_back(left + width / 2);
        columns.right.push_back(left + width);
        left += width + options.layerGap;
    }
    return columns;
}

namespace {

class BrandesKoepf
{
public:
    BrandesKoepf(const LayeredGraph &graph, const LayoutOptions &options)
        : m_graph(graph)
        , m_options(options)
    { }

    std::vector<double> run();

private:
    void markConflicts();
    void align(bool fromUpper, bool topFirst);
    // Block positions along the view (mirrored when bottom first), for the current alignment.
    std::vector<double> compact(bool topFirst);
    std::uint32_t viewPos(Item item, bool topFirst) const
    {
        const auto size = std::uint32_t(m_graph.layers[std::size_t(m_graph.layerOf[item])].size());
        return topFirst ? m_graph.pos[item] : size - 1 - m_graph.pos[item];
    }
    double separation(Item a, Item b) const
    {
        return layout::separation(m_graph.height[a], m_graph.height[b], m_graph.isDummy(a),
            m_graph.isDummy(b), m_options);
    }
    std::vector<double> stacked() const;

    const LayeredGraph &m_graph;
    const LayoutOptions &m_options;
    std::vector<bool> m_marked; // per segment
    std::vector<Item> m_root, m_align;
    struct Neighbour {
        std::uint32_t pos;
        Item item;
        std::uint32_t segment;
        bool operator<(const Neighbour &other) const { return pos < other.pos; }
    };
    std::vector<Neighbour> m_neighbours;
};

void BrandesKoepf::markConflicts()
{
    const LayeredGraph &g = m_graph;
    m_marked.assign(g.downItems.size(), false);
    const auto innerUpper = [&](Item item) -> long {
        if (!g.isDummy(item))
            return -1;
        const auto up = g.up(item);
        return up.size() == 1 && g.isDummy(up[0]) ? long(g.pos[up[0]]) : -1;
    };
    for (std::size_t layer = 0; layer + 1 < g.layers.size(); ++layer) {
        const std::vector<Item> &lower = g.layers[layer + 1];
        const long upperLast = long(g.layers[layer].size()) - 1;
        long k0 = 0;
        std::size_t scan = 0;
        for (std::size_t l1 = 0; l1 < lower.size(); ++l1) {
            const long inner = innerUpper(lower[l1]);
            if (l1 + 1 != lower.size() && inner < 0)
                continue;
            const long k1 = inner >= 0 ? inner : upperLast;
            for (; scan <= l1; ++scan) {
                const Item item = lower[scan];
                for (std::uint32_t k = g.upOffsets[item]; k < g.upOffsets[item + 1]; ++k) {
                    const Item upper = g.upItems[k];
                    const long at = long(g.pos[upper]);
                    const bool innerSegment = g.isDummy(item) && g.isDummy(upper);
                    if ((at < k0 || at > k1) && !innerSegment)
                        m_marked[g.upSegment[k]] = true;
                }
            }
            k0 = k1;
        }
    }
}

void BrandesKoepf::align(bool fromUpper, bool topFirst)
{
    const LayeredGraph &g = m_graph;
    const std::size_t items = g.itemCount();
    m_root.resize(items);
    m_align.resize(items);
    for (Item item = 0; item < items; ++item)
        m_root[item] = m_align[item] = item;
    const std::size_t layers = g.layers.size();
    for (std::size_t step = 1; step < layers; ++step) {
        const std::vector<Item> &layer = g.layers[fromUpper ? step : layers - 1 - step];
        long r = -1;
        for (std::size_t i = 0; i < layer.size(); ++i) {
            const Item item = layer[topFirst ? i : layer.size() - 1 - i];
            m_neighbours.clear();
            if (fromUpper) {
                for (std::uint32_t k = g.upOffsets[item]; k < g.upOffsets[item + 1]; ++k)
                    m_neighbours.push_back(
                        {viewPos(g.upItems[k], topFirst), g.upItems[k], g.upSegment[k]});
            } else {
                for (std::uint32_t k = g.downOffsets[item]; k < g.downOffsets[item + 1]; ++k)
                    m_neighbours.push_back({viewPos(g.downItems[k], topFirst), g.downItems[k], k});
            }
            if (m_neighbours.empty())
                continue;
            std::stable_sort(m_neighbours.begin(), m_neighbours.end());
            const std::size_t d = m_neighbours.size();
            for (std::size_t m = (d - 1) / 2; m <= d / 2; ++m) {
                if (m_align[item] != item)
                    break;
                const Neighbour &median = m_neighbours[m];
                if (!m_marked[median.segment] && r < long(median.pos)) {
                    m_align[median.item] = item;
                    m_root[item] = m_root[median.item];
                    m_align[item] = m_root[item];
                    r = long(median.pos);
                }
            }
        }
    }
}

std::vector<double> BrandesKoepf::compact(bool topFirst)
{
    const LayeredGraph &g = m_graph;
    const std::size_t items = g.itemCount();
    // The block graph: an edge from the block of each item to the block of the item after it.
    std::vector<std::uint32_t> offsets(items + 1, 0);
    for (const std::vector<Item> &layer : g.layers) {
        for (std::size_t i = 0; i + 1 < layer.size(); ++i)
            ++offsets[m_root[layer[topFirst ? i : layer.size() - 1 - i]] + 1];
    }
    for (std::size_t i = 0; i < items; ++i)
        offsets[i + 1] += offsets[i];
    std::vector<std::pair<Item, double>> edges(offsets[items]);
    std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
    std::vector<std::uint32_t> inDegree(items, 0);
    for (const std::vector<Item> &layer : g.layers) {
        for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
            const Item a = layer[topFirst ? i : layer.size() - 1 - i];
            const Item b = layer[topFirst ? i + 1 : layer.size() - 2 - i];
            edges[fill[m_root[a]]++] = {m_root[b], separation(a, b)};
            ++inDegree[m_root[b]];
        }
    }
    std::vector<Item> order;
    std::size_t roots = 0;
    for (Item item = 0; item < items; ++item) {
        if (m_root[item] != item)
            continue;
        ++roots;
        if (inDegree[item] == 0)
            order.push_back(item);
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        for (std::uint32_t k = offsets[order[head]]; k < offsets[order[head] + 1]; ++k) {
            if (--inDegree[edges[k].first] == 0)
                order.push_back(edges[k].first);
        }
    }
    if (order.size() != roots)
        return {}; // a cyclic block graph; the caller falls back

    std::vector<double> x(items, 0.0);
    for (const Item block : order) {
        for (std::uint32_t k = offsets[block]; k < offsets[block + 1]; ++k)
            x[edges[k].first] = std::max(x[edges[k].first], x[block] + edges[k].second);
    }
    // Pull each block towards what follows it, so blocks with room do not hug the first side.
    for (auto at = order.rbegin(); at != order.rend(); ++at) {
        if (offsets[*at] == offsets[*at + 1])
            continue;
        double least = std::numeric_limits<double>::infinity();
        for (std::uint32_t k = offsets[*at]; k < offsets[*at + 1]; ++k)
            least = std::min(least, x[edges[k].first] - edges[k].second);
        x[*at] = std::max(x[*at], least);
    }
    std::vector<double> coordinate(items);
    for (Item item = 0; item < items; ++item)
        coordinate[item] = topFirst ? x[m_root[item]] : -x[m_root[item]];
    return coordinate;
}

std::vector<double> BrandesKoepf::stacked() const
{
    std::vector<double> y(m_graph.itemCount(), 0.0);
    for (const std::vector<Item> &layer : m_graph.layers) {
        for (std::size_t i = 1; i < layer.size(); ++i)
            y[layer[i]] = y[layer[i - 1]] + separation(layer[i - 1], layer[i]);
    }
    return y;
}

std::vector<double> BrandesKoepf::run()
{
    const std::size_t items = m_graph.itemCount();
    markConflicts();
    std::array<std::vector<double>, 4> results;
    std::array<double, 4> low{}, high{};
    for (int variant = 0; variant < 4; ++variant) {
        const bool fromUpper = variant < 2;
        const bool topFirst = variant % 2 == 0;
        align(fromUpper, topFirst);
        results[variant] = compact(topFirst);
        if (results[variant].size() != items)
            return stacked();
        low[variant] = std::numeric_limits<double>::infinity();
        high[variant] = -std::numeric_limits<double>::infinity();
        for (Item item = 0; item < items; ++item) {
            low[variant]
                = std::min(low[variant], results[variant][item] - m_graph.height[item] / 2);
            high[variant]
                = std::max(high[variant], results[variant][item] + m_graph.height[item] / 2);
        }
    }
    int narrowest = 0;
    for (int variant = 1; variant < 4; ++variant) {
        if (high[variant] - low[variant] < high[narrowest] - low[narrowest])
            narrowest = variant;
    }
    for (int variant = 0; variant < 4; ++variant) {
        const bool topFirst = variant % 2 == 0;
        const double shift
            = topFirst ? low[narrowest] - low[variant] : high[narrowest] - high[variant];
        for (double &value : results[variant])
            value += shift;
    }
    // Each result keeps every pair of neighbours far enough apart, and so does any order
    // statistic of them, hence their mean.
    std::vector<double> y(items);
    for (Item item = 0; item < items; ++item) {
        std::array<double, 4> values{
            results[0][item], results[1][item], results[2][item], results[3][item]};
        std::sort(values.begin(), values.end());
        y[item] = (values[1] + values[2]) / 2;
    }
    return y;
}

} // namespace

std::vector<double> assignY(const LayeredGraph &graph, const LayoutOptions &options)
{
    if (graph.itemCount() == 0)
        return {};
    return BrandesKoepf(graph, options).run();
}

} // namespace tributary::layout
