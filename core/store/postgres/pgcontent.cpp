// SPDX-License-Identifier: Apache-2.0
// Every row of the PostgreSQL catalog, for an offline copy, read in one REPEATABLE READ
// snapshot: an import committing meanwhile is either all in the copy or not at all.
#include "pgstore_p.h"

namespace tributary::store {
namespace {

// Runs `sql` and hands each row to `onRow`.
template <typename OnRow> Result<void> eachRow(PgConnection &db, std::string_view sql, OnRow onRow)
{
    auto rows = db.query(sql);
    if (!rows)
        return tl::unexpected(rows.error());
    for (int row = 0; row < rows->rows(); ++row)
        onRow(*rows, row);
    return {};
}

} // namespace

Result<StoreContent> PgStore::content()
{
    StoreContent c;
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    TRY(eachRow(*m_db,
        "SELECT id, at, author, tool_version, origin, source_path, fingerprint, added,"
        " revised, removed, unchanged FROM imports ORDER BY id",
        [&](const PgResult &r, int i) {
            c.imports.push_back({r.int64(i, 0), r.int64(i, 1), r.text(i, 2), r.text(i, 3),
                r.text(i, 4), r.text(i, 5), r.text(i, 6), r.int64(i, 7), r.int64(i, 8),
                r.int64(i, 9), r.int64(i, 10)});
        }));
    TRY(eachRow(*m_db,
        "SELECT import_id, path, sha256, bytes FROM import_files ORDER BY import_id, path",
        [&](const PgResult &r, int i) {
            c.files.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.int64(i, 3)});
        }));
    TRY(eachRow(*m_db,
        "SELECT id, kind, name, version, origin, stage, definition_hash, definition,"
        " created_import, created_file, created_line FROM resources ORDER BY id",
        [&](const PgResult &r, int i) {
            c.resources.push_back(
                {r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                    r.isNull(i, 5) ? std::nullopt : std::optional<std::string>(r.text(i, 5)),
                    r.text(i, 6), r.text(i, 7), r.int64(i, 8), r.text(i, 9), r.int64(i, 10)});
        }));
    TRY(eachRow(*m_db,
        "SELECT id, resource_id, import_id, change, removed, metadata_hash, metadata, owner,"
        " status, tags, description, file, line FROM revisions ORDER BY id",
        [&](const PgResult &r, int i) {
            c.revisions.push_back({r.int64(i, 0), r.int64(i, 1), r.int64(i, 2), r.text(i, 3),
                r.int64(i, 4) != 0, r.text(i, 5), r.text(i, 6), r.text(i, 7), r.text(i, 8),
                r.text(i, 9), r.text(i, 10), r.text(i, 11), r.int64(i, 12)});
        }));
    TRY(eachRow(*m_db,
        "SELECT revision_id, column_name, tag FROM revision_tags"
        " ORDER BY revision_id, column_name, tag",
        [&](const PgResult &r, int i) {
            c.revisionTags.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2)});
        }));
    TRY(eachRow(*m_db,
        "SELECT resource_id, ordinal, name, type FROM columns ORDER BY resource_id, ordinal",
        [&](const PgResult &r, int i) {
            c.columns.push_back({r.int64(i, 0), r.int64(i, 1), r.text(i, 2), r.text(i, 3)});
        }));
    TRY(eachRow(*m_db,
        "SELECT to_resource, from_ref, kind FROM resource_edges ORDER BY to_resource, id",
        [&](const PgResult &r, int i) {
            c.resourceEdges.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2)});
        }));
    TRY(eachRow(*m_db,
        "SELECT to_resource, to_column, from_ref, from_column, transform FROM column_edges"
        " ORDER BY to_resource, id",
        [&](const PgResult &r, int i) {
            c.columnEdges.push_back(
                {r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
        }));
    TRY(read.commit());
    return c;
}

} // namespace tributary::store
