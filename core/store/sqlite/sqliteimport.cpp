// SPDX-License-Identifier: Apache-2.0
// Writing an import into the SQLite catalog: one IMMEDIATE transaction, planned first so a
// conflict is found before anything is written.
#include "sqlitestore_p.h"
#include "tributary/model/lineageedges.h"

#define TRY(expression)                                                                            \
    if (auto tried_ = (expression); !tried_)                                                       \
    return tl::unexpected(tried_.error())

namespace tributary::store {
namespace {

std::string joinWith(const std::vector<std::string> &items, char separator)
{
    std::string text;
    for (const std::string &item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

// Writes the rows of one import with statements prepared once.
class ImportWriter
{
public:
    static Result<ImportWriter> prepare(SqliteDatabase &db, std::int64_t import, std::string origin)
    {
        static constexpr const char *kSql[] = {
            "INSERT INTO resources (kind, name, version, origin, stage, definition_hash, definition,"
            " created_import, created_file, created_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            "INSERT INTO revisions (resource_id, import_id, change, removed, metadata_hash, metadata,"
            " owner, status, tags, description, file, line)"
            " VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            "INSERT OR IGNORE INTO revision_tags (revision_id, column_name, tag) VALUES (?1, ?2, ?3)",
            "INSERT INTO columns (resource_id, ordinal, name, type) VALUES (?1, ?2, ?3, ?4)",
            "INSERT INTO resource_edges (to_resource, from_ref, kind) VALUES (?1, ?2, ?3)",
            "INSERT INTO column_edges (to_resource, to_column, from_ref, from_column, transform)"
            " VALUES (?1, ?2, ?3, ?4, ?5)",
            "DELETE FROM search WHERE rowid = ?1",
            "INSERT INTO search (rowid, name, description, owner, tags, columns)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            // A removal copies the last metadata, so the removed row still tells what went away.
            "INSERT INTO revisions (resource_id, import_id, change, removed, metadata_hash, metadata,"
            " owner, status, tags, description, file, line)"
            " SELECT resource_id, ?2, 'removed', 1, metadata_hash, metadata, owner, status, tags,"
            " description, '', 0 FROM revisions WHERE resource_id = ?1"
            " ORDER BY import_id DESC LIMIT 1",
        };
        ImportWriter writer(db, import, std::move(origin));
        for (std::size_t i = 0; i < std::size(kSql); ++i) {
            auto statement = db.prepare(kSql[i]);
            if (!statement)
                return tl::unexpected(statement.error());
            writer.m_statements[i] = std::move(*statement);
        }
        return writer;
    }

    Result<void> create(const PlannedResource &planned)
    {
        const Resource &resource = *planned.resource;
        const auto *model = resource.as<ModelSpec>();
        SqliteStatement &insert = m_statements[InsertResource];
        insert.bind(1, kindName(resource.kind())).bind(2, resource.ref.name).bind(3, resource.ref.version)
            .bind(4, m_origin);
        if (model)
            insert.bind(5, stageName(model->stage));
        else
            insert.bindNull(5);
        TRY(insert.bind(6, planned.definitionHash).bind(7, planned.definitionText)
                .bind(8, m_import).bind(9, planned.file).bind(10, std::int64_t(planned.line)).run());
        const std::int64_t id = m_db.lastInsertId();
        TRY(writeDefinition(id, resource));
        return revise(planned, id, "created");
    }

    Result<void> revise(const PlannedResource &planned, std::int64_t id, std::string_view change)
    {
        const Resource &resource = *planned.resource;
        const Metadata &meta = resource.meta;
        TRY(m_statements[InsertRevision].bind(1, id).bind(2, m_import).bind(3, change)
                .bind(4, planned.metadataHash).bind(5, planned.metadataText)
                .bind(6, meta.owner).bind(7, statusName(meta.status)).bind(8, joinWith(meta.tags, '\n'))
                .bind(9, meta.description).bind(10, planned.file).bind(11, std::int64_t(planned.line))
                .run());
        const std::int64_t revision = m_db.lastInsertId();
        for (const std::string &tag : meta.tags)
            TRY(m_statements[InsertTag].bind(1, revision).bind(2, "").bind(3, tag).run());
        std::vector<std::string> columnNames;
        std::vector<std::string> allTags = meta.tags;
        if (const auto *source = resource.as<SourceSpec>()) {
            for (const Column &column : source->columns) {
                columnNames.push_back(column.name);
                for (const std::string &tag : column.tags) {
                    TRY(m_statements[InsertTag].bind(1, revision).bind(2, column.name).bind(3, tag).run());
                    allTags.push_back(tag);
                }
            }
        }
        TRY(m_statements[DeleteSearch].bind(1, id).run());
        return m_statements[InsertSearch].bind(1, id).bind(2, resource.ref.name)
            .bind(3, meta.description).bind(4, meta.owner).bind(5, joinWith(allTags, ' '))
            .bind(6, joinWith(columnNames, ' ')).run();
    }

    Result<void> remove(std::int64_t id)
    {
        TRY(m_statements[RemoveRevision].bind(1, id).bind(2, m_import).run());
        return m_statements[DeleteSearch].bind(1, id).run();
    }

private:
    enum Statement {
        InsertResource, InsertRevision, InsertTag, InsertColumn, InsertEdge, InsertColumnEdge,
        DeleteSearch, InsertSearch, RemoveRevision, StatementCount
    };

    ImportWriter(SqliteDatabase &db, std::int64_t import, std::string origin)
        : m_db(db)
        , m_import(import)
        , m_origin(std::move(origin))
    {
    }

    Result<void> writeDefinition(std::int64_t id, const Resource &resource)
    {
        if (const auto *source = resource.as<SourceSpec>()) {
            for (std::size_t i = 0; i < source->columns.size(); ++i) {
                const Column &column = source->columns[i];
                TRY(m_statements[InsertColumn].bind(1, id).bind(2, std::int64_t(i)).bind(3, column.name)
                        .bind(4, column.type).run());
            }
        }
        for (const ResourceEdge &edge : resourceEdgesInto(resource)) {
            TRY(m_statements[InsertEdge].bind(1, id).bind(2, edge.from.toString())
                    .bind(3, edgeKindName(edge.kind)).run());
        }
        for (const ColumnEdge &edge : columnEdgesInto(resource)) {
            TRY(m_statements[InsertColumnEdge].bind(1, id).bind(2, edge.to.column)
                    .bind(3, edge.from.resource.toString()).bind(4, edge.from.column)
                    .bind(5, transformName(edge.transform)).run());
        }
        return {};
    }

    SqliteDatabase &m_db;
    std::int64_t m_import;
    std::string m_origin;
    SqliteStatement m_statements[StatementCount];
};

} // namespace

Result<StoredVersions> SqliteStore::storedVersions()
{
    auto statement = m_db->prepare(
        "SELECT r.id, r.kind, r.name, r.version, r.definition_hash, r.origin, r.created_file,"
        " r.created_line, r.created_import, v.metadata_hash, v.removed"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " WHERE v.import_id = (SELECT max(import_id) FROM revisions w WHERE w.resource_id = r.id)");
    if (!statement)
        return tl::unexpected(statement.error());
    StoredVersions versions;
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        const Ref ref{parseKind(statement->text(1)).value_or(ResourceKind::Source), statement->text(2),
                      statement->text(3)};
        versions.emplace(ref.toString(),
                         StoredVersion{statement->int64(0), statement->text(4), statement->text(9),
                                       statement->int64(10) != 0, statement->text(5), statement->text(6),
                                       int(statement->int64(7)), ImportId{statement->int64(8)}});
    }
    return versions;
}

Result<std::vector<std::string>> SqliteStore::describeConflicts(const std::vector<Conflict> &conflicts)
{
    auto statement = m_db->prepare("SELECT r.definition, i.source_path FROM resources r"
                                   " JOIN imports i ON i.id = r.created_import WHERE r.id = ?1");
    if (!statement)
        return tl::unexpected(statement.error());
    std::vector<std::string> lines;
    for (const Conflict &conflict : conflicts) {
        statement->bind(1, conflict.stored.resourceId);
        auto row = statement->step();
        if (!row)
            return tl::unexpected(row.error());
        lines.push_back(describeConflict(conflict, *row ? statement->text(0) : std::string("{}"),
                                         *row ? statement->text(1) : std::string()));
        statement->reset();
    }
    return lines;
}

Result<ImportSummary> SqliteStore::importCatalog(const Catalog &catalog, const ImportOptions &options)
{
    SqliteTransaction transaction(*m_db);
    TRY(transaction.begin());

    auto last = m_db->prepare("SELECT id, at FROM imports ORDER BY id DESC LIMIT 1");
    if (!last)
        return tl::unexpected(last.error());
    auto hasLast = last->step();
    if (!hasLast)
        return tl::unexpected(hasLast.error());
    const std::int64_t lastId = *hasLast ? last->int64(0) : 0;
    const Timestamp lastAt{*hasLast ? last->int64(1) : 0};
    last->reset();
    const Timestamp at = options.at.value_or(std::max(Timestamp::now(), lastAt));
    if (*hasLast && at < lastAt) {
        return fail(ErrorCode::Invalid,
                    "cannot record an import at " + at.toIso() + ", before the last import ("
                        + std::to_string(lastId) + ", at " + lastAt.toIso() + ")",
                    m_db->path(), "history is replayed in order: give a time not before " + lastAt.toIso());
    }

    auto stored = storedVersions();
    if (!stored)
        return tl::unexpected(stored.error());
    const ImportPlan plan = planImport(catalog, *stored, options.origin);
    if (!plan.conflicts.empty()) {
        auto details = describeConflicts(plan.conflicts);
        if (!details)
            return tl::unexpected(details.error());
        Error error{ErrorCode::Conflict,
                    std::to_string(plan.conflicts.size()) + " stored version"
                        + (plan.conflicts.size() > 1 ? "s" : "") + " would change; nothing was imported",
                    m_db->path(), {}, std::move(*details)};
        return tl::unexpected(error);
    }

    ImportSummary summary;
    for (const Resource &resource : catalog.resources)
        ++summary.perKind[resource.kind()];
    if (!plan.changesSomething() && lastId > 0) {
        // Nothing to record: the catalog already stands as these files say.
        auto records = imports();
        if (!records)
            return tl::unexpected(records.error());
        summary.record = records->back();
        summary.record.counts = plan.counts();
        return summary;
    }

    auto insertImport = m_db->prepare(
        "INSERT INTO imports (at, author, tool_version, origin, source_path, fingerprint, added,"
        " revised, removed, unchanged) VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7, ?8, ?9)");
    if (!insertImport)
        return tl::unexpected(insertImport.error());
    const ImportCounts counts = plan.counts();
    TRY(insertImport->bind(1, at.seconds).bind(2, options.author).bind(3, options.toolVersion)
            .bind(4, options.origin).bind(5, options.sourcePath).bind(6, std::int64_t(counts.added))
            .bind(7, std::int64_t(counts.revised)).bind(8, std::int64_t(counts.removed))
            .bind(9, std::int64_t(counts.unchanged)).run());
    const std::int64_t import = m_db->lastInsertId();

    auto insertFile = m_db->prepare(
        "INSERT INTO import_files (import_id, path, sha256, bytes) VALUES (?1, ?2, ?3, ?4)");
    if (!insertFile)
        return tl::unexpected(insertFile.error());
    for (const CatalogFile &file : catalog.files) {
        TRY(insertFile->bind(1, import).bind(2, file.path).bind(3, file.sha256)
                .bind(4, std::int64_t(file.bytes)).run());
    }

    auto writer = ImportWriter::prepare(*m_db, import, options.origin);
    if (!writer)
        return tl::unexpected(writer.error());
    // Progress every few hundred rows: often enough for a bar, rare enough to cost nothing.
    const std::size_t total = plan.create.size() + plan.revise.size() + plan.remove.size();
    std::size_t done = 0;
    const auto advance = [&]() -> Result<void> {
        ++done;
        if (options.progress && (done % 256 == 0 || done == total) && !options.progress(done, total))
            return fail(ErrorCode::Cancelled, "import cancelled; nothing was imported", m_db->path());
        return {};
    };
    for (const PlannedResource &planned : plan.create) {
        TRY(writer->create(planned));
        TRY(advance());
    }
    for (const PlannedResource &planned : plan.revise) {
        TRY(writer->revise(planned, planned.resourceId, planned.restored ? "restored" : "revised"));
        TRY(advance());
    }
    for (std::int64_t id : plan.remove) {
        TRY(writer->remove(id));
        TRY(advance());
    }

    auto fingerprint = fingerprintAt(import);
    if (!fingerprint)
        return tl::unexpected(fingerprint.error());
    auto setFingerprint = m_db->prepare("UPDATE imports SET fingerprint = ?2 WHERE id = ?1");
    if (!setFingerprint)
        return tl::unexpected(setFingerprint.error());
    TRY(setFingerprint->bind(1, import).bind(2, *fingerprint).run());
    TRY(transaction.commit());

    summary.recorded = true;
    summary.record = {ImportId{import}, at, options.author, options.toolVersion, options.origin,
                      options.sourcePath, *fingerprint, counts, catalog.files};
    return summary;
}

} // namespace tributary::store
