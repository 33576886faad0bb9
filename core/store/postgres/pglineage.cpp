// SPDX-License-Identifier: Apache-2.0
// The lineage snapshot of the PostgreSQL catalog, read in one REPEATABLE READ transaction:
// present resources with the evidence behind their definitions, their columns and column tags,
// and the edges their definitions state, in the order the SQLite store gives them.
#include <unordered_map>

#include "pgstore_p.h"
#include "tributary/base/text.h"

namespace tributary::store {
namespace {

// Edges store their upstream end as `kind:name@version` text.
std::optional<Ref> refFromText(std::string_view text)
{
    auto parsed = parseRefText(text);
    if (!parsed || !parsed->kind)
        return std::nullopt;
    return Ref{*parsed->kind, parsed->name, parsed->version.value_or(std::string())};
}

EdgeKind edgeKindFrom(std::string_view name)
{
    for (EdgeKind kind : {EdgeKind::Input, EdgeKind::Source, EdgeKind::Label, EdgeKind::Feature,
             EdgeKind::TrainingSet, EdgeKind::InferenceFeature}) {
        if (edgeKindName(kind) == name)
            return kind;
    }
    return EdgeKind::Input;
}

} // namespace

Result<LineageSnapshot> PgStore::lineageSnapshot(const AsOf &asOf)
{
    LineageSnapshot snapshot;
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return snapshot;
    const std::int64_t at = (*import)->value;
    snapshot.import = **import;
    auto when = m_db->queryInt("SELECT at FROM imports WHERE id = $1::bigint", PgParams().add(at));
    if (!when)
        return tl::unexpected(when.error());
    snapshot.importedAt = Timestamp{*when};
    auto fingerprint = fingerprintAt(at);
    if (!fingerprint)
        return tl::unexpected(fingerprint.error());
    snapshot.fingerprint = *fingerprint;

    auto resources = m_db->query(
        "SELECT r.id, v.id, r.kind, r.name, r.version, r.stage, v.owner, v.status, v.tags,"
        " r.created_import, i.at, r.created_file, r.created_line, coalesce(f.sha256, '')"
        " FROM resources r JOIN"
            + std::string(kPgCurrentRevisions)
            + "ON v.resource_id = r.id JOIN imports i ON i.id = r.created_import"
              " LEFT JOIN import_files f ON f.import_id = r.created_import"
              " AND f.path = r.created_file WHERE v.removed = 0 ORDER BY r.id",
        PgParams().add(at));
    if (!resources)
        return tl::unexpected(resources.error());
    std::unordered_map<std::int64_t, std::size_t> byResource;
    std::unordered_map<std::int64_t, std::size_t> byRevision;
    snapshot.resources.reserve(std::size_t(resources->rows()));
    for (int row = 0; row < resources->rows(); ++row) {
        const PgResult &r = *resources;
        SnapshotResource resource;
        resource.ref = {parseKind(r.view(row, 2)).value_or(ResourceKind::Source), r.text(row, 3),
            r.text(row, 4)};
        if (!r.isNull(row, 5))
            resource.stage = parseStage(r.view(row, 5));
        resource.owner = r.text(row, 6);
        resource.status = parseStatus(r.view(row, 7)).value_or(ResourceStatus::Active);
        resource.tags = splitLines(r.view(row, 8));
        resource.created = {ImportId{r.int64(row, 9)}, Timestamp{r.int64(row, 10)}, r.text(row, 11),
            int(r.int64(row, 12)), r.text(row, 13)};
        byResource.emplace(r.int64(row, 0), snapshot.resources.size());
        byRevision.emplace(r.int64(row, 1), snapshot.resources.size());
        snapshot.resources.push_back(std::move(resource));
    }
    resources = PgResult();

    // Columns in their declared order; their tags come from the current revisions, each
    // column's in tag order as SQLite's covering index gives them.
    std::unordered_map<std::string, std::size_t> columnIndex; // "resource-index#name"
    auto columns
        = m_db->query("SELECT resource_id, name FROM columns ORDER BY resource_id, ordinal");
    if (!columns)
        return tl::unexpected(columns.error());
    for (int row = 0; row < columns->rows(); ++row) {
        const auto owner = byResource.find(columns->int64(row, 0));
        if (owner == byResource.end())
            continue;
        columnIndex.emplace(
            std::to_string(owner->second) + '#' + columns->text(row, 1), snapshot.columns.size());
        snapshot.columns.push_back({owner->second, columns->text(row, 1), {}});
    }
    auto tags = m_db->query("SELECT revision_id, column_name, tag FROM revision_tags"
                            " WHERE column_name <> '' ORDER BY revision_id, column_name, tag");
    if (!tags)
        return tl::unexpected(tags.error());
    for (int row = 0; row < tags->rows(); ++row) {
        const auto owner = byRevision.find(tags->int64(row, 0));
        if (owner == byRevision.end())
            continue;
        const auto column
            = columnIndex.find(std::to_string(owner->second) + '#' + tags->text(row, 1));
        if (column != columnIndex.end())
            snapshot.columns[column->second].tags.push_back(tags->text(row, 2));
    }

    auto edges = m_db->query("SELECT to_resource, from_ref, kind FROM resource_edges ORDER BY id");
    if (!edges)
        return tl::unexpected(edges.error());
    for (int row = 0; row < edges->rows(); ++row) {
        const auto to = byResource.find(edges->int64(row, 0));
        const auto from = to == byResource.end() ? std::nullopt : refFromText(edges->view(row, 1));
        if (from)
            snapshot.edges.push_back({*from, to->second, edgeKindFrom(edges->view(row, 2))});
    }

    auto columnEdges = m_db->query("SELECT to_resource, to_column, from_ref, from_column,"
                                   " transform FROM column_edges ORDER BY id");
    if (!columnEdges)
        return tl::unexpected(columnEdges.error());
    TRY(read.commit());
    for (int row = 0; row < columnEdges->rows(); ++row) {
        const PgResult &e = *columnEdges;
        const auto to = byResource.find(e.int64(row, 0));
        const auto from = to == byResource.end() ? std::nullopt : refFromText(e.view(row, 2));
        if (!from)
            continue;
        snapshot.columnEdges.push_back({*from, e.text(row, 3), to->second, e.text(row, 1),
            parseTransform(e.view(row, 4)).value_or(TransformKind::Identity)});
    }
    return snapshot;
}

} // namespace tributary::store
