// SPDX-License-Identifier: Apache-2.0
#include "tributary/docs/assetdoc.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "tributary/layout/layeredlayout.h"
#include "tributary/lineage/visiblelineage.h"

namespace tributary {
namespace {

// The width the desktop gives a node for its title (NodeMetrics in app/ui/lineagedrawing.h),
// counted in code points as the app counts UTF-16 units: near enough for a layout.
double nodeWidth(const std::string &title)
{
    std::size_t points = 0;
    for (char c : title)
        points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return std::min(260.0, 60.0 + 7.0 * double(points));
}

constexpr double kNodeHeight = 44;

ResourceSummary summaryOf(const LineageGraph &graph, NodeId node)
{
    const LineageNode &n = graph.resource(node);
    return ResourceSummary{n.ref, graph.owner(node), n.tags, n.status, n.stage, {}};
}

std::vector<AssetNeighbour> neighbours(
    const LineageGraph &graph, std::span<const LineageStep> steps)
{
    std::vector<AssetNeighbour> out;
    out.reserve(steps.size());
    for (const LineageStep &step : steps)
        out.push_back({summaryOf(graph, step.node), step.kind});
    std::sort(out.begin(), out.end(), [](const AssetNeighbour &a, const AssetNeighbour &b) {
        return std::tie(a.summary.ref, a.edge) < std::tie(b.summary.ref, b.edge);
    });
    return out;
}

// The distinct nodes of one side, in adjacency order.
std::vector<NodeId> distinct(std::span<const LineageStep> steps)
{
    std::vector<NodeId> out;
    std::set<NodeId> seen;
    for (const LineageStep &step : steps) {
        if (seen.insert(step.node).second)
            out.push_back(step.node);
    }
    return out;
}

} // namespace

AssetTag describePropagatedTag(const LineageGraph &graph, const PropagatedTag &tag)
{
    AssetTag view;
    view.column = tag.column == kNoId ? std::string() : graph.column(tag.column).name;
    view.tag = tag.tag;
    view.strength = tag.strength;
    for (std::size_t i = 0; i < tag.path.size(); ++i) {
        const EvidenceHop &hop = tag.path[i];
        std::string ref = graph.resource(hop.resource).ref.toString();
        if (hop.column != kNoId && !graph.column(hop.column).name.empty())
            ref += "#" + graph.column(hop.column).name;
        if (i > 0) {
            const bool columnHop = hop.column != kNoId && tag.path[i - 1].column != kNoId;
            view.path += " -["
                + std::string(columnHop ? transformName(hop.transform) : edgeKindName(hop.edge))
                + "]-> ";
        }
        view.path += ref;
        if (!hop.rule.empty())
            view.rules += (view.rules.empty() ? "" : "; ") + hop.rule;
    }
    return view;
}

AssetDocBuilder::AssetDocBuilder(
    std::shared_ptr<const LineageGraph> graph, const PropagationPolicy &policy)
    : m_graph(std::move(graph))
{
    // Every tag at once: one pass over the graph, after which each page is a lookup.
    for (PropagatedTag &tag : propagateTags(*m_graph, policy, {"*"})) {
        if (tag.strength != EvidenceStrength::Direct)
            m_propagated[tag.resource].push_back(std::move(tag));
    }
}

const std::vector<PropagatedTag> &AssetDocBuilder::propagatedTags(NodeId node) const
{
    static const std::vector<PropagatedTag> none;
    const auto found = m_propagated.find(node);
    return found == m_propagated.end() ? none : found->second;
}

std::vector<AssetTag> AssetDocBuilder::propagatedTo(NodeId node) const
{
    std::vector<AssetTag> out;
    for (const PropagatedTag &tag : propagatedTags(node))
        out.push_back(describePropagatedTag(*m_graph, tag));
    std::stable_sort(out.begin(), out.end(), [](const AssetTag &a, const AssetTag &b) {
        return std::tie(a.column, a.tag) < std::tie(b.column, b.tag);
    });
    return out;
}

Result<AssetDoc> AssetDocBuilder::build(CatalogStore &store, const Ref &ref, const AsOf &asOf) const
{
    auto stored = store.get(ref, asOf);
    if (!stored)
        return tl::unexpected(stored.error());
    AssetDoc doc;
    doc.stored = std::move(*stored);
    auto versions = store.findByName(ref.name, ref.kind, asOf);
    if (!versions)
        return tl::unexpected(versions.error());
    doc.versions = std::move(*versions);
    auto history = store.history(ref);
    if (!history)
        return tl::unexpected(history.error());
    // The page stands at the graph's import: later revisions are not part of it yet.
    for (Revision &revision : *history) {
        if (!m_graph->import() || revision.provenance.import <= *m_graph->import())
            doc.history.push_back(std::move(revision));
    }
    if (const auto node = m_graph->find(ref)) {
        doc.upstream = neighbours(*m_graph, m_graph->upstream(*node));
        doc.downstream = neighbours(*m_graph, m_graph->downstream(*node));
        doc.propagated = propagatedTo(*node);
        doc.neighbourhood = neighbourhood(*node);
    }
    return doc;
}

// The centre and its neighbours one hop each way, at most kNeighbourhoodLimit in all: the
// room is shared between the sides, a side with fewer neighbours lending the rest to the other.
// What does not fit stays counted on the nodes (hiddenUp, hiddenDown), never left out silently.
DrawnGraph AssetDocBuilder::neighbourhood(NodeId centre) const
{
    const LineageGraph &graph = *m_graph;
    // No reset(): it runs a traversal, whose per-node marks cost a memset of the whole graph on
    // every page; the centre and its neighbours are shown directly instead.
    VisibleLineage visible(graph);
    const std::vector<NodeId> up = distinct(graph.upstream(centre));
    const std::vector<NodeId> down = distinct(graph.downstream(centre));
    const std::size_t room = kNeighbourhoodLimit - 1;
    const std::size_t takeUp
        = std::min(up.size(), std::max(room / 2, room - std::min(room, down.size())));
    const std::size_t takeDown = std::min(down.size(), room - takeUp);
    std::vector<NodeId> shown{centre};
    shown.insert(shown.end(), up.begin(), up.begin() + std::ptrdiff_t(takeUp));
    shown.insert(shown.end(), down.begin(), down.begin() + std::ptrdiff_t(takeDown));
    visible.show(shown);

    LayoutGraph layoutGraph;
    std::unordered_map<NodeId, std::uint32_t> index;
    for (NodeId node : visible.nodes()) {
        const LineageNode &n = graph.resource(node);
        index.emplace(node, std::uint32_t(layoutGraph.nodes.size()));
        layoutGraph.nodes.push_back(
            {node, nodeWidth(n.ref.shortString()), kNodeHeight, lineageOrder(n.ref.kind), {}});
    }
    const std::vector<VisibleEdge> edges = visible.edges();
    for (const VisibleEdge &edge : edges)
        layoutGraph.edges.push_back({index.at(edge.from), index.at(edge.to)});
    const Layout layout = layoutLayered(layoutGraph);

    DrawnGraph drawn;
    const LineageNode &middle = graph.resource(centre);
    drawn.title = "Lineage of " + middle.ref.toString();
    if (graph.import())
        drawn.asOf = "import " + std::to_string(graph.import()->value) + " ("
            + graph.importedAt().toIso() + ")";
    drawn.fingerprint = graph.fingerprint();
    for (std::size_t i = 0; i < visible.nodes().size(); ++i) {
        const NodeId node = visible.nodes()[i];
        const LineageNode &n = graph.resource(node);
        DrawnNode out;
        out.id = n.ref.toString();
        out.label = n.ref.shortString();
        out.kind = std::string(kindName(n.ref.kind));
        out.tags = n.tags;
        out.centre = layout.nodes[i].centre;
        out.width = layoutGraph.nodes[i].width;
        out.height = layoutGraph.nodes[i].height;
        out.hiddenUp = visible.hiddenUp(node);
        out.hiddenDown = visible.hiddenDown(node);
        out.highlighted = node == centre;
        drawn.nodes.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < edges.size(); ++i) {
        DrawnEdge out;
        out.from = layoutGraph.edges[i].from;
        out.to = layoutGraph.edges[i].to;
        out.kind = std::string(edgeKindName(edges[i].kind));
        out.points = layout.edges[i].points;
        drawn.edges.push_back(std::move(out));
    }
    return drawn;
}

} // namespace tributary
