// SPDX-License-Identifier: Apache-2.0
#include "tributary/lineage/lineagegraph.h"

#include <algorithm>
#include <functional>
#include <map>

namespace tributary {
namespace {

std::uint64_t refHash(const Ref &ref)
{
    const std::hash<std::string_view> hash;
    std::uint64_t h = hash(ref.name);
    h = h * 1099511628211ULL ^ hash(ref.version);
    return h * 1099511628211ULL ^ std::uint64_t(ref.kind);
}

} // namespace

template <typename Step>
LineageGraph::Rows<Step> LineageGraph::compress(std::size_t n, std::vector<std::pair<std::uint32_t, Step>> &pairs)
{
    // Counting sort by source: stable, so rows keep the order the definitions gave.
    Rows<Step> rows;
    rows.offsets.assign(n + 1, 0);
    for (const auto &[from, step] : pairs)
        ++rows.offsets[from + 1];
    for (std::size_t i = 0; i < n; ++i)
        rows.offsets[i + 1] += rows.offsets[i];
    rows.targets.resize(pairs.size());
    std::vector<std::uint32_t> next(rows.offsets.begin(), rows.offsets.end() - 1);
    for (const auto &[from, step] : pairs)
        rows.targets[next[from]++] = step;
    pairs.clear();
    pairs.shrink_to_fit();
    return rows;
}

LineageGraph LineageGraph::build(LineageSnapshot snapshot)
{
    LineageGraph graph;
    graph.m_import = snapshot.import;
    graph.m_importedAt = snapshot.importedAt;
    graph.m_fingerprint = std::move(snapshot.fingerprint);
    const std::size_t n = snapshot.resources.size();
    graph.m_resources.reserve(n);
    std::map<std::string, std::uint32_t> owners;
    std::map<std::pair<std::int64_t, std::string>, std::uint32_t> origins;
    for (SnapshotResource &resource : snapshot.resources) {
        const auto owner = owners.try_emplace(resource.owner, std::uint32_t(graph.m_owners.size()));
        if (owner.second)
            graph.m_owners.push_back(resource.owner);
        const auto origin = origins.try_emplace({resource.created.import.value, resource.created.file},
                                                std::uint32_t(graph.m_origins.size()));
        if (origin.second) {
            Provenance shared = resource.created;
            shared.line = 0;
            graph.m_origins.push_back(std::move(shared));
        }
        graph.m_resources.push_back({std::move(resource.ref), std::move(resource.tags), resource.status,
                                     resource.stage, owner.first->second, origin.first->second,
                                     resource.created.line});
    }
    snapshot.resources = {};
    graph.m_byRef.reserve(n);
    for (NodeId i = 0; i < n; ++i)
        graph.m_byRef.emplace_back(refHash(graph.m_resources[i].ref), i);
    std::sort(graph.m_byRef.begin(), graph.m_byRef.end());

    // Columns: the source columns, then a value node per feature and label.
    graph.m_columns.reserve(snapshot.columns.size() + n / 2);
    for (SnapshotColumn &column : snapshot.columns)
        graph.m_columns.push_back({NodeId(column.resource), std::move(column.name), std::move(column.tags)});
    for (NodeId i = 0; i < n; ++i) {
        const ResourceKind kind = graph.m_resources[i].ref.kind;
        if (kind == ResourceKind::Feature || kind == ResourceKind::Label)
            graph.m_columns.push_back({i, {}, {}});
    }
    std::vector<std::pair<std::uint32_t, ColumnId>> byResource;
    byResource.reserve(graph.m_columns.size());
    for (ColumnId c = 0; c < graph.m_columns.size(); ++c)
        byResource.emplace_back(graph.m_columns[c].resource, c);
    auto columnRows = compress(n, byResource);
    graph.m_columnOffsets = std::move(columnRows.offsets);
    graph.m_columnsByResource = std::move(columnRows.targets);

    std::vector<std::pair<std::uint32_t, LineageStep>> down, up;
    down.reserve(snapshot.edges.size());
    up.reserve(snapshot.edges.size());
    for (const SnapshotEdge &edge : snapshot.edges) {
        const auto from = graph.find(edge.from);
        if (!from) {
            ++graph.m_droppedEdges; // its upstream end is not present at this point in history
            continue;
        }
        down.push_back({*from, {NodeId(edge.to), edge.kind}});
        up.push_back({NodeId(edge.to), {*from, edge.kind}});
    }
    graph.m_down = compress(n, down);
    graph.m_up = compress(n, up);

    std::vector<std::pair<std::uint32_t, ColumnStep>> columnDown, columnUp;
    columnDown.reserve(snapshot.columnEdges.size());
    columnUp.reserve(snapshot.columnEdges.size());
    for (const SnapshotColumnEdge &edge : snapshot.columnEdges) {
        const auto fromNode = graph.find(edge.from);
        const auto from = fromNode ? graph.findColumn(*fromNode, edge.fromColumn) : std::nullopt;
        const auto to = graph.findColumn(NodeId(edge.to), edge.toColumn);
        if (!from || !to) {
            ++graph.m_droppedEdges;
            continue;
        }
        columnDown.push_back({*from, {*to, edge.transform}});
        columnUp.push_back({*to, {*from, edge.transform}});
    }
    graph.m_columnDown = compress(graph.m_columns.size(), columnDown);
    graph.m_columnUp = compress(graph.m_columns.size(), columnUp);
    return graph;
}

std::optional<NodeId> LineageGraph::find(const Ref &ref) const
{
    const std::uint64_t hash = refHash(ref);
    auto it = std::lower_bound(m_byRef.begin(), m_byRef.end(), std::pair<std::uint64_t, NodeId>{hash, 0});
    for (; it != m_byRef.end() && it->first == hash; ++it) {
        if (m_resources[it->second].ref == ref)
            return it->second;
    }
    return std::nullopt;
}

Provenance LineageGraph::provenance(NodeId node) const
{
    Provenance provenance = m_origins[m_resources[node].origin];
    provenance.line = m_resources[node].line;
    return provenance;
}

std::span<const ColumnId> LineageGraph::columnsOf(NodeId resource) const
{
    return {m_columnsByResource.data() + m_columnOffsets[resource],
            m_columnsByResource.data() + m_columnOffsets[resource + 1]};
}

std::optional<ColumnId> LineageGraph::findColumn(NodeId resource, std::string_view name) const
{
    if (resource >= nodeCount())
        return std::nullopt;
    for (ColumnId column : columnsOf(resource)) {
        if (m_columns[column].name == name)
            return column;
    }
    return std::nullopt;
}

std::size_t LineageGraph::memoryBytes() const
{
    const auto strings = [](const std::vector<std::string> &list) {
        std::size_t bytes = list.capacity() * sizeof(std::string);
        for (const std::string &s : list)
            bytes += s.capacity() > 15 ? s.capacity() + 1 : 0;
        return bytes;
    };
    const auto text = [](const std::string &s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };
    std::size_t bytes = sizeof(*this);
    bytes += m_resources.capacity() * sizeof(LineageNode);
    for (const LineageNode &r : m_resources)
        bytes += text(r.ref.name) + text(r.ref.version) + strings(r.tags);
    bytes += strings(m_owners);
    bytes += m_origins.capacity() * sizeof(Provenance);
    for (const Provenance &p : m_origins)
        bytes += text(p.file) + text(p.fileSha256);
    bytes += m_columns.capacity() * sizeof(ColumnNode);
    for (const ColumnNode &c : m_columns)
        bytes += text(c.name) + strings(c.tags);
    bytes += (m_columnOffsets.capacity() + m_columnsByResource.capacity()) * sizeof(std::uint32_t);
    bytes += m_byRef.capacity() * sizeof(std::pair<std::uint64_t, NodeId>);
    for (const auto *rows : {&m_down, &m_up}) {
        bytes += rows->offsets.capacity() * sizeof(std::uint32_t) + rows->targets.capacity() * sizeof(LineageStep);
    }
    for (const auto *rows : {&m_columnDown, &m_columnUp}) {
        bytes += rows->offsets.capacity() * sizeof(std::uint32_t) + rows->targets.capacity() * sizeof(ColumnStep);
    }
    return bytes;
}

} // namespace tributary
