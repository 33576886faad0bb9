// SPDX-License-Identifier: Apache-2.0
// Column lineage is searched first, on its own: nothing at resource level flows back into
// columns (a tag that reached a source as a whole says nothing about which of its columns hold
// it). The resource-level search then starts from what the columns reached, each state with the
// length of its column path, so it needs a priority queue rather than a plain FIFO. A resource
// has one state per way of holding the tag: a longer path of stronger evidence must still be
// kept, and the shortest path to its downstream may run through the weaker one.
#include "propagator_p.h"

#include <algorithm>
#include <functional>

#include "tributary/base/suggest.h"

namespace tributary::lineage {
namespace {

// The kinds whose lineage column edges can describe.
bool holdsColumns(ResourceKind kind)
{
    return kind == ResourceKind::Source || kind == ResourceKind::Feature
           || kind == ResourceKind::Label;
}

} // namespace

std::vector<bool> resourcesWithColumnLineage(const LineageGraph &graph)
{
    std::vector<bool> lineage(graph.nodeCount(), false);
    for (ColumnId c = 0; c < graph.columnCount(); ++c) {
        if (!graph.columnUpstream(c).empty())
            lineage[graph.column(c).resource] = true;
    }
    return lineage;
}

Propagator::Propagator(const LineageGraph &graph, const std::vector<bool> &lineage,
                       std::string tag, const PropagationRule *rule)
    : m_graph(graph)
    , m_lineage(lineage)
    , m_tag(std::move(tag))
    , m_rule(rule)
    , m_columns(graph.columnCount())
    , m_states(graph.nodeCount() * kSlots)
{
}

bool Propagator::written(const std::vector<std::string> &tags) const
{
    return std::find(tags.begin(), tags.end(), m_tag) != tags.end();
}

bool Propagator::stops(TransformKind transform) const
{
    return m_rule && m_rule->stopAt.contains(transform);
}

bool Propagator::isValueColumn(ColumnId column) const
{
    const ColumnNode &node = m_graph.column(column);
    const ResourceKind kind = m_graph.resource(node.resource).ref.kind;
    return node.name.empty() && (kind == ResourceKind::Feature || kind == ResourceKind::Label);
}

void Propagator::run()
{
    spreadColumns();
    std::vector<QueueEntry> queue;
    seedResources(queue);
    spreadResources(queue);
}

void Propagator::spreadColumns()
{
    std::vector<ColumnId> queue;
    for (ColumnId c = 0; c < m_graph.columnCount(); ++c) {
        if (written(m_graph.column(c).tags)) {
            m_columns[c].length = 1;
            queue.push_back(c);
        }
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const ColumnId from = queue[head];
        for (const ColumnStep &step : m_graph.columnDownstream(from)) {
            ColumnReach &to = m_columns[step.column];
            if (to.length != 0 || stops(step.transform))
                continue;
            to = {m_columns[from].length + 1, from, step.transform};
            queue.push_back(step.column);
        }
    }
}

void Propagator::seedResources(std::vector<QueueEntry> &queue)
{
    for (NodeId node = 0; node < m_graph.nodeCount(); ++node) {
        if (written(m_graph.resource(node).tags))
            reach(state(node, Direct), {1, Origin::Seed}, queue);
    }
    for (ColumnId c = 0; c < m_graph.columnCount(); ++c) {
        const ColumnReach &column = m_columns[c];
        if (column.length == 0)
            continue;
        // A value column is its feature or label; a source's columns make it hold the tag by
        // column only.
        const Slot slot = !isValueColumn(c) ? ByColumn : column.parent == kNoId ? Direct : Column;
        const NodeId node = m_graph.column(c).resource;
        reach(state(node, slot), {column.length, Origin::FromColumn, c}, queue);
    }
}

void Propagator::reach(std::uint32_t target, const StateReach &how, std::vector<QueueEntry> &queue)
{
    StateReach &current = m_states[target];
    if (current.length != 0 && current.length <= how.length)
        return;
    current = how;
    queue.emplace_back(how.length, target);
    std::push_heap(queue.begin(), queue.end(), std::greater<QueueEntry>());
}

void Propagator::spreadResources(std::vector<QueueEntry> &queue)
{
    while (!queue.empty()) {
        std::pop_heap(queue.begin(), queue.end(), std::greater<QueueEntry>());
        const auto [length, from] = queue.back();
        queue.pop_back();
        if (m_states[from].length != length)
            continue; // reached by a shorter way since it was queued
        const NodeId node = from / kSlots;
        const Slot slot = Slot(from % kSlots);
        // Column evidence so far: a column edge travelled, and no fallback hop.
        const StateReach &current = m_states[from];
        const bool columnEvidence
            = slot == Column || (slot == ByColumn && m_columns[current.previous].length > 1);
        for (const LineageStep &step : m_graph.downstream(node)) {
            const bool lineage = m_lineage[step.node];
            if (lineage && slot == ByColumn)
                continue; // the columns decided, stops included
            StateReach how{length + 1, Origin::FromState, from, step.kind, Reason::Contains};
            Slot target = columnEvidence ? Column : Resource;
            if (holdsColumns(m_graph.resource(step.node).ref.kind)) {
                target = Resource;
                how.reason = lineage ? Reason::WholeOverLineage : Reason::NoColumnLineage;
            }
            reach(state(step.node, target), how, queue);
        }
    }
}

void Propagator::appendResults(std::vector<PropagatedTag> &results) const
{
    for (ColumnId c = 0; c < m_graph.columnCount(); ++c) {
        const ColumnReach &column = m_columns[c];
        if (column.length == 0 || isValueColumn(c))
            continue;
        const auto strength
            = column.parent == kNoId ? EvidenceStrength::Direct : EvidenceStrength::Column;
        results.push_back({m_tag, m_graph.column(c).resource, c, strength, columnPath(c)});
    }
    constexpr EvidenceStrength kStrengths[] = {EvidenceStrength::Direct, EvidenceStrength::Column,
                                               EvidenceStrength::Resource};
    for (NodeId node = 0; node < m_graph.nodeCount(); ++node) {
        for (Slot slot : {Direct, Column, Resource}) {
            if (m_states[state(node, slot)].length == 0)
                continue;
            const std::uint32_t s = state(node, slot);
            results.push_back({m_tag, node, kNoId, kStrengths[slot], statePath(s)});
            break;
        }
    }
}

std::vector<EvidenceHop> Propagator::columnPath(ColumnId column) const
{
    std::vector<EvidenceHop> path;
    for (ColumnId c = column; c != kNoId; c = m_columns[c].parent)
        path.push_back(columnHop(c));
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<EvidenceHop> Propagator::statePath(std::uint32_t s) const
{
    std::vector<std::uint32_t> hops; // resource-level hops, last first
    while (m_states[s].origin == Origin::FromState) {
        hops.push_back(s);
        s = m_states[s].previous;
    }
    std::vector<EvidenceHop> path;
    if (m_states[s].origin == Origin::FromColumn)
        path = columnPath(m_states[s].previous);
    else
        path.push_back({s / kSlots, kNoId, EdgeKind::Input, TransformKind::Identity,
                        "written here"});
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        const StateReach &hop = m_states[*it];
        path.push_back({*it / kSlots, kNoId, hop.edge, TransformKind::Identity,
                        resourceRule(hop.previous, *it)});
    }
    return path;
}

EvidenceHop Propagator::columnHop(ColumnId column) const
{
    const ColumnReach &info = m_columns[column];
    const NodeId node = m_graph.column(column).resource;
    if (info.parent == kNoId)
        return {node, column, EdgeKind::Input, TransformKind::Identity, "written here"};
    return {node, column, edgeBetween(m_graph.column(info.parent).resource, node), info.transform,
            columnRule(info.transform)};
}

std::string Propagator::columnRule(TransformKind transform) const
{
    std::string text = std::string(transformName(transform)) + ": passes";
    if (transform == TransformKind::Identity)
        return text;
    if (!m_rule)
        return text + " (no stop rule for " + m_tag + ")";
    if (m_rule->stopAt.empty())
        return text + " (rule " + m_rule->prefix + " stops nothing)";
    std::vector<std::string> kinds;
    for (TransformKind kind : m_rule->stopAt)
        kinds.emplace_back(transformName(kind));
    return text + " (rule " + m_rule->prefix + " stops only at " + joinWords(kinds) + ")";
}

std::string Propagator::resourceRule(std::uint32_t from, std::uint32_t to) const
{
    const StateReach &hop = m_states[to];
    const std::string edge(edgeKindName(hop.edge));
    switch (hop.reason) {
    case Reason::Contains: return edge + ": passes (resource lineage)";
    case Reason::NoColumnLineage:
        return edge + ": passes at resource level (no column lineage into "
               + m_graph.resource(to / kSlots).ref.shortString() + ")";
    case Reason::WholeOverLineage:
        return edge + ": passes at resource level (" + m_tag + " is on "
               + m_graph.resource(from / kSlots).ref.shortString() + " as a whole)";
    }
    return edge;
}

EdgeKind Propagator::edgeBetween(NodeId from, NodeId to) const
{
    for (const LineageStep &step : m_graph.upstream(to)) {
        if (step.node == from)
            return step.kind;
    }
    return EdgeKind::Input; // columns of one source: no resource edge between them
}

} // namespace tributary::lineage
