// SPDX-License-Identifier: Apache-2.0
// Reading the SQLite catalog. Every query selects, per resource, the latest revision at or
// before the import asked for; a revision marked removed hides the resource from then on.
#include "sqlitestore_p.h"

#include <algorithm>

#include "sqliteintegrity_p.h"
#include "sqliteschema_p.h"
#include "tributary/base/text.h"
#include "tributary/model/canonical.h"

namespace tributary::store {
namespace {

// The revision of resource r current at import ?1.
constexpr std::string_view kCurrentRevision =
    " v.import_id = (SELECT max(w.import_id) FROM revisions w"
    " WHERE w.resource_id = r.id AND w.import_id <= ?1) ";

constexpr std::string_view kSummaryColumns =
    "r.kind, r.name, r.version, r.stage, v.owner, v.status, v.tags, v.description";


} // namespace

ResourceSummary summaryAt(const SqliteStatement &row, int first)
{
    ResourceSummary summary;
    summary.ref.kind = parseKind(row.text(first)).value_or(ResourceKind::Source);
    summary.ref.name = row.text(first + 1);
    summary.ref.version = row.text(first + 2);
    if (!row.isNull(first + 3))
        summary.stage = parseStage(row.text(first + 3));
    summary.owner = row.text(first + 4);
    summary.status = parseStatus(row.text(first + 5)).value_or(ResourceStatus::Active);
    summary.tags = splitLines(row.text(first + 6));
    summary.description = row.text(first + 7);
    return summary;
}

namespace {

void sortByRef(std::vector<ResourceSummary> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const ResourceSummary &a, const ResourceSummary &b) {
        return a.ref < b.ref;
    });
}

// A tag filter: "pii" matches pii and pii:*, "pii:*" matches pii:*, "pii:direct" itself.
std::pair<std::string, bool> tagPattern(std::string tag)
{
    if (tag.ends_with('*')) {
        tag.pop_back();
        return {tag, true};
    }
    return {tag, false};
}

// SQL matching a revision's tags against parameters ?tag and ?prefix (1: `tag` is a prefix).
std::string tagMatch(int tagParam, int prefixParam)
{
    const std::string t = "?" + std::to_string(tagParam), p = "?" + std::to_string(prefixParam);
    return " EXISTS (SELECT 1 FROM revision_tags t WHERE t.revision_id = v.id AND ("
           "  (" + p + " = 0 AND (t.tag = " + t + " OR substr(t.tag, 1, length(" + t + ") + 1) = " + t
           + " || ':'))  OR (" + p + " = 1 AND substr(t.tag, 1, length(" + t + ")) = " + t + "))) ";
}

} // namespace

SqliteStore::SqliteStore(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db))
{
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string &path, OpenMode mode)
{
    // A damaged file is refused before anything could write to it (a migration, a checkpoint).
    if (auto whole = checkCatalogFile(path); !whole)
        return tl::unexpected(whole.error());
    auto db = SqliteDatabase::open(path, mode == OpenMode::ReadOnly, mode == OpenMode::Create);
    if (!db)
        return tl::unexpected(db.error());
    if (auto whole = checkCatalogStructure(**db); !whole)
        return tl::unexpected(whole.error());
    if (auto migrated = migrateSqliteSchema(**db, mode == OpenMode::ReadOnly); !migrated)
        return tl::unexpected(migrated.error());
    // A large import touches indexes far bigger than SQLite's default 2 MB page cache; up to
    // 256 MB is used only as needed.
    if (auto pragmas = (*db)->exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;"
                                   " PRAGMA temp_store = MEMORY");
        !pragmas)
        return tl::unexpected(pragmas.error());
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

Result<std::vector<ImportRecord>> SqliteStore::imports()
{
    auto rows = m_db->prepare("SELECT id, at, author, tool_version, origin, source_path, fingerprint,"
                              " added, revised, removed, unchanged FROM imports ORDER BY id");
    auto files = m_db->prepare("SELECT path, sha256, bytes FROM import_files WHERE import_id = ?1"
                               " ORDER BY path");
    if (!rows || !files)
        return tl::unexpected(rows ? files.error() : rows.error());
    std::vector<ImportRecord> records;
    for (;;) {
        auto more = rows->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        ImportRecord record;
        record.id = ImportId{rows->int64(0)};
        record.at = Timestamp{rows->int64(1)};
        record.author = rows->text(2);
        record.toolVersion = rows->text(3);
        record.origin = rows->text(4);
        record.sourcePath = rows->text(5);
        record.fingerprint = rows->text(6);
        record.counts = {std::size_t(rows->int64(7)), std::size_t(rows->int64(8)),
                         std::size_t(rows->int64(9)), std::size_t(rows->int64(10))};
        files->bind(1, record.id.value);
        while (true) {
            auto file = files->step();
            if (!file)
                return tl::unexpected(file.error());
            if (!*file)
                break;
            record.files.push_back({files->text(0), {}, files->text(1), std::uint64_t(files->int64(2))});
        }
        files->reset();
        records.push_back(std::move(record));
    }
    return records;
}

Result<std::optional<ImportId>> SqliteStore::resolve(const AsOf &asOf)
{
    Result<std::int64_t> id = 0;
    if (const auto *import = std::get_if<ImportId>(&asOf.point)) {
        auto exists = m_db->prepare("SELECT count(*) FROM imports WHERE id = ?1");
        if (!exists)
            return tl::unexpected(exists.error());
        exists->bind(1, import->value);
        if (auto row = exists->step(); !row)
            return tl::unexpected(row.error());
        if (exists->int64(0) == 0) {
            return fail(ErrorCode::NotFound, "there is no import " + std::to_string(import->value),
                        m_db->path(), "list them with `tributary imports`");
        }
        return *import;
    }
    if (const auto *at = std::get_if<Timestamp>(&asOf.point)) {
        auto statement = m_db->prepare("SELECT max(id) FROM imports WHERE at <= ?1");
        if (!statement)
            return tl::unexpected(statement.error());
        statement->bind(1, at->seconds);
        if (auto row = statement->step(); !row)
            return tl::unexpected(row.error());
        id = statement->isNull(0) ? 0 : statement->int64(0);
    } else {
        id = m_db->queryInt("SELECT coalesce(max(id), 0) FROM imports");
    }
    if (!id)
        return tl::unexpected(id.error());
    return *id == 0 ? std::nullopt : std::optional<ImportId>(ImportId{*id});
}

Result<std::vector<ResourceSummary>> SqliteStore::list(const ResourceFilter &filter, const AsOf &asOf)
{
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return std::vector<ResourceSummary>{};
    std::string sql = "SELECT " + std::string(kSummaryColumns)
                      + " FROM resources r JOIN revisions v ON v.resource_id = r.id WHERE"
                      + std::string(kCurrentRevision) + " AND v.removed = 0";
    if (filter.kind)
        sql += " AND r.kind = ?2";
    if (!filter.owner.empty())
        sql += " AND v.owner = ?3 COLLATE NOCASE";
    if (filter.stage)
        sql += " AND r.stage = ?4";
    if (!filter.tag.empty())
        sql += " AND" + tagMatch(5, 6);
    if (!filter.name.empty())
        sql += " AND r.name = ?7";
    auto statement = m_db->prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, (*import)->value);
    if (filter.kind)
        statement->bind(2, kindName(*filter.kind));
    if (!filter.owner.empty())
        statement->bind(3, filter.owner);
    if (filter.stage)
        statement->bind(4, stageName(*filter.stage));
    if (!filter.tag.empty()) {
        const auto [tag, prefix] = tagPattern(filter.tag);
        statement->bind(5, tag).bind(6, std::int64_t(prefix));
    }
    if (!filter.name.empty())
        statement->bind(7, filter.name);
    std::vector<ResourceSummary> rows;
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        rows.push_back(summaryAt(*statement, 0));
    }
    sortByRef(rows);
    return rows;
}

Result<Provenance> SqliteStore::provenance(std::int64_t import, const std::string &file, int line)
{
    auto statement = m_db->prepare(
        "SELECT i.at, f.sha256 FROM imports i LEFT JOIN import_files f"
        " ON f.import_id = i.id AND f.path = ?2 WHERE i.id = ?1");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, import).bind(2, file);
    auto row = statement->step();
    if (!row)
        return tl::unexpected(row.error());
    return Provenance{ImportId{import}, Timestamp{statement->int64(0)}, file, line, statement->text(1)};
}

Result<StoredResource> SqliteStore::get(const Ref &ref, const AsOf &asOf)
{
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    const auto notFound = [&] {
        return fail(ErrorCode::NotFound,
                    "no " + ref.toString() + (asOf.isLatest() ? "" : " as of " + asOf.toString()),
                    m_db->path());
    };
    if (!*import)
        return notFound();
    auto statement = m_db->prepare(
        "SELECT r.definition, r.definition_hash, r.created_import, r.created_file, r.created_line,"
        " v.metadata, v.import_id, v.file, v.line"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " WHERE r.kind = ?2 AND r.name = ?3 AND r.version = ?4 AND"
        + std::string(kCurrentRevision) + " AND v.removed = 0");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, (*import)->value).bind(2, kindName(ref.kind)).bind(3, ref.name).bind(4, ref.version);
    auto row = statement->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return notFound();
    auto resource = resourceFromJson(ref, statement->text(0), statement->text(5));
    if (!resource)
        return tl::unexpected(resource.error());
    StoredResource stored;
    stored.resource = std::move(*resource);
    stored.definitionHash = statement->text(1);
    auto created = provenance(statement->int64(2), statement->text(3), int(statement->int64(4)));
    auto revised = provenance(statement->int64(6), statement->text(7), int(statement->int64(8)));
    if (!created || !revised)
        return tl::unexpected(created ? revised.error() : created.error());
    stored.created = std::move(*created);
    stored.revised = std::move(*revised);
    stored.resource.where = {stored.revised.file, stored.revised.line, 0};
    return stored;
}

Result<std::vector<Ref>> SqliteStore::findByName(std::string_view name, std::optional<ResourceKind> kind,
                                                 const AsOf &asOf)
{
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    std::vector<Ref> refs;
    if (!*import)
        return refs;
    auto statement = m_db->prepare(
        "SELECT r.kind, r.name, r.version FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " WHERE r.name = ?2 AND (?3 = '' OR r.kind = ?3) AND"
        + std::string(kCurrentRevision) + " AND v.removed = 0");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, (*import)->value).bind(2, name).bind(3, kind ? kindName(*kind) : "");
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        refs.push_back({parseKind(statement->text(0)).value_or(ResourceKind::Source),
                        statement->text(1), statement->text(2)});
    }
    std::sort(refs.begin(), refs.end());
    return refs;
}

Result<std::vector<Revision>> SqliteStore::history(const Ref &ref)
{
    auto statement = m_db->prepare(
        "SELECT v.change, v.import_id, i.at, i.author, v.owner, v.status, v.tags, v.description,"
        " v.file, v.line, coalesce(f.sha256, '')"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id JOIN imports i ON i.id = v.import_id"
        " LEFT JOIN import_files f ON f.import_id = v.import_id AND f.path = v.file"
        " WHERE r.kind = ?1 AND r.name = ?2 AND r.version = ?3 ORDER BY v.import_id");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, kindName(ref.kind)).bind(2, ref.name).bind(3, ref.version);
    std::vector<Revision> revisions;
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        Revision revision;
        const std::string change = statement->text(0);
        for (RevisionChange c : {RevisionChange::Created, RevisionChange::Revised,
                                 RevisionChange::Removed, RevisionChange::Restored}) {
            if (revisionChangeName(c) == change)
                revision.change = c;
        }
        revision.provenance = {ImportId{statement->int64(1)}, Timestamp{statement->int64(2)},
                               statement->text(8), int(statement->int64(9)), statement->text(10)};
        revision.author = statement->text(3);
        revision.owner = statement->text(4);
        revision.status = parseStatus(statement->text(5)).value_or(ResourceStatus::Active);
        revision.tags = splitLines(statement->text(6));
        revision.description = statement->text(7);
        revisions.push_back(std::move(revision));
    }
    if (revisions.empty())
        return fail(ErrorCode::NotFound, "no " + ref.toString() + " was ever imported", m_db->path());
    return revisions;
}

Result<std::string> SqliteStore::fingerprint(const AsOf &asOf)
{
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    return fingerprintAt(*import ? (*import)->value : 0);
}

Result<std::string> SqliteStore::fingerprintAt(std::int64_t import)
{
    auto statement = m_db->prepare(
        "SELECT r.kind, r.name, r.version, r.definition_hash, v.metadata_hash"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id WHERE"
        + std::string(kCurrentRevision) + " AND v.removed = 0");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, import);
    std::vector<FingerprintEntry> entries;
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        const Ref ref{parseKind(statement->text(0)).value_or(ResourceKind::Source), statement->text(1),
                      statement->text(2)};
        entries.push_back({ref.toString(), statement->text(3), statement->text(4)});
    }
    return fingerprintOf(std::move(entries));
}

} // namespace tributary::store
