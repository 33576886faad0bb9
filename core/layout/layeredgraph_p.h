// SPDX-License-Identifier: Apache-2.0
// The working graph every stage of a layered layout shares: the graph's nodes plus one dummy
// item per layer a long edge passes, joined by segments between adjacent layers.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "tributary/layout/layeredlayout.h"

namespace tributary::layout {

using Item = std::uint32_t;
inline constexpr Item kNoItem = UINT32_MAX;

// An edge as the layering lays it: `left` in an earlier layer than `right`.
struct LaidEdge {
    std::uint32_t edge = 0; // index into LayoutGraph::edges
    std::uint32_t left = 0;
    std::uint32_t right = 0;
    bool reversed = false; // left is the edge's target
};

// Items [0, nodeCount) are the graph's nodes, the rest dummies. Segments join an item to items
// of the next layer (`down`) and of the previous one (`up`); a segment's id is its index in the
// down rows, and `upSegment` gives it for each entry of the up rows.
struct LayeredGraph {
    std::uint32_t nodeCount = 0;
    std::vector<int> layerOf; // per item
    std::vector<double> height; // per item; a dummy's is the edge gap
    std::vector<std::vector<Item>> layers; // the items of each layer, top first
    std::vector<std::uint32_t> pos; // per item: its index in its layer
    std::vector<std::uint32_t> downOffsets; // per item + 1
    std::vector<Item> downItems;
    std::vector<std::uint32_t> upOffsets;
    std::vector<Item> upItems;
    std::vector<std::uint32_t> upSegment; // beside upItems
    std::vector<LaidEdge> edges; // every edge laid, self-loops and bad ones left out
    std::vector<std::uint32_t> chainOffsets; // per laid edge + 1
    std::vector<Item> chainItems; // each laid edge's items, left to right, ends included

    std::size_t itemCount() const { return layerOf.size(); }
    bool isDummy(Item item) const { return item >= nodeCount; }
    std::span<const Item> down(Item item) const
    {
        return {downItems.data() + downOffsets[item], downItems.data() + downOffsets[item + 1]};
    }
    std::span<const Item> up(Item item) const
    {
        return {upItems.data() + upOffsets[item], upItems.data() + upOffsets[item + 1]};
    }
    std::span<const Item> chain(std::size_t laid) const
    {
        return {chainItems.data() + chainOffsets[laid], chainItems.data() + chainOffsets[laid + 1]};
    }
    // Sets `pos` from `layers`.
    void updatePositions();
};

// Builds the items and segments for nodes at `layer` (compact: every layer holds a node) and
// the laid edges; `layers` is left empty for the ordering to fill.
LayeredGraph buildLayeredGraph(const LayoutGraph &graph, const std::vector<int> &layer,
    std::vector<LaidEdge> edges, double edgeGap);

// Options with every gap made usable (positive where a zero would make routes degenerate).
LayoutOptions sanitized(const LayoutOptions &options);

// The least distance between the centres of two neighbours of a layer.
inline double separation(
    double heightA, double heightB, bool dummyA, bool dummyB, const LayoutOptions &options)
{
    // Two long edges passing side by side need only the room an edge takes; anything next to a
    // node keeps the node gap.
    const double gap = dummyA && dummyB ? 0.0 : options.nodeGap;
    const double distance = (heightA + heightB) / 2 + gap;
    return distance < 1.0 ? 1.0 : distance;
}

// The back edges of a depth-first search started from node 0, 1, 2, ... in turn, over edges in
// rows by source (`offsets` per node + 1 into `ids`); `target(id)` is an edge's other end.
// Reversing every back edge of one search leaves no cycle.
template <typename Target>
std::vector<std::uint32_t> backEdges(std::size_t nodes, const std::vector<std::uint32_t> &offsets,
    const std::vector<std::uint32_t> &ids, Target target)
{
    enum : std::uint8_t { Unseen, Open, Done };
    std::vector<std::uint8_t> state(nodes, Unseen);
    std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
    std::vector<std::uint32_t> back, stack;
    for (std::uint32_t start = 0; start < nodes; ++start) {
        if (state[start] != Unseen)
            continue;
        state[start] = Open;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::uint32_t node = stack.back();
            if (next[node] == offsets[node + 1]) {
                state[node] = Done;
                stack.pop_back();
                continue;
            }
            const std::uint32_t id = ids[next[node]++];
            const std::uint32_t to = target(id);
            if (state[to] == Open) {
                back.push_back(id);
            } else if (state[to] == Unseen) {
                state[to] = Open;
                stack.push_back(to);
            }
        }
    }
    return back;
}

} // namespace tributary::layout
