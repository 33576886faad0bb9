// SPDX-License-Identifier: Apache-2.0
// Reports as data, from the lineage graph: every fact with the path that makes it true and the
// import and file its definition rests on.
#include "tributary/report/reportbuilder.h"

#include <algorithm>
#include <deque>
#include <map>

#include "tributary/lineage/lineagequery.h"

namespace tributary {
namespace {

Report emptyReport(const LineageGraph &graph, ReportKind kind, std::string title, const ReportStamp &stamp)
{
    Report report;
    report.kind = kind;
    report.title = std::move(title);
    report.query = stamp.query;
    report.asOf = stamp.asOf;
    report.import = graph.import();
    report.importedAt = graph.importedAt();
    report.fingerprint = graph.fingerprint();
    report.generatedAt = stamp.generatedAt;
    report.toolVersion = stamp.toolVersion;
    return report;
}

ReportFact factFor(const LineageGraph &graph, NodeId node, int depth)
{
    const LineageNode &resource = graph.resource(node);
    ReportFact fact;
    fact.ref = resource.ref;
    fact.owner = graph.owner(node);
    fact.tags = resource.tags;
    fact.status = resource.status;
    fact.stage = resource.stage;
    fact.depth = depth;
    fact.provenance = graph.provenance(node);
    return fact;
}

ReportEvidence evidenceOf(const LineageGraph &graph, const LineagePath &path, const char *strength)
{
    ReportEvidence evidence;
    evidence.strength = strength;
    for (std::size_t i = 0; i < path.size(); ++i)
        evidence.hops.push_back({graph.resource(path[i].node).ref.toString(),
                                 i == 0 ? std::string() : std::string(edgeKindName(path[i].kind))});
    return evidence;
}

void sortFacts(std::vector<ReportFact> &facts)
{
    std::stable_sort(facts.begin(), facts.end(), [](const ReportFact &a, const ReportFact &b) {
        const int da = a.depth < 0 ? -a.depth : a.depth, db = b.depth < 0 ? -b.depth : b.depth;
        return std::tie(da, a.ref) < std::tie(db, b.ref);
    });
}

// A resource reached from a column, and how.
struct ColumnReach {
    int depth = 0;
    ReportEvidence evidence;
};

// Follows lineage down from one column: column by column to the features and labels it feeds,
// then at resource level beyond them, and at resource level through any transformation that
// states no column lineage. Each resource keeps its first (shortest) evidence.
std::map<NodeId, ColumnReach> reachFromColumn(const LineageGraph &graph, NodeId start, ColumnId column)
{
    std::map<NodeId, ColumnReach> reached;
    std::vector<ColumnId> parent(graph.columnCount(), kNoId);
    std::vector<TransformKind> transform(graph.columnCount(), TransformKind::Identity);
    std::vector<bool> seen(graph.columnCount(), false);
    std::deque<ColumnId> queue{column};
    seen[column] = true;
    std::vector<NodeId> resourceSeeds; // features and labels reached by columns, with their sources
    while (!queue.empty()) {
        const ColumnId at = queue.front();
        queue.pop_front();
        for (const ColumnStep &step : graph.columnDownstream(at)) {
            if (seen[step.column])
                continue;
            seen[step.column] = true;
            parent[step.column] = at;
            transform[step.column] = step.transform;
            queue.push_back(step.column);
            const NodeId owner = graph.column(step.column).resource;
            if (owner == start || reached.contains(owner))
                continue;
            ColumnReach reach;
            reach.evidence.strength = "column";
            std::vector<ColumnId> chain;
            for (ColumnId c = step.column; c != kNoId; c = parent[c])
                chain.push_back(c);
            std::reverse(chain.begin(), chain.end());
            for (std::size_t i = 0; i < chain.size(); ++i) {
                reach.evidence.hops.push_back(
                    {columnRefText(graph, graph.column(chain[i]).resource, chain[i]),
                     i == 0 ? std::string() : std::string(transformName(transform[chain[i]]))});
            }
            reach.depth = int(chain.size()) - 1;
            reached.emplace(owner, std::move(reach));
            // Beyond a source, only its reached columns lead on (above); beyond a feature or
            // label, lineage is resource level.
            if (graph.resource(owner).ref.kind != ResourceKind::Source)
                resourceSeeds.push_back(owner);
        }
    }
    // Transformations fed by a reached source (or the start) that state no column lineage.
    std::vector<NodeId> sources{start};
    for (const auto &[node, reach] : reached) {
        if (graph.resource(node).ref.kind == ResourceKind::Source)
            sources.push_back(node);
    }
    for (NodeId source : sources) {
        for (const LineageStep &step : graph.downstream(source)) {
            if (step.kind != EdgeKind::Input || reached.contains(step.node) || step.node == start)
                continue;
            bool hasColumnLineage = false;
            for (ColumnId c : graph.columnsOf(step.node))
                hasColumnLineage = hasColumnLineage || !graph.columnUpstream(c).empty();
            if (hasColumnLineage)
                continue;
            ColumnReach reach;
            reach.evidence.strength = "resource";
            reach.evidence.hops = {{columnRefText(graph, source, source == start ? column : kNoId), {}},
                                   {graph.resource(step.node).ref.toString(), "input"}};
            reach.depth = 1;
            reached.emplace(step.node, std::move(reach));
            resourceSeeds.push_back(step.node);
        }
    }
    // Beyond those, resource level: training sets, models, what models feed.
    Traversal traversal(graph);
    for (NodeId seed : resourceSeeds) {
        const ColumnReach base = reached.at(seed);
        const auto further = traversal.closure({seed, Direction::Down, -1, {}});
        for (const ReachedNode &node : further) {
            if (reached.contains(node.node) || node.node == start)
                continue;
            ColumnReach reach;
            reach.evidence = base.evidence;
            reach.evidence.strength = base.evidence.strength == "column" ? "column" : "resource";
            const LineagePath path = traversal.pathTo(node.node);
            for (std::size_t i = 1; i < path.size(); ++i)
                reach.evidence.hops.push_back({graph.resource(path[i].node).ref.toString(),
                                               std::string(edgeKindName(path[i].kind))});
            reach.depth = base.depth + node.depth;
            reached.emplace(node.node, std::move(reach));
        }
    }
    return reached;
}

std::vector<ReportFact> downstreamFacts(const LineageGraph &graph, const ReportSubject &subject,
                                        const std::set<ResourceKind> &kinds)
{
    std::vector<ReportFact> facts;
    const auto wanted = [&](NodeId node) { return kinds.empty() || kinds.contains(graph.resource(node).ref.kind); };
    if (subject.column) {
        for (auto &[node, reach] : reachFromColumn(graph, subject.node, *subject.column)) {
            if (!wanted(node))
                continue;
            ReportFact fact = factFor(graph, node, reach.depth);
            fact.evidence.push_back(std::move(reach.evidence));
            facts.push_back(std::move(fact));
        }
    } else {
        Traversal traversal(graph);
        for (const ReachedNode &node : traversal.closure({subject.node, Direction::Down, -1, kinds})) {
            ReportFact fact = factFor(graph, node.node, node.depth);
            fact.evidence.push_back(evidenceOf(graph, traversal.pathTo(node.node), "resource"));
            facts.push_back(std::move(fact));
        }
    }
    sortFacts(facts);
    return facts;
}

std::string subjectText(const LineageGraph &graph, const ReportSubject &subject)
{
    return columnRefText(graph, subject.node, subject.column.value_or(kNoId));
}

} // namespace

std::string columnRefText(const LineageGraph &graph, NodeId resource, ColumnId column)
{
    const std::string ref = graph.resource(resource).ref.toString();
    if (column == kNoId || graph.column(column).name.empty())
        return ref;
    return ref + "#" + graph.column(column).name;
}

Report traceReport(const LineageGraph &graph, const ReportSubject &subject, const std::set<ResourceKind> &kinds,
                   const ReportStamp &stamp)
{
    Report report = emptyReport(graph, ReportKind::Trace, "Trace of " + subjectText(graph, subject), stamp);
    report.results = downstreamFacts(graph, subject, kinds);
    return report;
}

Report inputsReport(const LineageGraph &graph, NodeId subject, const ReportStamp &stamp)
{
    Report report = emptyReport(graph, ReportKind::Inputs,
                                "Inputs of " + graph.resource(subject).ref.toString(), stamp);
    Traversal traversal(graph);
    for (const ReachedNode &node : traversal.closure({subject, Direction::Up, -1, {}})) {
        ReportFact fact = factFor(graph, node.node, node.depth);
        fact.evidence.push_back(evidenceOf(graph, traversal.pathTo(node.node), "resource"));
        report.results.push_back(std::move(fact));
    }
    sortFacts(report.results);
    return report;
}

Report impactReport(const LineageGraph &graph, const ReportSubject &subject, const ReportStamp &stamp)
{
    Report report = emptyReport(graph, ReportKind::Impact, "Impact of " + subjectText(graph, subject), stamp);
    report.results = downstreamFacts(graph, subject, {});
    std::map<std::string, std::vector<std::string>> owners;
    for (const ReportFact &fact : report.results)
        owners[fact.owner.empty() ? "(no owner)" : fact.owner].push_back(fact.ref.toString());
    report.owners.assign(owners.begin(), owners.end());
    return report;
}

Report exposureReport(const LineageGraph &graph, const PropagationPolicy &policy, const std::string &pattern,
                      const ReportStamp &stamp)
{
    Report report = emptyReport(graph, ReportKind::Exposure, "Models exposed to " + pattern, stamp);
    std::map<NodeId, ReportFact> models;
    for (const PropagatedTag &tag : propagateTags(graph, policy, {pattern})) {
        if (graph.resource(tag.resource).ref.kind != ResourceKind::Model)
            continue;
        auto it = models.find(tag.resource);
        if (it == models.end())
            it = models.emplace(tag.resource, factFor(graph, tag.resource, int(tag.path.size()) - 1)).first;
        ReportEvidence evidence;
        evidence.strength = std::string(evidenceStrengthName(tag.strength));
        for (std::size_t i = 0; i < tag.path.size(); ++i) {
            const EvidenceHop &hop = tag.path[i];
            std::string edge;
            if (i > 0)
                edge = hop.column != kNoId && tag.path[i - 1].column != kNoId ? std::string(transformName(hop.transform))
                                                                            : std::string(edgeKindName(hop.edge));
            evidence.hops.push_back({columnRefText(graph, hop.resource, hop.column), edge});
            if (!hop.rule.empty())
                evidence.rule += (evidence.rule.empty() ? "" : "; ") + hop.rule;
        }
        evidence.rule = tag.tag + (evidence.rule.empty() ? "" : ": " + evidence.rule);
        it->second.evidence.push_back(std::move(evidence));
    }
    for (auto &[node, fact] : models)
        report.results.push_back(std::move(fact));
    sortFacts(report.results);
    return report;
}

} // namespace tributary
