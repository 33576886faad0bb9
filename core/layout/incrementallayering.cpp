// SPDX-License-Identifier: Apache-2.0
// Layers around an earlier layout. Kept nodes stand for their earlier layer ("columns"); new
// nodes, the columns and a bound per band form a graph of difference constraints (an edge
// u -> v of weight w: layer(v) >= layer(u) + w). Columns are anchored at their earlier index;
// the longest path from the anchors gives what must lie after them, and new nodes nothing
// anchors from the left are pulled right up to what they feed. A column ends up beyond its
// index only when a chain of new nodes needs a layer that is not there: that is the one case
// where columns move (right, one layer per missing layer).
#include <algorithm>
#include <climits>
#include <cmath>

#include "incremental_p.h"
#include "layering_p.h"

namespace tributary::layout {

namespace {

constexpr int kFree = INT_MIN / 4; // no lower bound yet
constexpr int kNone = INT_MAX / 4; // no upper bound

// The x most nodes of each earlier layer share (a pinned node may sit elsewhere), for layouts
// that do not carry their columns.
std::vector<double> columnsFromNodes(const Layout &previous)
{
    std::vector<std::vector<double>> xs(previous.layers);
    for (const PlacedNode &node : previous.nodes) {
        if (node.layer >= 0 && std::size_t(node.layer) < previous.layers)
            xs[std::size_t(node.layer)].push_back(node.centre.x);
    }
    std::vector<double> columns(previous.layers, std::nan(""));
    for (std::size_t layer = 0; layer < xs.size(); ++layer) {
        std::vector<double> &values = xs[layer];
        std::sort(values.begin(), values.end());
        std::size_t best = 0;
        for (std::size_t i = 0, run = 0; i < values.size(); ++i) {
            run = i > 0 && values[i] == values[i - 1] ? run + 1 : 1;
            if (run > best) {
                best = run;
                columns[layer] = values[i];
            }
        }
    }
    return columns;
}

struct Constraint {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    int weight = 0;
    long laid = -1; // the laid edge it stands for, or -1 for a column chain or band bound
};

struct Rows {
    std::vector<std::uint32_t> offsets, ids;
};

Rows rowsFrom(std::size_t count, const std::vector<Constraint> &constraints)
{
    Rows rows;
    rows.offsets.assign(count + 1, 0);
    for (const Constraint &c : constraints)
        ++rows.offsets[c.from + 1];
    for (std::size_t i = 0; i < count; ++i)
        rows.offsets[i + 1] += rows.offsets[i];
    rows.ids.resize(constraints.size());
    std::vector<std::uint32_t> fill(rows.offsets.begin(), rows.offsets.end() - 1);
    for (std::uint32_t i = 0; i < constraints.size(); ++i)
        rows.ids[fill[constraints[i].from]++] = i;
    return rows;
}

// Reverses the laid edges among the back edges of a depth-first search that walks the column
// chain first, so the chain is all tree edges and never reversed. False if a chain or band
// constraint closes a cycle, which consistent columns rule out.
bool breakCycles(
    std::size_t count, std::vector<Constraint> &constraints, std::vector<LaidEdge> &edges)
{
    const Rows out = rowsFrom(count, constraints);
    const std::vector<std::uint32_t> back = backEdges(
        count, out.offsets, out.ids, [&](std::uint32_t id) { return constraints[id].to; });
    for (const std::uint32_t id : back) {
        Constraint &c = constraints[id];
        if (c.laid < 0)
            return false;
        std::swap(c.from, c.to);
        LaidEdge &edge = edges[std::size_t(c.laid)];
        std::swap(edge.left, edge.right);
        edge.reversed = !edge.reversed;
    }
    return true;
}

} // namespace

PreviousPlacement matchPrevious(const LayoutGraph &graph, const Layout &previous)
{
    PreviousPlacement result;
    const std::size_t nodes = graph.nodes.size();
    result.oldLayer.assign(nodes, -1);
    result.oldCentre.assign(nodes, {});
    result.oldBand.assign(nodes, INT_MIN);
    if (previous.keys.size() != previous.nodes.size() || previous.layers == 0)
        return result;
    result.oldColumns = previous.columns.size() == previous.layers ? previous.columns
                                                                   : columnsFromNodes(previous);

    std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
    index.reserve(previous.keys.size());
    for (std::uint32_t i = 0; i < previous.keys.size(); ++i)
        index.emplace_back(previous.keys[i], i);
    std::sort(index.begin(), index.end());
    std::vector<bool> taken(previous.nodes.size(), false);
    for (std::size_t node = 0; node < nodes; ++node) {
        const std::uint64_t key = graph.nodes[node].key;
        const auto found = std::lower_bound(index.begin(), index.end(), std::make_pair(key, 0u));
        if (found == index.end() || found->first != key || taken[found->second])
            continue;
        taken[found->second] = true;
        const PlacedNode &placed = previous.nodes[found->second];
        if (placed.layer < 0 || std::size_t(placed.layer) >= previous.layers)
            continue;
        const double column = result.oldColumns[std::size_t(placed.layer)];
        if (!std::isfinite(placed.centre.y) || !std::isfinite(column)
            || std::abs(placed.centre.x - column) > 1e-9 * std::max(1.0, std::abs(column)))
            continue;
        result.oldLayer[node] = placed.layer;
        result.oldCentre[node] = placed.centre;
        if (previous.bands.size() == previous.nodes.size())
            result.oldBand[node] = previous.bands[found->second];
        ++result.matched;
    }
    return result;
}

std::optional<IncrementalLayering> layerIncrementally(
    const LayoutGraph &graph, const PreviousPlacement &previous)
{
    const std::size_t nodes = graph.nodes.size();
    int rankCount = 0;
    IncrementalLayering result;
    // A node keeps the band it was drawn in, even when what raised it there has gone.
    result.bands = flowBands(graph, previous.oldBand);
    const std::vector<int> rank = ranksOf(result.bands, rankCount);
    result.fixed.assign(nodes, false);
    for (std::size_t node = 0; node < nodes; ++node)
        result.fixed[node] = previous.oldLayer[node] >= 0;

    // Earlier layers must still be in band order; nodes whose band no longer fits theirs are
    // fitted again as new.
    const std::size_t oldLayers = previous.oldColumns.size();
    std::vector<int> columnRank(oldLayers, INT_MAX);
    for (std::size_t node = 0; node < nodes; ++node) {
        if (result.fixed[node]) {
            int &r = columnRank[std::size_t(previous.oldLayer[node])];
            r = std::min(r, rank[node]);
        }
    }
    std::vector<bool> dropped(oldLayers, false);
    for (std::size_t layer = 0, highest = 0; layer < oldLayers; ++layer) {
        if (columnRank[layer] == INT_MAX)
            continue;
        if (std::size_t(columnRank[layer]) < highest)
            dropped[layer] = true;
        else
            highest = std::size_t(columnRank[layer]);
    }
    for (std::size_t node = 0; node < nodes; ++node) {
        if (!result.fixed[node])
            continue;
        const auto layer = std::size_t(previous.oldLayer[node]);
        if (dropped[layer] || rank[node] != columnRank[layer])
            result.fixed[node] = false;
    }

    // Edges along the bands; one between two kept nodes of one layer cannot be drawn, so its
    // target is fitted again.
    std::vector<LaidEdge> edges;
    for (std::uint32_t i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge &edge = graph.edges[i];
        if (edge.from >= nodes || edge.to >= nodes || edge.from == edge.to)
            continue;
        const bool against = rank[edge.from] > rank[edge.to];
        edges.push_back({i, against ? edge.to : edge.from, against ? edge.from : edge.to, against});
        const LaidEdge &laid = edges.back();
        if (result.fixed[laid.left] && result.fixed[laid.right]
            && previous.oldLayer[laid.left] == previous.oldLayer[laid.right])
            result.fixed[laid.right] = false;
    }

    // Constraint nodes: the columns (kept earlier layers, in order), the new nodes, a bound per
    // band (every node of band r is at or before bound r, every node of band r + 1 after it).
    std::vector<int> columns;
    for (std::size_t node = 0; node < nodes; ++node) {
        if (result.fixed[node])
            columns.push_back(previous.oldLayer[node]);
    }
    std::sort(columns.begin(), columns.end());
    columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
    if (columns.empty())
        return std::nullopt;
    const auto columnCount = std::uint32_t(columns.size());
    std::vector<std::uint32_t> constraintOf(nodes);
    std::vector<int> constraintRank(columnCount);
    for (std::uint32_t c = 0; c < columnCount; ++c)
        constraintRank[c] = columnRank[std::size_t(columns[c])];
    for (std::size_t node = 0; node < nodes; ++node) {
        if (result.fixed[node]) {
            constraintOf[node] = std::uint32_t(
                std::lower_bound(columns.begin(), columns.end(), previous.oldLayer[node])
                - columns.begin());
        } else {
            constraintOf[node] = std::uint32_t(constraintRank.size());
            constraintRank.push_back(rank[node]);
        }
    }
    const auto bounds = std::uint32_t(constraintRank.size());
    const std::size_t count = bounds + std::size_t(std::max(rankCount, 1));
    std::vector<Constraint> constraints;
    for (std::uint32_t c = 0; c + 1 < columnCount; ++c)
        constraints.push_back({c, c + 1, columns[c + 1] - columns[c], -1});
    for (std::size_t k = 0; k < edges.size(); ++k)
        constraints.push_back(
            {constraintOf[edges[k].left], constraintOf[edges[k].right], 1, long(k)});
    for (std::uint32_t c = 0; c < bounds; ++c) {
        const auto r = std::uint32_t(constraintRank[c]);
        constraints.push_back({c, bounds + r, 0, -1});
        if (r > 0)
            constraints.push_back({bounds + r - 1, c, 1, -1});
    }
    if (!breakCycles(count, constraints, edges))
        return std::nullopt;

    // Topological order, then the least layers the anchored columns force.
    const Rows out = rowsFrom(count, constraints);
    std::vector<std::uint32_t> inDegree(count, 0);
    for (const Constraint &c : constraints)
        ++inDegree[c.to];
    std::vector<std::uint32_t> order;
    for (std::uint32_t c = 0; c < count; ++c) {
        if (inDegree[c] == 0)
            order.push_back(c);
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        for (std::uint32_t k = out.offsets[order[head]]; k < out.offsets[order[head] + 1]; ++k) {
            if (--inDegree[constraints[out.ids[k]].to] == 0)
                order.push_back(constraints[out.ids[k]].to);
        }
    }
    if (order.size() != count)
        return std::nullopt;
    std::vector<int> at(count, kFree);
    for (std::uint32_t c = 0; c < columnCount; ++c)
        at[c] = columns[c];
    for (const std::uint32_t c : order) {
        if (at[c] == kFree)
            continue;
        for (std::uint32_t k = out.offsets[c]; k < out.offsets[c + 1]; ++k) {
            const Constraint &next = constraints[out.ids[k]];
            at[next.to] = std::max(at[next.to], at[c] + next.weight);
        }
    }
    // What nothing anchors from the left goes as far right as what follows it allows.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::uint32_t c = *it;
        if (at[c] != kFree)
            continue;
        int highest = kNone;
        for (std::uint32_t k = out.offsets[c]; k < out.offsets[c + 1]; ++k) {
            const Constraint &next = constraints[out.ids[k]];
            highest = std::min(highest, at[next.to] - next.weight);
        }
        at[c] = highest == kNone ? columns.front() : highest;
    }

    std::vector<int> layer(nodes);
    std::vector<bool> movable(nodes);
    for (std::size_t node = 0; node < nodes; ++node) {
        layer[node] = at[constraintOf[node]];
        movable[node] = !result.fixed[node];
    }
    for (const LaidEdge &edge : edges) {
        if (layer[edge.left] >= layer[edge.right])
            return std::nullopt;
    }
    shortenEdges(layer, movable, edges, rank, rankCount);

    // Name each layer used after the earlier layer it stands in, if any.
    std::vector<int> used(layer);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    const auto known = [&](long q) {
        return q >= 0 && std::size_t(q) < oldLayers
            && std::isfinite(previous.oldColumns[std::size_t(q)]);
    };
    std::vector<int> columnAt(at.begin(), at.begin() + columnCount);
    for (const int position : used) {
        const auto found = std::lower_bound(columnAt.begin(), columnAt.end(), position);
        const auto i = std::size_t(found - columnAt.begin());
        ColumnOrigin origin;
        long q = -1;
        if (found != columnAt.end() && *found == position) {
            q = columns[i];
        } else if (i == 0) {
            q = long(columns.front()) - (columnAt.front() - position);
        } else if (i == columnAt.size()) {
            q = long(columns.back()) + (position - columnAt.back());
        } else {
            const long step = position - columnAt[i - 1];
            if (step < columns[i] - columns[i - 1])
                q = columns[i - 1] + step;
            else
                origin.inserted = true;
        }
        if (!origin.inserted && known(q))
            origin.oldLayer = int(q);
        else if (i > 0 && i < columnAt.size())
            origin.inserted = true;
        result.origins.push_back(origin);
    }
    for (int &value : layer)
        value = int(std::lower_bound(used.begin(), used.end(), value) - used.begin());
    result.layer = std::move(layer);
    result.edges = std::move(edges);
    return result;
}

} // namespace tributary::layout
