// SPDX-License-Identifier: Apache-2.0
// Turns a layering into the working graph: a dummy item per layer a long edge passes, so every
// segment joins adjacent layers and the later stages need not know about long edges.
#include <algorithm>
#include <cmath>

#include "layeredgraph_p.h"

namespace tributary::layout {

namespace {

double usable(double value, double least)
{
    return std::isfinite(value) && value > least ? value : least;
}

} // namespace

LayoutOptions sanitized(const LayoutOptions &options)
{
    LayoutOptions result = options;
    result.layerGap = usable(options.layerGap, 1.0);
    result.nodeGap = usable(options.nodeGap, 0.0);
    result.edgeGap = usable(options.edgeGap, 1.0);
    result.sweeps = std::max(options.sweeps, 0);
    return result;
}

void LayeredGraph::updatePositions()
{
    for (const std::vector<Item> &items : layers) {
        for (std::size_t i = 0; i < items.size(); ++i)
            pos[items[i]] = std::uint32_t(i);
    }
}

LayeredGraph buildLayeredGraph(const LayoutGraph &graph, const std::vector<int> &layer,
    std::vector<LaidEdge> edges, double edgeGap)
{
    LayeredGraph result;
    const auto nodes = std::uint32_t(graph.nodes.size());
    result.nodeCount = nodes;
    result.layerOf.assign(layer.begin(), layer.end());
    result.height.resize(nodes);
    int layers = 0;
    for (std::uint32_t node = 0; node < nodes; ++node) {
        const double height = graph.nodes[node].height;
        result.height[node] = std::isfinite(height) && height > 0 ? height : 0.0;
        layers = std::max(layers, layer[node] + 1);
    }

    // Chains first (dummies get their ids here), then the segments between chain neighbours.
    std::vector<std::pair<Item, Item>> segments;
    result.chainOffsets.reserve(edges.size() + 1);
    result.chainOffsets.push_back(0);
    for (const LaidEdge &edge : edges) {
        Item previous = edge.left;
        result.chainItems.push_back(edge.left);
        for (int at = layer[edge.left] + 1; at < layer[edge.right]; ++at) {
            const auto dummy = Item(result.layerOf.size());
            result.layerOf.push_back(at);
            result.height.push_back(edgeGap);
            result.chainItems.push_back(dummy);
            segments.emplace_back(previous, dummy);
            previous = dummy;
        }
        segments.emplace_back(previous, edge.right);
        result.chainItems.push_back(edge.right);
        result.chainOffsets.push_back(std::uint32_t(result.chainItems.size()));
    }
    result.edges = std::move(edges);

    // Compressed rows both ways; a segment keeps its place in edge order within each row.
    const std::size_t items = result.layerOf.size();
    result.downOffsets.assign(items + 1, 0);
    result.upOffsets.assign(items + 1, 0);
    for (const auto &[upper, lower] : segments) {
        ++result.downOffsets[upper + 1];
        ++result.upOffsets[lower + 1];
    }
    for (std::size_t i = 0; i < items; ++i) {
        result.downOffsets[i + 1] += result.downOffsets[i];
        result.upOffsets[i + 1] += result.upOffsets[i];
    }
    result.downItems.resize(segments.size());
    result.upItems.resize(segments.size());
    result.upSegment.resize(segments.size());
    std::vector<std::uint32_t> downFill(result.downOffsets.begin(), result.downOffsets.end() - 1);
    std::vector<std::uint32_t> upFill(result.upOffsets.begin(), result.upOffsets.end() - 1);
    for (const auto &[upper, lower] : segments) {
        const std::uint32_t segment = downFill[upper]++;
        result.downItems[segment] = lower;
        const std::uint32_t slot = upFill[lower]++;
        result.upItems[slot] = upper;
        result.upSegment[slot] = segment;
    }
    result.layers.resize(std::size_t(layers));
    result.pos.assign(items, 0);
    return result;
}

} // namespace tributary::layout
