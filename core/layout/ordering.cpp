// SPDX-License-Identifier: Apache-2.0
// Crossing reduction after Gansner, Koutsofios, North and Vo ("A technique for drawing directed
// graphs", 1993): sweeps down and up the layers sort each layer by where its neighbours in the
// previous layer are, and adjacent transposition then removes what crossings it can. Sweeps
// alternate the weighted median (robust against one far neighbour) and the barycentre (which
// breaks the median's ties and plateaus).
//
// Two sweep strategies run from the same initial order and the better result is kept: one
// transposes each layer right after sorting it (so the next layer is sorted against an already
// improved one), the other sorts every layer first and then transposes all of them, as dot
// does. Neither is better everywhere: on lineage neighbourhoods each is up to twice the other's
// crossings on some graph, and together they stay within a few percent of the better. The
// winner is polished by transposition over every layer, then by sifting (layerswaps_p.h).
#include <algorithm>

#include "crossings_p.h"
#include "layerswaps_p.h"
#include "ordering_p.h"

namespace tributary::layout {

namespace {

// Sweeps in a row without a better order before a strategy gives up.
constexpr int kStaleSweeps = 2;
// Rounds of transposition over the layers after a whole sweep, at most.
constexpr int kSweepRounds = 3;
// Rounds of polishing by transposition, then by sifting, at most.
constexpr int kPolishRounds = 16;
constexpr int kSiftRounds = 3;

enum class Strategy { LayerByLayer, WholeSweep };

class Ordering
{
public:
    explicit Ordering(LayeredGraph &graph)
        : m_graph(graph)
        , m_counter(graph)
        , m_swaps(graph)
    { }

    void initialOrder();
    // Sweeps from the current order, at most `sweeps` times; leaves the best order found in the
    // graph and returns its crossings.
    std::size_t sweep(int sweeps, Strategy strategy);
    // Transposition then sifting over every layer while they help; returns the crossings.
    std::size_t polish(std::size_t crossings);

private:
    // Sorts a layer by the weighted median (or the barycentre) of its neighbours in the layer
    // above (`byUpper`) or below; items with no such neighbour keep their place.
    void reorder(std::size_t layer, bool byUpper, bool barycentre);
    // Transposes the layers that may still improve (those next to a change), a few rounds.
    void transposeAll(int rounds);
    // Sorted positions of `item`'s neighbours above or below, into m_positions.
    void neighbourPositions(Item item, bool upper);
    double weightedMedian() const;
    double barycentre() const;

    LayeredGraph &m_graph;
    CrossingCounter m_counter;
    LayerSwaps m_swaps;
    std::vector<std::uint32_t> m_positions;
    std::vector<std::pair<double, std::uint32_t>> m_keys;
    std::vector<double> m_median;
    std::vector<Item> m_before;
    std::vector<char> m_candidate, m_next;
};

void Ordering::initialOrder()
{
    // Depth first from each node, in layer then index order, so each chain of lineage is laid
    // down together and unrelated parts do not interleave.
    std::vector<std::vector<Item>> starts(m_graph.layers.size());
    for (Item node = 0; node < m_graph.nodeCount; ++node)
        starts[std::size_t(m_graph.layerOf[node])].push_back(node);
    for (std::vector<Item> &layer : m_graph.layers)
        layer.clear();
    std::vector<bool> seen(m_graph.itemCount(), false);
    std::vector<Item> stack;
    for (const std::vector<Item> &layer : starts) {
        for (const Item start : layer) {
            if (seen[start])
                continue;
            seen[start] = true;
            stack.push_back(start);
            while (!stack.empty()) {
                const Item item = stack.back();
                stack.pop_back();
                m_graph.layers[std::size_t(m_graph.layerOf[item])].push_back(item);
                const auto next = m_graph.down(item);
                for (auto at = next.rbegin(); at != next.rend(); ++at) {
                    if (!seen[*at]) {
                        seen[*at] = true;
                        stack.push_back(*at);
                    }
                }
            }
        }
    }
    m_graph.updatePositions();
}

void Ordering::neighbourPositions(Item item, bool upper)
{
    m_positions.clear();
    for (const Item other : upper ? m_graph.up(item) : m_graph.down(item))
        m_positions.push_back(m_graph.pos[other]);
    std::sort(m_positions.begin(), m_positions.end());
}

double Ordering::weightedMedian() const
{
    const std::vector<std::uint32_t> &p = m_positions;
    const std::size_t n = p.size();
    if (n == 0)
        return -1;
    const std::size_t middle = n / 2;
    if (n % 2 == 1)
        return p[middle];
    if (n == 2)
        return (double(p[0]) + p[1]) / 2;
    // Lean towards the side where the neighbours are packed closer.
    const double left = double(p[middle - 1]) - p[0];
    const double right = double(p[n - 1]) - p[middle];
    if (left + right == 0)
        return (double(p[middle - 1]) + p[middle]) / 2;
    return (p[middle - 1] * right + p[middle] * left) / (left + right);
}

double Ordering::barycentre() const
{
    if (m_positions.empty())
        return -1;
    double sum = 0;
    for (const std::uint32_t position : m_positions)
        sum += position;
    return sum / double(m_positions.size());
}

void Ordering::reorder(std::size_t layer, bool byUpper, bool barycentre)
{
    std::vector<Item> &items = m_graph.layers[layer];
    m_keys.clear();
    m_median.assign(items.size(), -1);
    for (std::size_t i = 0; i < items.size(); ++i) {
        neighbourPositions(items[i], byUpper);
        m_median[i] = barycentre ? this->barycentre() : weightedMedian();
        if (m_median[i] >= 0)
            m_keys.emplace_back(m_median[i], std::uint32_t(i));
    }
    // Ties keep the current order, which makes the result depend on nothing but the input.
    std::sort(m_keys.begin(), m_keys.end());
    m_before.assign(items.begin(), items.end());
    std::size_t next = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (m_median[i] >= 0)
            items[i] = m_before[m_keys[next++].second];
    }
    for (std::size_t i = 0; i < items.size(); ++i)
        m_graph.pos[items[i]] = std::uint32_t(i);
}

void Ordering::transposeAll(int rounds)
{
    const std::size_t layers = m_graph.layers.size();
    m_candidate.assign(layers, 1);
    for (int round = 0; round < rounds; ++round) {
        m_next.assign(layers, 0);
        bool any = false;
        for (std::size_t layer = 0; layer < layers; ++layer) {
            if (!m_candidate[layer] || !m_swaps.transpose(layer))
                continue;
            any = true;
            // A changed layer changes what its neighbours would gain from swaps.
            for (std::size_t other = layer == 0 ? 0 : layer - 1;
                 other <= layer + 1 && other < layers; ++other)
                m_next[other] = 1;
        }
        if (!any)
            break;
        m_candidate.swap(m_next);
    }
}

std::size_t Ordering::sweep(int sweeps, Strategy strategy)
{
    const std::size_t layers = m_graph.layers.size();
    std::size_t best = m_counter.total();
    std::vector<std::vector<Item>> bestLayers = m_graph.layers;
    int stale = 0;
    for (int round = 0; round < sweeps && best > 0 && layers > 1; ++round) {
        bool improved = false;
        for (const bool down : {true, false}) {
            for (std::size_t step = 1; step < layers; ++step) {
                const std::size_t layer = down ? step : layers - 1 - step;
                reorder(layer, down, round % 2 == 1);
                if (strategy == Strategy::LayerByLayer)
                    m_swaps.transpose(layer);
            }
            if (strategy == Strategy::WholeSweep)
                transposeAll(kSweepRounds);
            const std::size_t crossings = m_counter.total();
            if (crossings < best) {
                best = crossings;
                bestLayers = m_graph.layers;
                improved = true;
            }
        }
        stale = improved ? 0 : stale + 1;
        if (stale >= kStaleSweeps)
            break;
    }
    m_graph.layers = std::move(bestLayers);
    m_graph.updatePositions();
    return best;
}

std::size_t Ordering::polish(std::size_t crossings)
{
    const std::size_t layers = m_graph.layers.size();
    for (int round = 0; round < kPolishRounds && crossings > 0 && layers > 1; ++round) {
        for (std::size_t layer = 0; layer < layers; ++layer)
            m_swaps.transpose(layer);
        const std::size_t now = m_counter.total();
        if (now >= crossings)
            break;
        crossings = now;
    }
    for (int round = 0; round < kSiftRounds && crossings > 0 && layers > 1; ++round) {
        for (std::size_t layer = 0; layer < layers; ++layer)
            m_swaps.sift(layer);
        const std::size_t now = m_counter.total();
        if (now >= crossings)
            break;
        crossings = now;
    }
    return crossings;
}

} // namespace

std::size_t orderLayers(LayeredGraph &graph, const LayoutOptions &options)
{
    Ordering ordering(graph);
    ordering.initialOrder();
    if (options.sweeps == 0)
        return CrossingCounter(graph).total();
    const std::vector<std::vector<Item>> start = graph.layers;
    const std::size_t first = ordering.sweep(options.sweeps, Strategy::LayerByLayer);
    std::vector<std::vector<Item>> firstLayers = std::move(graph.layers);
    graph.layers = start;
    graph.updatePositions();
    std::size_t crossings = ordering.sweep(options.sweeps, Strategy::WholeSweep);
    if (first <= crossings) {
        graph.layers = std::move(firstLayers);
        graph.updatePositions();
        crossings = first;
    }
    return ordering.polish(crossings);
}

} // namespace tributary::layout
