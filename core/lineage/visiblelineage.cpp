// SPDX-License-Identifier: Apache-2.0
#include "tributary/lineage/visiblelineage.h"

#include <algorithm>
#include <cstdlib>
#include <deque>

namespace tributary {

VisibleLineage::VisibleLineage(const LineageGraph &graph, std::size_t limit)
    : m_graph(graph)
    , m_limit(limit)
    , m_shown(graph.nodeCount(), false)
    , m_columns(graph.nodeCount(), false)
{ }

void VisibleLineage::show(NodeId node)
{
    if (node >= m_shown.size() || m_shown[node])
        return;
    m_shown[node] = true;
    m_nodes.push_back(node);
}

void VisibleLineage::hide(NodeId node)
{
    m_shown[node] = false;
    m_columns[node] = false;
}

void VisibleLineage::reset(NodeId centre, int up, int down)
{
    for (NodeId node : m_nodes)
        hide(node);
    m_nodes.clear();
    m_truncated = 0;
    m_centre = centre;
    if (centre >= m_graph.nodeCount())
        return;
    Traversal traversal(m_graph);
    std::vector<NeighbourhoodNode> around = traversal.neighbourhood(centre, up, down).nodes;
    // Nearest first, so a limit cuts the far edge of the drawing, not a random part of it.
    std::stable_sort(around.begin(), around.end(),
        [](const auto &a, const auto &b) { return std::abs(a.depth) < std::abs(b.depth); });
    for (const NeighbourhoodNode &n : around) {
        if (m_nodes.size() >= m_limit) {
            ++m_truncated;
            continue;
        }
        show(n.node);
    }
}

void VisibleLineage::restore(
    NodeId centre, const std::vector<NodeId> &nodes, const std::vector<NodeId> &withColumns)
{
    reset(centre, 0, 0);
    for (NodeId node : nodes)
        show(node);
    for (NodeId node : withColumns)
        showColumns(node, true);
}

std::vector<NodeId> VisibleLineage::expand(NodeId node, Direction direction)
{
    std::vector<NodeId> added;
    if (!isShown(node))
        return added;
    const auto visit = [&](std::span<const LineageStep> steps) {
        for (const LineageStep &step : steps) {
            if (!isShown(step.node)) {
                show(step.node);
                added.push_back(step.node);
            }
        }
    };
    if (direction != Direction::Down)
        visit(m_graph.upstream(node));
    if (direction != Direction::Up)
        visit(m_graph.downstream(node));
    return added;
}

std::vector<NodeId> VisibleLineage::collapse(NodeId node, Direction direction)
{
    std::vector<NodeId> hidden;
    if (!isShown(node))
        return hidden;
    const auto neighbours = [&](NodeId at, bool downstream) {
        return downstream ? m_graph.downstream(at) : m_graph.upstream(at);
    };
    // The side to fold: every shown node reached from `node` walking `direction`.
    std::vector<bool> side(m_graph.nodeCount(), false);
    std::deque<NodeId> queue{node};
    while (!queue.empty()) {
        const NodeId at = queue.front();
        queue.pop_front();
        for (bool downstream : {true, false}) {
            if ((downstream && direction == Direction::Up)
                || (!downstream && direction == Direction::Down))
                continue;
            for (const LineageStep &step : neighbours(at, downstream)) {
                if (isShown(step.node) && step.node != node && !side[step.node]) {
                    side[step.node] = true;
                    queue.push_back(step.node);
                }
            }
        }
    }
    // What stays of it: whatever the rest of the drawing (and the centre) reaches without
    // passing through `node`, walking edges either way.
    std::vector<bool> keep(m_graph.nodeCount(), false);
    for (NodeId shown : m_nodes) {
        if (shown != node && (!side[shown] || shown == m_centre)) {
            keep[shown] = true;
            queue.push_back(shown);
        }
    }
    while (!queue.empty()) {
        const NodeId at = queue.front();
        queue.pop_front();
        for (bool downstream : {true, false}) {
            for (const LineageStep &step : neighbours(at, downstream)) {
                if (isShown(step.node) && step.node != node && !keep[step.node]) {
                    keep[step.node] = true;
                    queue.push_back(step.node);
                }
            }
        }
    }
    std::vector<NodeId> kept;
    for (NodeId shown : m_nodes) {
        if (side[shown] && !keep[shown]) {
            hide(shown);
            hidden.push_back(shown);
        } else {
            kept.push_back(shown);
        }
    }
    m_nodes = std::move(kept);
    return hidden;
}

std::vector<NodeId> VisibleLineage::show(const std::vector<NodeId> &nodes)
{
    std::vector<NodeId> added;
    for (NodeId node : nodes) {
        if (node < m_shown.size() && !m_shown[node]) {
            show(node);
            added.push_back(node);
        }
    }
    return added;
}

void VisibleLineage::showColumns(NodeId node, bool shown)
{
    if (isShown(node))
        m_columns[node] = shown && !m_graph.columnsOf(node).empty();
}

std::size_t VisibleLineage::hiddenUp(NodeId node) const
{
    std::size_t count = 0;
    for (const LineageStep &step : m_graph.upstream(node))
        count += !isShown(step.node);
    return count;
}

std::size_t VisibleLineage::hiddenDown(NodeId node) const
{
    std::size_t count = 0;
    for (const LineageStep &step : m_graph.downstream(node))
        count += !isShown(step.node);
    return count;
}

std::vector<VisibleEdge> VisibleLineage::edges() const
{
    std::vector<VisibleEdge> edges;
    for (NodeId from : m_nodes) {
        for (const LineageStep &step : m_graph.downstream(from)) {
            if (isShown(step.node))
                edges.push_back({from, step.node, step.kind});
        }
    }
    return edges;
}

std::vector<VisibleColumnEdge> VisibleLineage::columnEdges() const
{
    std::vector<VisibleColumnEdge> edges;
    for (NodeId from : m_nodes) {
        for (ColumnId column : m_graph.columnsOf(from)) {
            for (const ColumnStep &step : m_graph.columnDownstream(column)) {
                const NodeId to = m_graph.column(step.column).resource;
                if (isShown(to) && (columnsShown(from) || columnsShown(to)))
                    edges.push_back({column, step.column, step.transform});
            }
        }
    }
    return edges;
}

} // namespace tributary
