// SPDX-License-Identifier: Apache-2.0
// A model's pii exposures: the places where a pii tag is written whose tag reaches the model.
// propagateTags() says what holds each tag, but keeps one path per holder, so it cannot say
// from how many places a tag arrived. Each place is therefore followed on its own, over the
// holders propagateTags() found, with its two rules of movement (tagpropagation.cpp): a column
// edge whose transform the tag's rule stops at is not followed, and a source that holds the tag
// by column only passes it at resource level only into resources without column lineage.
// Reachability from a set of places is the union of reachability from each, so this finds
// exactly the places behind each (tag, model) propagateTags() reports.
#include <algorithm>
#include <set>

#include "tributary/report/catalogstats.h"

namespace tributary {
namespace {

bool isValueColumn(const LineageGraph &graph, ColumnId column)
{
    const ResourceKind kind = graph.resource(graph.column(column).resource).ref.kind;
    return graph.column(column).name.empty()
        && (kind == ResourceKind::Feature || kind == ResourceKind::Label);
}

bool written(const std::vector<std::string> &tags, const std::string &tag)
{
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

// What holds one tag, as propagateTags() found it.
struct Holders {
    std::vector<bool> whole; // per resource: holds it as a whole
    std::vector<bool> columns; // per column (source columns; value columns go by their resource)
};

// The models one place's tag reaches; marks by epoch, so a search allocates little.
class PlaceSearch
{
public:
    PlaceSearch(const LineageGraph &graph, const std::vector<bool> &lineage, const Holders &holders,
        const PropagationRule *rule)
        : m_graph(graph)
        , m_lineage(lineage)
        , m_holders(holders)
        , m_rule(rule)
        , m_columnSeen(graph.columnCount(), 0)
        , m_stateSeen(graph.nodeCount() * 2, 0)
    { }

    // From a column the tag is written on.
    const std::vector<NodeId> &fromColumn(ColumnId origin)
    {
        start();
        std::vector<ColumnId> reached{origin};
        m_columnSeen[origin] = m_epoch;
        for (std::size_t head = 0; head < reached.size(); ++head) {
            for (const ColumnStep &step : m_graph.columnDownstream(reached[head])) {
                if (m_columnSeen[step.column] == m_epoch || !holdsColumn(step.column)
                    || (m_rule && m_rule->stopAt.contains(step.transform)))
                    continue;
                m_columnSeen[step.column] = m_epoch;
                reached.push_back(step.column);
            }
        }
        for (ColumnId column : reached) {
            const NodeId node = m_graph.column(column).resource;
            visit(node, isValueColumn(m_graph, column) ? Whole : ByColumn);
        }
        return spread();
    }

    // From a resource the tag is written on.
    const std::vector<NodeId> &fromResource(NodeId origin)
    {
        start();
        if (m_holders.whole[origin])
            visit(origin, Whole);
        return spread();
    }

private:
    enum Slot : NodeId { Whole, ByColumn };

    void start()
    {
        ++m_epoch;
        m_models.clear();
        m_stack.clear();
    }
    bool holdsColumn(ColumnId column) const
    {
        if (isValueColumn(m_graph, column))
            return m_holders.whole[m_graph.column(column).resource];
        return m_holders.columns[column];
    }
    void visit(NodeId node, Slot slot)
    {
        std::uint32_t &seen = m_stateSeen[node * 2 + slot];
        if (seen == m_epoch)
            return;
        seen = m_epoch;
        m_stack.emplace_back(node, slot);
    }
    const std::vector<NodeId> &spread()
    {
        while (!m_stack.empty()) {
            const auto [node, slot] = m_stack.back();
            m_stack.pop_back();
            if (slot == Whole && m_graph.resource(node).ref.kind == ResourceKind::Model)
                m_models.push_back(node);
            for (const LineageStep &step : m_graph.downstream(node)) {
                if ((slot == ByColumn && m_lineage[step.node]) || !m_holders.whole[step.node])
                    continue;
                visit(step.node, Whole);
            }
        }
        return m_models;
    }

    const LineageGraph &m_graph;
    const std::vector<bool> &m_lineage;
    const Holders &m_holders;
    const PropagationRule *m_rule;
    std::vector<std::uint32_t> m_columnSeen;
    std::vector<std::uint32_t> m_stateSeen; // two per resource: whole, by column
    std::uint32_t m_epoch = 0;
    std::vector<std::pair<NodeId, Slot>> m_stack;
    std::vector<NodeId> m_models;
};

} // namespace

std::vector<CatalogStatistics::ModelExposure> modelExposures(
    const LineageGraph &graph, const PropagationPolicy &policy)
{
    std::map<std::string, Holders> holders;
    std::map<NodeId, std::set<std::string>> tagsOf; // per model reached
    for (const PropagatedTag &tag : propagateTags(graph, policy, {kExposureTagPattern})) {
        auto [it, added] = holders.try_emplace(tag.tag);
        if (added) {
            it->second.whole.assign(graph.nodeCount(), false);
            it->second.columns.assign(graph.columnCount(), false);
        }
        if (tag.column != kNoId) {
            it->second.columns[tag.column] = true;
            continue;
        }
        it->second.whole[tag.resource] = true;
        if (graph.resource(tag.resource).ref.kind == ResourceKind::Model)
            tagsOf[tag.resource].insert(tag.tag);
    }
    std::vector<bool> lineage(graph.nodeCount(), false); // a column edge into one of its columns
    for (ColumnId c = 0; c < graph.columnCount(); ++c) {
        if (!graph.columnUpstream(c).empty())
            lineage[graph.column(c).resource] = true;
    }

    std::map<NodeId, std::size_t> exposures;
    for (const auto &[tag, held] : holders) {
        PlaceSearch search(graph, lineage, held, policy.ruleFor(tag));
        const auto count = [&](const std::vector<NodeId> &models) {
            for (NodeId model : models)
                ++exposures[model];
        };
        for (ColumnId c = 0; c < graph.columnCount(); ++c) {
            if (written(graph.column(c).tags, tag))
                count(search.fromColumn(c));
        }
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            if (written(graph.resource(node).tags, tag))
                count(search.fromResource(node));
        }
    }

    std::vector<CatalogStatistics::ModelExposure> models;
    for (const auto &[model, tags] : tagsOf)
        models.push_back({graph.resource(model).ref, exposures[model], {tags.begin(), tags.end()}});
    std::sort(models.begin(), models.end(),
        [](const CatalogStatistics::ModelExposure &a, const CatalogStatistics::ModelExposure &b) {
            return a.exposures != b.exposures ? a.exposures > b.exposures : a.model < b.model;
        });
    return models;
}

} // namespace tributary
