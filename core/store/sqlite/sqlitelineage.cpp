// SPDX-License-Identifier: Apache-2.0
// The lineage snapshot of the SQLite catalog: present resources with the evidence behind their
// definitions, their columns and column tags, and the edges their definitions state.
#include <unordered_map>

#include "sqlitestore_p.h"
#include "tributary/base/text.h"

namespace tributary::store {
namespace {


// Edges store their upstream end as `kind:name@version` text.
std::optional<Ref> refFromText(const std::string &text)
{
    auto parsed = parseRefText(text);
    if (!parsed || !parsed->kind)
        return std::nullopt;
    return Ref{*parsed->kind, parsed->name, parsed->version.value_or(std::string())};
}

template <typename RowFn>
Result<void> forEachRow(SqliteStatement &statement, RowFn &&onRow)
{
    for (;;) {
        auto more = statement.step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            return {};
        onRow(statement);
    }
}

} // namespace

Result<LineageSnapshot> SqliteStore::lineageSnapshot(const AsOf &asOf)
{
    LineageSnapshot snapshot;
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return snapshot;
    const std::int64_t at = (*import)->value;
    snapshot.import = **import;
    if (auto when = m_db->prepare("SELECT at FROM imports WHERE id = ?1")) {
        when->bind(1, at);
        if (auto row = when->step(); row && *row)
            snapshot.importedAt = Timestamp{when->int64(0)};
    }
    auto fingerprint = fingerprintAt(at);
    if (!fingerprint)
        return tl::unexpected(fingerprint.error());
    snapshot.fingerprint = *fingerprint;

    auto resources = m_db->prepare(
        "SELECT r.id, v.id, r.kind, r.name, r.version, r.stage, v.owner, v.status, v.tags,"
        " r.created_import, i.at, r.created_file, r.created_line, coalesce(f.sha256, '')"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " JOIN imports i ON i.id = r.created_import"
        " LEFT JOIN import_files f ON f.import_id = r.created_import AND f.path = r.created_file"
        " WHERE v.import_id = (SELECT max(w.import_id) FROM revisions w"
        " WHERE w.resource_id = r.id AND w.import_id <= ?1) AND v.removed = 0 ORDER BY r.id");
    if (!resources)
        return tl::unexpected(resources.error());
    resources->bind(1, at);
    std::unordered_map<std::int64_t, std::size_t> byResource;
    std::unordered_map<std::int64_t, std::size_t> byRevision;
    auto read = forEachRow(*resources, [&](const SqliteStatement &row) {
        SnapshotResource resource;
        resource.ref = {parseKind(row.text(2)).value_or(ResourceKind::Source), row.text(3), row.text(4)};
        if (!row.isNull(5))
            resource.stage = parseStage(row.text(5));
        resource.owner = row.text(6);
        resource.status = parseStatus(row.text(7)).value_or(ResourceStatus::Active);
        resource.tags = splitLines(row.text(8));
        resource.created = {ImportId{row.int64(9)}, Timestamp{row.int64(10)}, row.text(11),
                            int(row.int64(12)), row.text(13)};
        byResource.emplace(row.int64(0), snapshot.resources.size());
        byRevision.emplace(row.int64(1), snapshot.resources.size());
        snapshot.resources.push_back(std::move(resource));
    });
    if (!read)
        return tl::unexpected(read.error());

    // Columns in their declared order; their tags come from the current revisions.
    std::unordered_map<std::string, std::size_t> columnIndex; // "resource-index#name"
    auto columns = m_db->prepare("SELECT resource_id, name FROM columns ORDER BY resource_id, ordinal");
    if (!columns)
        return tl::unexpected(columns.error());
    read = forEachRow(*columns, [&](const SqliteStatement &row) {
        const auto owner = byResource.find(row.int64(0));
        if (owner == byResource.end())
            return;
        columnIndex.emplace(std::to_string(owner->second) + '#' + row.text(1), snapshot.columns.size());
        snapshot.columns.push_back({owner->second, row.text(1), {}});
    });
    if (!read)
        return tl::unexpected(read.error());
    auto tags = m_db->prepare("SELECT revision_id, column_name, tag FROM revision_tags WHERE column_name <> ''");
    if (!tags)
        return tl::unexpected(tags.error());
    read = forEachRow(*tags, [&](const SqliteStatement &row) {
        const auto owner = byRevision.find(row.int64(0));
        if (owner == byRevision.end())
            return;
        const auto column = columnIndex.find(std::to_string(owner->second) + '#' + row.text(1));
        if (column != columnIndex.end())
            snapshot.columns[column->second].tags.push_back(row.text(2));
    });
    if (!read)
        return tl::unexpected(read.error());

    auto edges = m_db->prepare("SELECT to_resource, from_ref, kind FROM resource_edges");
    if (!edges)
        return tl::unexpected(edges.error());
    read = forEachRow(*edges, [&](const SqliteStatement &row) {
        const auto to = byResource.find(row.int64(0));
        const auto from = to == byResource.end() ? std::nullopt : refFromText(row.text(1));
        if (!from)
            return;
        EdgeKind kind = EdgeKind::Input;
        for (EdgeKind k : {EdgeKind::Input, EdgeKind::Source, EdgeKind::Label, EdgeKind::Feature,
                           EdgeKind::TrainingSet, EdgeKind::InferenceFeature}) {
            if (edgeKindName(k) == row.text(2))
                kind = k;
        }
        snapshot.edges.push_back({*from, to->second, kind});
    });
    if (!read)
        return tl::unexpected(read.error());

    auto columnEdges = m_db->prepare(
        "SELECT to_resource, to_column, from_ref, from_column, transform FROM column_edges");
    if (!columnEdges)
        return tl::unexpected(columnEdges.error());
    read = forEachRow(*columnEdges, [&](const SqliteStatement &row) {
        const auto to = byResource.find(row.int64(0));
        const auto from = to == byResource.end() ? std::nullopt : refFromText(row.text(2));
        if (!from)
            return;
        snapshot.columnEdges.push_back({*from, row.text(3), to->second, row.text(1),
                                        parseTransform(row.text(4)).value_or(TransformKind::Identity)});
    });
    if (!read)
        return tl::unexpected(read.error());
    return snapshot;
}

} // namespace tributary::store
