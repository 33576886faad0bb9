// SPDX-License-Identifier: Apache-2.0
// Traversals over the CSR graph. Visited marks are epochs, so starting a query costs nothing
// and buffers are reused: the only allocation of a warm query is its result.
#include "tributary/lineage/lineagequery.h"

#include <algorithm>

namespace tributary {

namespace {

std::uint32_t targetOf(const LineageStep &step) { return step.node; }
std::uint32_t targetOf(const ColumnStep &step) { return step.column; }

// Breadth-first `up` then `down` hops from `start` (-1: all), then the hidden counts and the
// edges between shown nodes. `rows(id, downstream)` gives adjacency; `markNew(id)` marks a node
// shown and says whether it was new; `shown(id)` asks.
template <typename Node, typename Step, typename Rows, typename MarkNew, typename Shown>
void collectNeighbourhood(std::uint32_t start, int up, int down, Rows rows, MarkNew markNew, Shown shown,
                          std::vector<Node> &nodes, std::vector<std::pair<std::uint32_t, Step>> &edges)
{
    markNew(start);
    nodes.push_back({start, 0, 0, 0});
    const auto walk = [&](bool downstream, int limit) {
        std::vector<std::pair<std::uint32_t, int>> queue{{start, 0}};
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const auto [id, depth] = queue[head];
            if (limit >= 0 && depth >= limit)
                continue;
            for (const Step &step : rows(id, downstream)) {
                if (!markNew(targetOf(step)))
                    continue;
                queue.push_back({targetOf(step), depth + 1});
                nodes.push_back({targetOf(step), downstream ? depth + 1 : -(depth + 1), 0, 0});
            }
        }
    };
    walk(false, up);
    walk(true, down);
    for (Node &node : nodes) {
        const std::uint32_t id = node.node;
        for (const Step &step : rows(id, false))
            node.hiddenUp += !shown(targetOf(step));
        for (const Step &step : rows(id, true)) {
            if (!shown(targetOf(step)))
                ++node.hiddenDown;
            else
                edges.push_back({id, step});
        }
    }
}

} // namespace

Traversal::Traversal(const LineageGraph &graph)
    : m_graph(graph)
    , m_seen(graph.nodeCount(), 0)
    , m_tree(graph.nodeCount(), 0)
    , m_via(graph.nodeCount(), kNoId)
    , m_viaKind(graph.nodeCount(), EdgeKind::Input)
    , m_distance(graph.nodeCount(), 0)
{
    m_queue.reserve(graph.nodeCount());
}

void Traversal::nextEpoch()
{
    if (++m_epoch == 0) { // wrapped: clear once every 4 billion queries
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_epoch = 1;
    }
}

bool Traversal::visit(NodeId node)
{
    if (m_seen[node] == m_epoch)
        return false;
    m_seen[node] = m_epoch;
    return true;
}

std::vector<ReachedNode> Traversal::closure(const ClosureQuery &query)
{
    std::vector<ReachedNode> result;
    if (query.start >= m_graph.nodeCount())
        return result;
    // In a DAG no node is both upstream and downstream of the start, so one tree serves both.
    const std::uint32_t tree = ++m_closures;
    m_lastStart = query.start;
    const auto walk = [&](bool downstream) {
        nextEpoch();
        m_queue.clear();
        m_queue.push_back({query.start, 0, kNoId, EdgeKind::Input});
        visit(query.start);
        for (std::size_t head = 0; head < m_queue.size(); ++head) {
            const ReachedNode current = m_queue[head];
            const int depth = current.depth < 0 ? -current.depth : current.depth;
            if (query.maxDepth >= 0 && depth >= query.maxDepth)
                continue;
            const auto steps = downstream ? m_graph.downstream(current.node) : m_graph.upstream(current.node);
            for (const LineageStep &step : steps) {
                if (!visit(step.node))
                    continue;
                const int next = depth + 1;
                m_queue.push_back({step.node, downstream ? next : -next, current.node, step.kind});
                m_tree[step.node] = tree;
                m_via[step.node] = current.node;
                m_viaKind[step.node] = step.kind;
            }
        }
        for (std::size_t i = 1; i < m_queue.size(); ++i) {
            const ReachedNode &reached = m_queue[i];
            if (query.kinds.empty() || query.kinds.contains(m_graph.resource(reached.node).ref.kind))
                result.push_back(reached);
        }
    };
    if (query.direction != Direction::Down)
        walk(false);
    if (query.direction != Direction::Up)
        walk(true);
    return result;
}

LineagePath Traversal::pathTo(NodeId node) const
{
    LineagePath path;
    if (node >= m_graph.nodeCount() || m_tree[node] != m_closures || node == m_lastStart)
        return path;
    // Reached downstream when its via is one of its upstream neighbours.
    const auto up = m_graph.upstream(node);
    const bool downstream = std::any_of(up.begin(), up.end(),
                                        [&](const LineageStep &step) { return step.node == m_via[node]; });
    // Walk the tree back to the start; a hop's kind is that of the edge between it and its via.
    for (NodeId at = node; at != m_lastStart; at = m_via[at])
        path.push_back({at, m_viaKind[at]});
    path.push_back({m_lastStart, EdgeKind::Input});
    if (downstream) {
        // Collected target-first; in lineage order the start comes first, and each hop's kind
        // is the edge into it.
        std::reverse(path.begin(), path.end());
        return path;
    }
    // Upstream: `node` first already; the kind stored on a hop is the edge out of it, so shift
    // kinds one place to keep "edge into this hop".
    for (std::size_t i = path.size() - 1; i > 0; --i)
        path[i].kind = path[i - 1].kind;
    path[0].kind = EdgeKind::Input;
    return path;
}

Neighbourhood Traversal::neighbourhood(NodeId start, int up, int down)
{
    Neighbourhood result;
    if (start >= m_graph.nodeCount())
        return result;
    nextEpoch();
    collectNeighbourhood<NeighbourhoodNode, LineageStep>(
        start, up, down,
        [&](NodeId node, bool downstream) { return downstream ? m_graph.downstream(node) : m_graph.upstream(node); },
        [&](NodeId node) { return visit(node); }, [&](NodeId node) { return m_seen[node] == m_epoch; },
        result.nodes, result.edges);
    return result;
}

PathResult Traversal::paths(const PathQuery &query)
{
    PathResult result;
    const std::size_t n = m_graph.nodeCount();
    if (query.from >= n || query.to >= n)
        return result;
    // Distance from every node to the target, walking upstream from it.
    nextEpoch();
    m_queue.clear();
    m_queue.push_back({query.to, 0, kNoId, EdgeKind::Input});
    visit(query.to);
    m_distance[query.to] = 0;
    for (std::size_t head = 0; head < m_queue.size(); ++head) {
        const NodeId node = m_queue[head].node;
        for (const LineageStep &step : m_graph.upstream(node)) {
            if (!visit(step.node))
                continue;
            m_distance[step.node] = m_distance[node] + 1;
            m_queue.push_back({step.node, 0, kNoId, EdgeKind::Input});
        }
    }
    const std::uint32_t reachable = m_epoch;
    if (m_seen[query.from] != reachable)
        return result;

    // Paths of each length in turn, so the shortest come first; only through nodes that can
    // still reach the target in the hops left.
    struct Frame {
        NodeId node;
        std::size_t next;
    };
    std::vector<Frame> stack;
    LineagePath current;
    for (int length = m_distance[query.from]; length <= query.maxLength; ++length) {
        stack.assign(1, {query.from, 0});
        current.assign(1, {query.from, EdgeKind::Input});
        while (!stack.empty()) {
            Frame &frame = stack.back();
            const int left = length - int(stack.size() - 1);
            const auto steps = m_graph.downstream(frame.node);
            if (frame.node == query.to && left == 0) {
                if (result.paths.size() == query.maxPaths) {
                    result.truncated = true;
                    return result;
                }
                result.paths.push_back(current);
            }
            if (left == 0 || frame.next == steps.size()) {
                stack.pop_back();
                current.pop_back();
                continue;
            }
            const LineageStep step = steps[frame.next++];
            if (m_seen[step.node] != reachable || m_distance[step.node] > left - 1)
                continue;
            stack.push_back({step.node, 0});
            current.push_back({step.node, step.kind});
        }
    }
    result.truncated = hasLongerPath(query.from, query.to, query.maxLength, reachable);
    return result;
}

ColumnNeighbourhood columnNeighbourhood(const LineageGraph &graph, ColumnId start, int up, int down)
{
    ColumnNeighbourhood result;
    if (start >= graph.columnCount())
        return result;
    std::vector<bool> shown(graph.columnCount(), false);
    collectNeighbourhood<ColumnNeighbourhoodNode, ColumnStep>(
        start, up, down,
        [&](ColumnId column, bool downstream) {
            return downstream ? graph.columnDownstream(column) : graph.columnUpstream(column);
        },
        [&](ColumnId column) { return !shown[column] && (shown[column] = true); },
        [&](ColumnId column) { return bool(shown[column]); }, result.nodes, result.edges);
    return result;
}

ColumnPathResult Traversal::columnPaths(ColumnId from, NodeId to, std::size_t maxPaths, int maxLength)
{
    ColumnPathResult result;
    if (from >= m_graph.columnCount() || to >= m_graph.nodeCount())
        return result;
    // Column parts: from `from` to a column of `to`, or to a value column (a feature or label)
    // from which resource lineage goes on. Bounded, so a very wide fan-out cannot run away.
    const std::size_t cap = std::max<std::size_t>(maxPaths * 10, 100);
    std::vector<MixedPath> parts;
    struct Frame {
        ColumnId column;
        std::size_t next;
    };
    std::vector<Frame> stack{{from, 0}};
    MixedPath current{{m_graph.column(from).resource, from, EdgeKind::Input, TransformKind::Identity}};
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const auto steps = m_graph.columnDownstream(frame.column);
        if (frame.next == steps.size() || int(current.size()) > maxLength) {
            result.truncated = result.truncated || (frame.next < steps.size());
            stack.pop_back();
            current.pop_back();
            continue;
        }
        const ColumnStep step = steps[frame.next++];
        const NodeId owner = m_graph.column(step.column).resource;
        current.push_back({owner, step.column, EdgeKind::Input, step.transform});
        if (owner == to || m_graph.column(step.column).name.empty()) {
            if (parts.size() == cap) {
                result.truncated = true;
                break;
            }
            parts.push_back(current);
            if (owner == to) {
                current.pop_back();
                continue;
            }
        }
        stack.push_back({step.column, 0});
    }
    // Resource parts: from each feature or label reached, on to `to`.
    for (const MixedPath &part : parts) {
        const NodeId last = part.back().resource;
        if (last == to) {
            result.paths.push_back(part);
            continue;
        }
        const int left = maxLength - int(part.size() - 1);
        if (left <= 0)
            continue;
        const PathResult onward = paths({last, to, maxPaths, left});
        result.truncated = result.truncated || onward.truncated;
        for (const LineagePath &path : onward.paths) {
            MixedPath whole = part;
            for (std::size_t i = 1; i < path.size(); ++i)
                whole.push_back({path[i].node, kNoId, path[i].kind, TransformKind::Identity});
            result.paths.push_back(std::move(whole));
        }
    }
    std::stable_sort(result.paths.begin(), result.paths.end(),
                     [](const MixedPath &a, const MixedPath &b) { return a.size() < b.size(); });
    if (result.paths.size() > maxPaths) {
        result.paths.resize(maxPaths);
        result.truncated = true;
    }
    return result;
}

bool Traversal::hasLongerPath(NodeId from, NodeId to, int limit, std::uint32_t reachable)
{
    // Longest path to the target over the nodes that can reach it (a DAG), by an iterative
    // post-order walk; m_distance is reused: -1 means "not yet known".
    for (const ReachedNode &r : m_queue)
        m_distance[r.node] = -1;
    m_distance[to] = 0;
    std::vector<std::pair<NodeId, std::size_t>> stack{{from, 0}};
    while (!stack.empty()) {
        auto &[node, next] = stack.back();
        const auto steps = m_graph.downstream(node);
        if (m_distance[node] >= 0 && next == 0) {
            stack.pop_back();
            continue;
        }
        if (next < steps.size()) {
            const NodeId child = steps[next++].node;
            if (m_seen[child] == reachable && m_distance[child] < 0)
                stack.push_back({child, 0});
            continue;
        }
        int longest = 0;
        for (const LineageStep &step : steps) {
            if (m_seen[step.node] == reachable && m_distance[step.node] >= 0)
                longest = std::max(longest, m_distance[step.node] + 1);
        }
        m_distance[node] = longest;
        stack.pop_back();
    }
    return m_distance[from] > limit;
}

} // namespace tributary
