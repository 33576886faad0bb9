// SPDX-License-Identifier: Apache-2.0
// Layering. Longest path alone pushes every source to layer 0, so a source feeding one feature
// far right would draw a long edge; shortenEdges() then moves such nodes next to what they feed
// (each move strictly shortens the total edge length, so it ends).
#include <algorithm>
#include <climits>

#include "layering_p.h"

namespace tributary::layout {

namespace {

// Rows of laid edges by one end: `offsets` per node + 1, `edges` indexes into the edge list.
struct EdgeRows {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> edges;
};

EdgeRows rowsBy(std::size_t nodes, const std::vector<LaidEdge> &edges, bool byLeft)
{
    EdgeRows rows;
    rows.offsets.assign(nodes + 1, 0);
    for (const LaidEdge &edge : edges)
        ++rows.offsets[(byLeft ? edge.left : edge.right) + 1];
    for (std::size_t i = 0; i < nodes; ++i)
        rows.offsets[i + 1] += rows.offsets[i];
    rows.edges.resize(edges.size());
    std::vector<std::uint32_t> fill(rows.offsets.begin(), rows.offsets.end() - 1);
    for (std::uint32_t i = 0; i < edges.size(); ++i)
        rows.edges[fill[byLeft ? edges[i].left : edges[i].right]++] = i;
    return rows;
}

constexpr int kShortenPasses = 16;

} // namespace

std::vector<int> flowBands(const LayoutGraph &graph, const std::vector<int> &floor)
{
    const std::size_t nodes = graph.nodes.size();
    std::vector<int> band(nodes);
    for (std::size_t node = 0; node < nodes; ++node)
        band[node] = std::max(graph.nodes[node].band, node < floor.size() ? floor[node] : INT_MIN);
    // Lineage may run against the bands (a source computed from a feature): such a node takes
    // the highest band upstream of it, so no edge points back across the bands.
    const std::vector<LaidEdge> edges = orientEdges(graph, std::vector<int>(nodes, 0));
    const EdgeRows in = rowsBy(nodes, edges, false);
    for (const std::uint32_t node : topologicalOrder(nodes, edges)) {
        for (std::uint32_t k = in.offsets[node]; k < in.offsets[node + 1]; ++k)
            band[node] = std::max(band[node], band[edges[in.edges[k]].left]);
    }
    return band;
}

std::vector<int> ranksOf(const std::vector<int> &bands, int &count)
{
    std::vector<int> present = bands;
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    count = int(present.size());
    std::vector<int> rank;
    rank.reserve(bands.size());
    for (const int band : bands)
        rank.push_back(
            int(std::lower_bound(present.begin(), present.end(), band) - present.begin()));
    return rank;
}

std::vector<LaidEdge> orientEdges(const LayoutGraph &graph, const std::vector<int> &rank)
{
    const std::size_t nodes = graph.nodes.size();
    std::vector<LaidEdge> edges;
    edges.reserve(graph.edges.size());
    for (std::uint32_t i = 0; i < graph.edges.size(); ++i) {
        const LayoutEdge &edge = graph.edges[i];
        if (edge.from >= nodes || edge.to >= nodes || edge.from == edge.to)
            continue;
        if (rank[edge.from] > rank[edge.to])
            edges.push_back({i, edge.to, edge.from, true});
        else
            edges.push_back({i, edge.from, edge.to, false});
    }

    // Back edges of a depth-first search: reversing them all leaves no cycle.
    const EdgeRows out = rowsBy(nodes, edges, true);
    std::vector<bool> back(edges.size(), false);
    for (const std::uint32_t edge :
        backEdges(nodes, out.offsets, out.edges, [&](std::uint32_t id) { return edges[id].right; }))
        back[edge] = true;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        if (back[i]) {
            std::swap(edges[i].left, edges[i].right);
            edges[i].reversed = !edges[i].reversed;
        }
    }
    return edges;
}

std::vector<std::uint32_t> topologicalOrder(std::size_t nodes, const std::vector<LaidEdge> &edges)
{
    const EdgeRows out = rowsBy(nodes, edges, true);
    std::vector<std::uint32_t> inDegree(nodes, 0);
    for (const LaidEdge &edge : edges)
        ++inDegree[edge.right];
    std::vector<std::uint32_t> order;
    order.reserve(nodes);
    for (std::uint32_t node = 0; node < nodes; ++node) {
        if (inDegree[node] == 0)
            order.push_back(node);
    }
    for (std::size_t head = 0; head < order.size(); ++head) {
        const std::uint32_t node = order[head];
        for (std::uint32_t i = out.offsets[node]; i < out.offsets[node + 1]; ++i) {
            const std::uint32_t target = edges[out.edges[i]].right;
            if (--inDegree[target] == 0)
                order.push_back(target);
        }
    }
    return order;
}

std::vector<int> longestPathLayers(std::size_t nodes, const std::vector<LaidEdge> &edges,
    const std::vector<int> &rank, int rankCount)
{
    const EdgeRows out = rowsBy(nodes, edges, true);
    std::vector<std::uint32_t> inDegree(nodes, 0);
    for (const LaidEdge &edge : edges)
        ++inDegree[edge.right];
    // Edges never go to a lower band, so taking the bands in turn is a topological order in
    // which each band starts after the last layer of those below.
    std::vector<std::vector<std::uint32_t>> ready(std::size_t(std::max(rankCount, 1)));
    for (std::uint32_t node = 0; node < nodes; ++node) {
        if (inDegree[node] == 0)
            ready[std::size_t(rank[node])].push_back(node);
    }
    std::vector<int> layer(nodes, 0);
    std::vector<bool> placed(nodes, false);
    int last = -1;
    for (std::size_t band = 0; band < ready.size(); ++band) {
        const int first = last + 1;
        for (std::size_t i = 0; i < ready[band].size(); ++i) {
            const std::uint32_t node = ready[band][i];
            layer[node] = std::max(layer[node], first);
            placed[node] = true;
            last = std::max(last, layer[node]);
            for (std::uint32_t k = out.offsets[node]; k < out.offsets[node + 1]; ++k) {
                const std::uint32_t target = edges[out.edges[k]].right;
                layer[target] = std::max(layer[target], layer[node] + 1);
                if (--inDegree[target] == 0)
                    ready[std::size_t(rank[target])].push_back(target);
            }
        }
    }
    // Only a cyclic input leaves nodes unplaced; orientEdges() never gives one.
    for (std::size_t node = 0; node < nodes; ++node) {
        if (!placed[node])
            layer[node] = ++last;
    }
    return layer;
}

void shortenEdges(std::vector<int> &layer, const std::vector<bool> &movable,
    const std::vector<LaidEdge> &edges, const std::vector<int> &rank, int rankCount)
{
    const std::size_t nodes = layer.size();
    if (nodes == 0)
        return;
    // Each band keeps the layers it has: from after the last layer of the band below to its own
    // last layer. The ranges are disjoint, so moves within them never mix bands.
    std::vector<int> bandLast(std::size_t(std::max(rankCount, 1)), INT_MIN);
    for (std::size_t node = 0; node < nodes; ++node) {
        int &last = bandLast[std::size_t(rank[node])];
        last = std::max(last, layer[node]);
    }
    const EdgeRows out = rowsBy(nodes, edges, true);
    const EdgeRows in = rowsBy(nodes, edges, false);
    const std::vector<std::uint32_t> order = topologicalOrder(nodes, edges);
    const auto canMove = [&](std::uint32_t node) { return movable.empty() || movable[node]; };
    for (int pass = 0; pass < kShortenPasses; ++pass) {
        bool moved = false;
        for (auto at = order.rbegin(); at != order.rend(); ++at) {
            const std::uint32_t node = *at;
            const std::uint32_t outs = out.offsets[node + 1] - out.offsets[node];
            const std::uint32_t ins = in.offsets[node + 1] - in.offsets[node];
            if (!canMove(node) || outs <= ins)
                continue;
            int highest = bandLast[std::size_t(rank[node])];
            for (std::uint32_t k = out.offsets[node]; k < out.offsets[node + 1]; ++k)
                highest = std::min(highest, layer[edges[out.edges[k]].right] - 1);
            if (highest > layer[node]) {
                layer[node] = highest;
                moved = true;
            }
        }
        for (const std::uint32_t node : order) {
            const std::uint32_t outs = out.offsets[node + 1] - out.offsets[node];
            const std::uint32_t ins = in.offsets[node + 1] - in.offsets[node];
            if (!canMove(node) || ins <= outs)
                continue;
            const int band = rank[node];
            int lowest = band == 0 ? INT_MIN : bandLast[std::size_t(band - 1)] + 1;
            for (std::uint32_t k = in.offsets[node]; k < in.offsets[node + 1]; ++k)
                lowest = std::max(lowest, layer[edges[in.edges[k]].left] + 1);
            if (lowest < layer[node]) {
                layer[node] = lowest;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
}

int compactLayers(std::vector<int> &layer)
{
    std::vector<int> used(layer);
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    for (int &value : layer)
        value = int(std::lower_bound(used.begin(), used.end(), value) - used.begin());
    return int(used.size());
}

} // namespace tributary::layout
