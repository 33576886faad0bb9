// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <vector>

#include "tributary/lineage/lineagegraph.h"

namespace tributary {

enum class Direction { Up, Down, Both };

struct ClosureQuery {
    NodeId start = kNoId;
    Direction direction = Direction::Down;
    int maxDepth = -1;                // -1: no limit
    std::set<ResourceKind> kinds;     // empty: every kind; traversal passes through the others
};

// One node a traversal reached, and how: `via` is the node it was reached from (kNoId for the
// start), so following `via` back gives a shortest path as evidence.
struct ReachedNode {
    NodeId node = kNoId;
    int depth = 0;                   // hops from the start; negative upstream
    NodeId via = kNoId;
    EdgeKind viaKind = EdgeKind::Input;
};

// A node of a neighbourhood, with the neighbours it has that the neighbourhood leaves out.
struct NeighbourhoodNode {
    NodeId node = kNoId;
    int depth = 0; // negative upstream
    std::size_t hiddenUp = 0;
    std::size_t hiddenDown = 0;
};

struct Neighbourhood {
    std::vector<NeighbourhoodNode> nodes;             // the start first
    std::vector<std::pair<NodeId, LineageStep>> edges; // from -> step, between shown nodes
};

struct PathHop {
    NodeId node = kNoId;
    EdgeKind kind = EdgeKind::Input; // of the edge into this node (ignored for the first)
};
using LineagePath = std::vector<PathHop>;

struct PathQuery {
    NodeId from = kNoId;
    NodeId to = kNoId;
    std::size_t maxPaths = 100;
    int maxLength = 32; // edges
};

// A hop of a path that starts at a column: it follows column lineage (a column hop, with the
// transform into it) until a feature or label, then resource lineage (a resource hop, with the
// edge kind into it).
struct MixedHop {
    NodeId resource = kNoId;
    ColumnId column = kNoId; // kNoId for a resource hop
    EdgeKind edge = EdgeKind::Input;
    TransformKind transform = TransformKind::Identity;
};
using MixedPath = std::vector<MixedHop>;

struct ColumnPathResult {
    std::vector<MixedPath> paths;
    bool truncated = false;
};

// The paths found, shortest first; `truncated` when maxPaths or maxLength left some out.
struct PathResult {
    std::vector<LineagePath> paths;
    bool truncated = false;
};

// The column-level counterpart of a neighbourhood: columns (and feature/label value nodes)
// within `up` and `down` hops of a column along column lineage (-1: all).
struct ColumnNeighbourhoodNode {
    ColumnId node = kNoId; // the column
    int depth = 0; // negative upstream
    std::size_t hiddenUp = 0;
    std::size_t hiddenDown = 0;
};

struct ColumnNeighbourhood {
    std::vector<ColumnNeighbourhoodNode> nodes; // the start first
    std::vector<std::pair<ColumnId, ColumnStep>> edges;
};

ColumnNeighbourhood columnNeighbourhood(const LineageGraph &graph, ColumnId start, int up, int down);

// Runs queries over one graph, reusing its buffers: after the first query of a size, a query
// allocates only its result. Not thread-safe; use one per thread.
class Traversal
{
public:
    explicit Traversal(const LineageGraph &graph);

    // Every node reachable from the start within the depth limit, nearest first, the start
    // excluded; only nodes of `kinds` are returned.
    std::vector<ReachedNode> closure(const ClosureQuery &query);
    // Nodes within `up` hops upstream and `down` downstream (-1: all), with hidden counts.
    Neighbourhood neighbourhood(NodeId start, int up, int down);
    PathResult paths(const PathQuery &query);
    // Every path from a column to a resource, shortest first: column lineage to the features
    // and labels the column feeds (or to a column of `to` itself), then resource lineage.
    ColumnPathResult columnPaths(ColumnId from, NodeId to, std::size_t maxPaths, int maxLength);
    // A shortest path between the start of the last closure and `node`, in lineage order:
    // start first for a node downstream of it, `node` first for one upstream. Empty when the
    // last closure did not reach `node`.
    LineagePath pathTo(NodeId node) const;

private:
    bool visit(NodeId node); // true when not yet seen in this query
    void nextEpoch();
    // Is there a path from `from` to `to` longer than `limit` edges? (`m_seen` marks the nodes
    // that can reach `to`, with epoch `reachable`.)
    bool hasLongerPath(NodeId from, NodeId to, int limit, std::uint32_t reachable);

    const LineageGraph &m_graph;
    std::vector<std::uint32_t> m_seen; // epoch marks
    std::vector<std::uint32_t> m_tree; // which closure set m_via of a node
    std::vector<NodeId> m_via;
    std::vector<EdgeKind> m_viaKind;
    std::vector<int> m_distance;
    std::uint32_t m_epoch = 0;
    std::uint32_t m_closures = 0;
    NodeId m_lastStart = kNoId;
    std::vector<ReachedNode> m_queue;
};

} // namespace tributary
