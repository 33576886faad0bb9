// SPDX-License-Identifier: Apache-2.0
// Every row of the SQLite catalog, out (content) and in (load), for offline copies: the rows
// keep their ids, so history, as-of and fingerprints come across unchanged.
#include "sqlitestore_p.h"

#define TRY(expression)                                                                            \
    if (auto tried_ = (expression); !tried_)                                                       \
    return tl::unexpected(tried_.error())

namespace tributary::store {
namespace {

// Runs `sql` and hands each row to `onRow`.
template <typename OnRow>
Result<void> eachRow(SqliteDatabase &db, std::string_view sql, OnRow onRow)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            return {};
        onRow(*statement);
    }
}

} // namespace

Result<StoreContent> SqliteStore::content()
{
    StoreContent c;
    // One read transaction: an import committing meanwhile is either all in the copy or not.
    TRY(m_db->exec("BEGIN"));
    const auto rollback = [this] { (void)m_db->exec("ROLLBACK"); };
    const auto read = [&]() -> Result<void> {
        TRY(eachRow(*m_db, "SELECT id, at, author, tool_version, origin, source_path, fingerprint, added, revised,"
                           " removed, unchanged FROM imports ORDER BY id",
                    [&](const SqliteStatement &r) {
                        c.imports.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5),
                                             r.text(6), r.int64(7), r.int64(8), r.int64(9), r.int64(10)});
                    }));
        TRY(eachRow(*m_db, "SELECT import_id, path, sha256, bytes FROM import_files ORDER BY import_id, path",
                    [&](const SqliteStatement &r) {
                        c.files.push_back({r.int64(0), r.text(1), r.text(2), r.int64(3)});
                    }));
        TRY(eachRow(*m_db, "SELECT id, kind, name, version, origin, stage, definition_hash, definition,"
                           " created_import, created_file, created_line FROM resources ORDER BY id",
                    [&](const SqliteStatement &r) {
                        c.resources.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4),
                                               r.isNull(5) ? std::nullopt : std::optional<std::string>(r.text(5)),
                                               r.text(6), r.text(7), r.int64(8), r.text(9), r.int64(10)});
                    }));
        TRY(eachRow(*m_db, "SELECT id, resource_id, import_id, change, removed, metadata_hash, metadata, owner,"
                           " status, tags, description, file, line FROM revisions ORDER BY id",
                    [&](const SqliteStatement &r) {
                        c.revisions.push_back({r.int64(0), r.int64(1), r.int64(2), r.text(3), r.int64(4) != 0,
                                               r.text(5), r.text(6), r.text(7), r.text(8), r.text(9), r.text(10),
                                               r.text(11), r.int64(12)});
                    }));
        TRY(eachRow(*m_db, "SELECT revision_id, column_name, tag FROM revision_tags ORDER BY revision_id, column_name, tag",
                    [&](const SqliteStatement &r) { c.revisionTags.push_back({r.int64(0), r.text(1), r.text(2)}); }));
        TRY(eachRow(*m_db, "SELECT resource_id, ordinal, name, type FROM columns ORDER BY resource_id, ordinal",
                    [&](const SqliteStatement &r) {
                        c.columns.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3)});
                    }));
        TRY(eachRow(*m_db, "SELECT to_resource, from_ref, kind FROM resource_edges ORDER BY to_resource, rowid",
                    [&](const SqliteStatement &r) { c.resourceEdges.push_back({r.int64(0), r.text(1), r.text(2)}); }));
        TRY(eachRow(*m_db, "SELECT to_resource, to_column, from_ref, from_column, transform FROM column_edges"
                           " ORDER BY to_resource, rowid",
                    [&](const SqliteStatement &r) {
                        c.columnEdges.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
                    }));
        return {};
    };
    auto done = read();
    rollback();
    if (!done)
        return tl::unexpected(done.error());
    return c;
}

Result<void> SqliteStore::load(const StoreContent &c)
{
    SqliteTransaction transaction(*m_db);
    TRY(transaction.begin());
    auto existing = m_db->queryInt("SELECT count(*) FROM imports");
    if (!existing)
        return tl::unexpected(existing.error());
    if (*existing > 0)
        return fail(ErrorCode::Invalid, "an offline copy is written into an empty catalog only", m_db->path());
    const auto prepare = [&](std::string_view sql) { return m_db->prepare(sql); };
    auto imports = prepare("INSERT INTO imports (id, at, author, tool_version, origin, source_path, fingerprint,"
                           " added, revised, removed, unchanged) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    auto files = prepare("INSERT INTO import_files (import_id, path, sha256, bytes) VALUES (?1, ?2, ?3, ?4)");
    auto resources = prepare("INSERT INTO resources (id, kind, name, version, origin, stage, definition_hash,"
                             " definition, created_import, created_file, created_line)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    auto revisions = prepare("INSERT INTO revisions (id, resource_id, import_id, change, removed, metadata_hash,"
                             " metadata, owner, status, tags, description, file, line)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    auto tags = prepare("INSERT INTO revision_tags (revision_id, column_name, tag) VALUES (?1, ?2, ?3)");
    auto columns = prepare("INSERT INTO columns (resource_id, ordinal, name, type) VALUES (?1, ?2, ?3, ?4)");
    auto edges = prepare("INSERT INTO resource_edges (to_resource, from_ref, kind) VALUES (?1, ?2, ?3)");
    auto columnEdges = prepare("INSERT INTO column_edges (to_resource, to_column, from_ref, from_column, transform)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)");
    for (auto *statement : {&imports, &files, &resources, &revisions, &tags, &columns, &edges, &columnEdges}) {
        if (!*statement)
            return tl::unexpected(statement->error());
    }
    for (const auto &i : c.imports) {
        TRY(imports->bind(1, i.id).bind(2, i.at).bind(3, i.author).bind(4, i.toolVersion).bind(5, i.origin)
                .bind(6, i.sourcePath).bind(7, i.fingerprint).bind(8, i.added).bind(9, i.revised)
                .bind(10, i.removed).bind(11, i.unchanged).run());
    }
    for (const auto &f : c.files)
        TRY(files->bind(1, f.importId).bind(2, f.path).bind(3, f.sha256).bind(4, f.bytes).run());
    for (const auto &r : c.resources) {
        resources->bind(1, r.id).bind(2, r.kind).bind(3, r.name).bind(4, r.version).bind(5, r.origin);
        if (r.stage)
            resources->bind(6, *r.stage);
        else
            resources->bindNull(6);
        TRY(resources->bind(7, r.definitionHash).bind(8, r.definition).bind(9, r.createdImport)
                .bind(10, r.createdFile).bind(11, r.createdLine).run());
    }
    for (const auto &v : c.revisions) {
        TRY(revisions->bind(1, v.id).bind(2, v.resourceId).bind(3, v.importId).bind(4, v.change)
                .bind(5, std::int64_t(v.removed)).bind(6, v.metadataHash).bind(7, v.metadata).bind(8, v.owner)
                .bind(9, v.status).bind(10, v.tags).bind(11, v.description).bind(12, v.file).bind(13, v.line).run());
    }
    for (const auto &t : c.revisionTags)
        TRY(tags->bind(1, t.revisionId).bind(2, t.columnName).bind(3, t.tag).run());
    for (const auto &col : c.columns)
        TRY(columns->bind(1, col.resourceId).bind(2, col.ordinal).bind(3, col.name).bind(4, col.type).run());
    for (const auto &e : c.resourceEdges)
        TRY(edges->bind(1, e.toResource).bind(2, e.fromRef).bind(3, e.kind).run());
    for (const auto &e : c.columnEdges) {
        TRY(columnEdges->bind(1, e.toResource).bind(2, e.toColumn).bind(3, e.fromRef).bind(4, e.fromColumn)
                .bind(5, e.transform).run());
    }
    // The search index holds what the import writer would have left: the latest revision of
    // every resource not removed, with its own and its columns' tags and its column names.
    TRY(m_db->exec("INSERT INTO search (rowid, name, description, owner, tags, columns)"
                   " SELECT r.id, r.name, v.description, v.owner,"
                   "  coalesce((SELECT group_concat(t.tag, ' ') FROM revision_tags t WHERE t.revision_id = v.id), ''),"
                   "  coalesce((SELECT group_concat(c.name, ' ') FROM columns c WHERE c.resource_id = r.id), '')"
                   " FROM resources r JOIN revisions v ON v.resource_id = r.id"
                   " WHERE v.import_id = (SELECT max(w.import_id) FROM revisions w WHERE w.resource_id = r.id)"
                   " AND v.removed = 0"));
    return transaction.commit();
}

} // namespace tributary::store
