// SPDX-License-Identifier: Apache-2.0
// Coordinates around an earlier layout: columns where they were, and new items fitted into the
// free room of their layer. A new item goes into the gap nearest its barycentre that can still
// hold it (between two kept items when the room is there, else above or below them all);
// several in one gap are stacked in barycentre order, as near their barycentres as the room
// allows.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "incremental_p.h"

namespace tributary::layout {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class Fitter
{
public:
    Fitter(const LayoutGraph &graph, LayeredGraph &layered, const IncrementalLayering &layering,
        const PreviousPlacement &previous, const LayoutOptions &options)
        : m_graph(graph)
        , m_layered(layered)
        , m_layering(layering)
        , m_previous(previous)
        , m_options(options)
        , m_y(layered.itemCount(), 0.0)
        , m_fixed(layered.itemCount(), false)
        , m_placed(layered.itemCount(), false)
    { }

    std::vector<double> run(const Layout &before);

private:
    void keepDummies(const Layout &before);
    void estimate();
    void fitLayer(std::size_t layer);
    double barycentre(Item item) const;
    double separation(Item a, Item b) const
    {
        return layout::separation(m_layered.height[a], m_layered.height[b], m_layered.isDummy(a),
            m_layered.isDummy(b), m_options);
    }

    const LayoutGraph &m_graph;
    LayeredGraph &m_layered;
    const IncrementalLayering &m_layering;
    const PreviousPlacement &m_previous;
    const LayoutOptions &m_options;
    std::vector<double> m_y;
    std::vector<bool> m_fixed; // kept from the earlier layout
    std::vector<bool> m_placed; // fixed, or fitted already
    std::vector<double> m_estimate;
    std::vector<double> m_wanted; // per new item: its barycentre when fitted
    std::vector<std::vector<Item>> m_byLayer; // the items of each layer
};

// The dummies of an edge drawn before between two kept nodes stay where its route passed each
// earlier layer. The route is found by its ends; where it passed a column it ran level across
// it, so a level pair of points centred on the column gives the y.
void Fitter::keepDummies(const Layout &before)
{
    using Ends = std::tuple<double, double, double, double, std::uint32_t>;
    std::vector<Ends> routes;
    for (std::uint32_t i = 0; i < before.edges.size(); ++i) {
        const RoutedEdge &route = before.edges[i];
        if (route.selfLoop || route.points.size() < 4)
            continue;
        LayoutPoint a = route.points.front();
        LayoutPoint b = route.points.back();
        if (a.x > b.x)
            std::swap(a, b);
        routes.emplace_back(a.x, a.y, b.x, b.y, i);
    }
    std::sort(routes.begin(), routes.end());
    std::vector<bool> used(before.edges.size(), false);
    for (std::size_t laid = 0; laid < m_layered.edges.size(); ++laid) {
        const LaidEdge &edge = m_layered.edges[laid];
        const auto chain = m_layered.chain(laid);
        if (chain.size() < 3 || !m_fixed[edge.left] || !m_fixed[edge.right])
            continue;
        const LayoutPoint &left = m_previous.oldCentre[edge.left];
        const LayoutPoint &right = m_previous.oldCentre[edge.right];
        const double x0 = left.x + nodeWidth(m_graph.nodes[edge.left]) / 2;
        const double x1 = right.x - nodeWidth(m_graph.nodes[edge.right]) / 2;
        auto found
            = std::lower_bound(routes.begin(), routes.end(), Ends{x0, left.y, x1, right.y, 0});
        while (found != routes.end() && std::get<0>(*found) == x0 && std::get<1>(*found) == left.y
            && std::get<2>(*found) == x1 && std::get<3>(*found) == right.y
            && used[std::get<4>(*found)])
            ++found;
        if (found == routes.end() || std::get<0>(*found) != x0 || std::get<1>(*found) != left.y
            || std::get<2>(*found) != x1 || std::get<3>(*found) != right.y)
            continue;
        used[std::get<4>(*found)] = true;
        const std::vector<LayoutPoint> &points = before.edges[std::get<4>(*found)].points;
        for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
            const Item dummy = chain[i];
            const int oldLayer = m_layering.origins[std::size_t(m_layered.layerOf[dummy])].oldLayer;
            if (oldLayer < 0)
                continue;
            const double column = m_previous.oldColumns[std::size_t(oldLayer)];
            const double tolerance = 1e-6 * std::max(1.0, std::abs(column));
            for (std::size_t j = 1; j + 2 < points.size(); ++j) {
                const LayoutPoint &p = points[j];
                const LayoutPoint &q = points[j + 1];
                if (p.y == q.y && std::abs((p.x + q.x) / 2 - column) <= tolerance) {
                    m_y[dummy] = p.y;
                    m_fixed[dummy] = m_placed[dummy] = true;
                    break;
                }
            }
        }
    }
}

// A first guess for every new item: the mean of its known neighbours, breadth first from the
// kept items. Parts that touch nothing kept start below everything.
void Fitter::estimate()
{
    const std::size_t items = m_layered.itemCount();
    m_estimate.assign(items, 0.0);
    std::vector<bool> known(m_fixed);
    std::vector<Item> queue;
    double bottom = 0;
    bool any = false;
    for (Item item = 0; item < items; ++item) {
        if (m_fixed[item]) {
            m_estimate[item] = m_y[item];
            queue.push_back(item);
            bottom = any ? std::max(bottom, m_y[item] + m_layered.height[item] / 2)
                         : m_y[item] + m_layered.height[item] / 2;
            any = true;
        }
    }
    const auto spread = [&](std::size_t head) {
        for (; head < queue.size(); ++head) {
            for (const bool upper : {true, false}) {
                for (const Item next :
                    upper ? m_layered.up(queue[head]) : m_layered.down(queue[head])) {
                    if (known[next])
                        continue;
                    double sum = 0;
                    std::size_t count = 0;
                    for (const bool side : {true, false}) {
                        for (const Item other : side ? m_layered.up(next) : m_layered.down(next)) {
                            if (known[other]) {
                                sum += m_estimate[other];
                                ++count;
                            }
                        }
                    }
                    m_estimate[next] = sum / double(count);
                    known[next] = true;
                    queue.push_back(next);
                }
            }
        }
    };
    spread(0);
    for (Item item = 0; item < items; ++item) {
        if (known[item])
            continue;
        m_estimate[item] = bottom + m_options.nodeGap + m_layered.height[item] / 2;
        known[item] = true;
        queue.push_back(item);
        spread(queue.size() - 1);
    }
}

double Fitter::barycentre(Item item) const
{
    double sum = 0;
    std::size_t count = 0;
    for (const bool upper : {true, false}) {
        for (const Item other : upper ? m_layered.up(item) : m_layered.down(item)) {
            sum += m_placed[other] ? m_y[other] : m_estimate[other];
            ++count;
        }
    }
    return count == 0 ? m_estimate[item] : sum / double(count);
}

void Fitter::fitLayer(std::size_t layer)
{
    std::vector<Item> kept, fresh;
    for (const Item item : m_byLayer[layer])
        (m_fixed[item] ? kept : fresh).push_back(item);
    std::sort(kept.begin(), kept.end(),
        [&](Item a, Item b) { return m_y[a] < m_y[b] || (m_y[a] == m_y[b] && a < b); });
    std::vector<std::pair<double, Item>> order;
    for (const Item item : fresh)
        order.emplace_back(barycentre(item), item);
    std::sort(order.begin(), order.end());

    // Gap g lies above kept[g] (gap kept.size() below the last one).
    const std::size_t gaps = kept.size() + 1;
    std::vector<std::vector<Item>> assigned(gaps);
    std::vector<double> need(gaps, 0.0); // room the assigned items take with both neighbours
    const auto topOf = [&](std::size_t g) { return g == 0 ? -kInfinity : m_y[kept[g - 1]]; };
    const auto bottomOf
        = [&](std::size_t g) { return g == kept.size() ? kInfinity : m_y[kept[g]]; };
    const auto distance = [&](std::size_t g, double y) {
        return y < topOf(g) ? topOf(g) - y : y > bottomOf(g) ? y - bottomOf(g) : 0.0;
    };
    const auto roomWith = [&](std::size_t g, Item item) {
        const Item above = kept[g - 1], below = kept[g];
        if (assigned[g].empty())
            return separation(above, item) + separation(item, below);
        const Item last = assigned[g].back();
        return need[g] - separation(last, below) + separation(last, item) + separation(item, below);
    };
    for (const auto &[y, item] : order) {
        m_wanted[item] = y;
        std::size_t home
            = std::size_t(std::upper_bound(kept.begin(), kept.end(), y, [&](double value, Item k) {
                  return value < m_y[k];
              }) - kept.begin());
        // Nearest gap first, outwards; the gaps at either end always hold more.
        long up = long(home), down = long(home) + 1;
        std::size_t chosen = home;
        while (true) {
            const bool takeUp = up >= 0
                && (down >= long(gaps)
                    || distance(std::size_t(up), y) <= distance(std::size_t(down), y));
            const std::size_t g = takeUp ? std::size_t(up) : std::size_t(down);
            takeUp ? --up : ++down;
            const bool open = g == 0 || g == kept.size();
            if (open || roomWith(g, item) <= bottomOf(g) - topOf(g) + 1e-9) {
                chosen = g;
                break;
            }
        }
        if (chosen != 0 && chosen != kept.size())
            need[chosen] = roomWith(chosen, item);
        assigned[chosen].push_back(item);
    }

    for (std::size_t g = 0; g < gaps; ++g) {
        std::vector<Item> &chain = assigned[g];
        if (chain.empty())
            continue;
        const bool hasAbove = g > 0;
        const bool hasBelow = g < kept.size();
        // Down from the item above (or from the wanted place), then up from the one below.
        for (std::size_t i = 0; i < chain.size(); ++i) {
            double y = m_wanted[chain[i]];
            if (i > 0)
                y = std::max(y, m_y[chain[i - 1]] + separation(chain[i - 1], chain[i]));
            else if (hasAbove)
                y = std::max(y, m_y[kept[g - 1]] + separation(kept[g - 1], chain[i]));
            m_y[chain[i]] = y;
        }
        if (hasBelow) {
            for (std::size_t i = chain.size(); i-- > 0;) {
                const Item next = i + 1 < chain.size() ? chain[i + 1] : kept[g];
                m_y[chain[i]] = std::min(m_y[chain[i]], m_y[next] - separation(chain[i], next));
            }
        }
        for (const Item item : chain)
            m_placed[item] = true;
    }
}

std::vector<double> Fitter::run(const Layout &before)
{
    for (Item node = 0; node < m_layered.nodeCount; ++node) {
        if (m_layering.fixed[node]) {
            m_y[node] = m_previous.oldCentre[node].y;
            m_fixed[node] = m_placed[node] = true;
        }
    }
    keepDummies(before);
    estimate();
    m_wanted.assign(m_layered.itemCount(), 0.0);
    m_byLayer.assign(m_layered.layers.size(), {});
    for (Item item = 0; item < m_layered.itemCount(); ++item)
        m_byLayer[std::size_t(m_layered.layerOf[item])].push_back(item);
    for (std::size_t layer = 0; layer < m_layered.layers.size(); ++layer)
        fitLayer(layer);
    // The order of each layer is that of the y found.
    m_layered.layers = std::move(m_byLayer);
    for (std::vector<Item> &layer : m_layered.layers) {
        std::sort(layer.begin(), layer.end(),
            [&](Item a, Item b) { return m_y[a] < m_y[b] || (m_y[a] == m_y[b] && a < b); });
    }
    m_layered.updatePositions();
    return m_y;
}

} // namespace

Columns placeColumns(const std::vector<ColumnOrigin> &origins, const std::vector<double> &widths,
    const std::vector<double> &oldColumns, const LayoutOptions &options)
{
    // A new node wider than its earlier column may eat into the gaps beside it, down to a
    // quarter of the layer gap; past that the columns after it move right by what is missing.
    const double leastGap = options.layerGap / 4;
    const std::size_t layers = origins.size();
    Columns columns;
    columns.left.resize(layers);
    columns.centre.resize(layers);
    columns.right.resize(layers);
    std::size_t first = 0;
    while (first < layers && origins[first].oldLayer < 0)
        ++first;
    if (first == layers)
        return packColumns(widths, options);
    double shift = 0;
    for (std::size_t layer = first; layer < layers; ++layer) {
        const ColumnOrigin &origin = origins[layer];
        const double half = widths[layer] / 2;
        double centre = origin.oldLayer >= 0 ? oldColumns[std::size_t(origin.oldLayer)] + shift
                                             : columns.right[layer - 1] + options.layerGap + half;
        if (layer > first) {
            const double missing = columns.right[layer - 1] + leastGap + half - centre;
            if (missing > 1e-9) {
                centre += missing;
                shift += missing;
            }
        }
        if (origin.inserted)
            shift += widths[layer] + options.layerGap;
        columns.centre[layer] = centre;
        columns.left[layer] = centre - half;
        columns.right[layer] = centre + half;
    }
    for (std::size_t layer = first; layer-- > 0;) {
        const double half = widths[layer] / 2;
        const double centre = columns.left[layer + 1] - options.layerGap - half;
        columns.centre[layer] = centre;
        columns.left[layer] = centre - half;
        columns.right[layer] = centre + half;
    }
    return columns;
}

std::vector<double> fitItems(const LayoutGraph &graph, LayeredGraph &layered,
    const IncrementalLayering &layering, const PreviousPlacement &previous, const Layout &before,
    const LayoutOptions &options)
{
    return Fitter(graph, layered, layering, previous, options).run(before);
}

} // namespace tributary::layout
