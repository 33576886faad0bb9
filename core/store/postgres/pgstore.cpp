// SPDX-License-Identifier: Apache-2.0
// Reading the PostgreSQL catalog: the same queries as the SQLite store's. Every query selects,
// per resource, the latest revision at or before the import asked for; a revision marked
// removed hides the resource from then on. Reads of several statements share one snapshot.
#include <algorithm>

#include "pgschema_p.h"
#include "pgstore_p.h"
#include "tributary/base/text.h"
#include "tributary/model/canonical.h"

namespace tributary::store {

ResourceSummary summaryAt(const PgResult &rows, int row, int first)
{
    ResourceSummary summary;
    summary.ref.kind = parseKind(rows.view(row, first)).value_or(ResourceKind::Source);
    summary.ref.name = rows.text(row, first + 1);
    summary.ref.version = rows.text(row, first + 2);
    if (!rows.isNull(row, first + 3))
        summary.stage = parseStage(rows.view(row, first + 3));
    summary.owner = rows.text(row, first + 4);
    summary.status = parseStatus(rows.view(row, first + 5)).value_or(ResourceStatus::Active);
    summary.tags = splitLines(rows.view(row, first + 6));
    summary.description = rows.text(row, first + 7);
    return summary;
}

PgStore::PgStore(std::unique_ptr<PgConnection> db, bool readOnly, std::string trigramSchema)
    : m_db(std::move(db))
    , m_readOnly(readOnly)
    , m_trigramSchema(std::move(trigramSchema))
{ }

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string &locator, OpenMode mode)
{
    auto db = PgConnection::connect(locator);
    if (!db)
        return tl::unexpected(db.error());
    const bool readOnly = mode == OpenMode::ReadOnly;
    // Every transaction of a reading session is read-only: a role with only SELECT works, and
    // no bug can write through it.
    if (readOnly)
        TRY((*db)->exec("SET default_transaction_read_only = on"));
    TRY(migratePgSchema(**db, readOnly));
    auto trigrams = trigramSchema(**db);
    if (!trigrams)
        return tl::unexpected(trigrams.error());
    // A word of a name one letter off scores about 0.55: pg_trgm's default of 0.6 misses it.
    if (!trigrams->empty())
        TRY((*db)->exec("SET pg_trgm.word_similarity_threshold = 0.5"));
    return std::unique_ptr<PgStore>(new PgStore(std::move(*db), readOnly, std::move(*trigrams)));
}

Result<std::vector<ImportRecord>> PgStore::imports()
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto rows = m_db->query("SELECT id, at, author, tool_version, origin, source_path, fingerprint,"
                            " added, revised, removed, unchanged FROM imports ORDER BY id");
    if (!rows)
        return tl::unexpected(rows.error());
    auto files = m_db->query(
        "SELECT import_id, path, sha256, bytes FROM import_files ORDER BY import_id, path");
    if (!files)
        return tl::unexpected(files.error());
    TRY(read.commit());
    std::vector<ImportRecord> records;
    int file = 0;
    for (int row = 0; row < rows->rows(); ++row) {
        ImportRecord record;
        record.id = ImportId{rows->int64(row, 0)};
        record.at = Timestamp{rows->int64(row, 1)};
        record.author = rows->text(row, 2);
        record.toolVersion = rows->text(row, 3);
        record.origin = rows->text(row, 4);
        record.sourcePath = rows->text(row, 5);
        record.fingerprint = rows->text(row, 6);
        record.counts = {std::size_t(rows->int64(row, 7)), std::size_t(rows->int64(row, 8)),
            std::size_t(rows->int64(row, 9)), std::size_t(rows->int64(row, 10))};
        for (; file < files->rows() && files->int64(file, 0) == record.id.value; ++file) {
            record.files.push_back({files->text(file, 1), {}, files->text(file, 2),
                std::uint64_t(files->int64(file, 3))});
        }
        records.push_back(std::move(record));
    }
    return records;
}

Result<std::optional<ImportId>> PgStore::resolve(const AsOf &asOf)
{
    Result<std::int64_t> id = 0;
    if (const auto *import = std::get_if<ImportId>(&asOf.point)) {
        auto exists = m_db->queryInt(
            "SELECT count(*) FROM imports WHERE id = $1::bigint", PgParams().add(import->value));
        if (!exists)
            return tl::unexpected(exists.error());
        if (*exists == 0) {
            return fail(ErrorCode::NotFound, "there is no import " + std::to_string(import->value),
                m_db->locator(), "list them with `tributary imports`");
        }
        return *import;
    }
    if (const auto *at = std::get_if<Timestamp>(&asOf.point)) {
        id = m_db->queryInt(
            "SELECT max(id) FROM imports WHERE at <= $1::bigint", PgParams().add(at->seconds));
    } else {
        id = m_db->queryInt("SELECT max(id) FROM imports");
    }
    if (!id)
        return tl::unexpected(id.error());
    return *id == 0 ? std::nullopt : std::optional<ImportId>(ImportId{*id});
}

Result<std::vector<ResourceSummary>> PgStore::list(const ResourceFilter &filter, const AsOf &asOf)
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return std::vector<ResourceSummary>{};
    PgParams params;
    params.add((*import)->value);
    const auto param = [&](std::string_view value) {
        params.add(value);
        return "$" + std::to_string(params.size()) + "::text";
    };
    std::string sql = "SELECT " + std::string(kPgSummaryColumns) + " FROM resources r JOIN"
        + std::string(kPgCurrentRevisions) + "ON v.resource_id = r.id WHERE v.removed = 0";
    if (filter.kind)
        sql += " AND r.kind = " + param(kindName(*filter.kind));
    if (!filter.owner.empty())
        sql += " AND lower(v.owner) = lower(" + param(filter.owner) + ")";
    if (filter.stage)
        sql += " AND r.stage = " + param(stageName(*filter.stage));
    if (!filter.tag.empty()) {
        // "pii" matches pii and pii:*, "pii:*" matches pii:*, "pii:direct" itself.
        std::string tag = filter.tag;
        const bool prefix = tag.ends_with('*');
        if (prefix)
            tag.pop_back();
        const std::string p = param(tag);
        sql += " AND EXISTS (SELECT 1 FROM revision_tags t WHERE t.revision_id = v.id AND "
            + (prefix ? "starts_with(t.tag, " + p + ")"
                      : "(t.tag = " + p + " OR starts_with(t.tag, " + p + " || ':'))")
            + ")";
    }
    if (!filter.name.empty())
        sql += " AND r.name = " + param(filter.name);
    auto rows = m_db->query(sql, params);
    if (!rows)
        return tl::unexpected(rows.error());
    TRY(read.commit());
    std::vector<ResourceSummary> summaries;
    summaries.reserve(std::size_t(rows->rows()));
    for (int row = 0; row < rows->rows(); ++row)
        summaries.push_back(summaryAt(*rows, row, 0));
    std::sort(summaries.begin(), summaries.end(),
        [](const ResourceSummary &a, const ResourceSummary &b) { return a.ref < b.ref; });
    return summaries;
}

Result<Provenance> PgStore::provenance(std::int64_t import, const std::string &file, int line)
{
    auto row = m_db->query("SELECT i.at, f.sha256 FROM imports i LEFT JOIN import_files f"
                           " ON f.import_id = i.id AND f.path = $2::text WHERE i.id = $1::bigint",
        PgParams().add(import).add(file));
    if (!row)
        return tl::unexpected(row.error());
    if (row->rows() == 0)
        return Provenance{ImportId{import}, {}, file, line, {}};
    return Provenance{ImportId{import}, Timestamp{row->int64(0, 0)}, file, line, row->text(0, 1)};
}

Result<StoredResource> PgStore::get(const Ref &ref, const AsOf &asOf)
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    const auto notFound = [&] {
        return fail(ErrorCode::NotFound,
            "no " + ref.toString() + (asOf.isLatest() ? "" : " as of " + asOf.toString()),
            m_db->locator());
    };
    if (!*import)
        return notFound();
    auto row = m_db->query(
        "SELECT r.definition, r.definition_hash, r.created_import, r.created_file, r.created_line,"
        " v.metadata, v.import_id, v.file, v.line"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " WHERE r.kind = $2::text AND r.name = $3::text AND r.version = $4::text AND"
            + std::string(kPgCurrentRevision) + " AND v.removed = 0",
        PgParams().add((*import)->value).add(kindName(ref.kind)).add(ref.name).add(ref.version));
    if (!row)
        return tl::unexpected(row.error());
    if (row->rows() == 0)
        return notFound();
    auto resource = resourceFromJson(ref, row->view(0, 0), row->view(0, 5));
    if (!resource)
        return tl::unexpected(resource.error());
    StoredResource stored;
    stored.resource = std::move(*resource);
    stored.definitionHash = row->text(0, 1);
    auto created = provenance(row->int64(0, 2), row->text(0, 3), int(row->int64(0, 4)));
    auto revised = provenance(row->int64(0, 6), row->text(0, 7), int(row->int64(0, 8)));
    if (!created || !revised)
        return tl::unexpected(created ? revised.error() : created.error());
    TRY(read.commit());
    stored.created = std::move(*created);
    stored.revised = std::move(*revised);
    stored.resource.where = {stored.revised.file, stored.revised.line, 0};
    return stored;
}

Result<std::vector<Ref>> PgStore::findByName(
    std::string_view name, std::optional<ResourceKind> kind, const AsOf &asOf)
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    std::vector<Ref> refs;
    if (!*import)
        return refs;
    auto rows = m_db->query(
        "SELECT r.kind, r.name, r.version FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " WHERE r.name = $2::text AND ($3::text = '' OR r.kind = $3::text) AND"
            + std::string(kPgCurrentRevision) + " AND v.removed = 0",
        PgParams().add((*import)->value).add(name).add(kind ? kindName(*kind) : ""));
    if (!rows)
        return tl::unexpected(rows.error());
    TRY(read.commit());
    for (int row = 0; row < rows->rows(); ++row) {
        refs.push_back({parseKind(rows->view(row, 0)).value_or(ResourceKind::Source),
            rows->text(row, 1), rows->text(row, 2)});
    }
    std::sort(refs.begin(), refs.end());
    return refs;
}

Result<std::vector<Revision>> PgStore::history(const Ref &ref)
{
    auto rows = m_db->query(
        "SELECT v.change, v.import_id, i.at, i.author, v.owner, v.status, v.tags, v.description,"
        " v.file, v.line, coalesce(f.sha256, '')"
        " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        " JOIN imports i ON i.id = v.import_id"
        " LEFT JOIN import_files f ON f.import_id = v.import_id AND f.path = v.file"
        " WHERE r.kind = $1::text AND r.name = $2::text AND r.version = $3::text"
        " ORDER BY v.import_id",
        PgParams().add(kindName(ref.kind)).add(ref.name).add(ref.version));
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<Revision> revisions;
    for (int row = 0; row < rows->rows(); ++row) {
        Revision revision;
        for (RevisionChange c : {RevisionChange::Created, RevisionChange::Revised,
                 RevisionChange::Removed, RevisionChange::Restored}) {
            if (revisionChangeName(c) == rows->view(row, 0))
                revision.change = c;
        }
        revision.provenance = {ImportId{rows->int64(row, 1)}, Timestamp{rows->int64(row, 2)},
            rows->text(row, 8), int(rows->int64(row, 9)), rows->text(row, 10)};
        revision.author = rows->text(row, 3);
        revision.owner = rows->text(row, 4);
        revision.status = parseStatus(rows->view(row, 5)).value_or(ResourceStatus::Active);
        revision.tags = splitLines(rows->view(row, 6));
        revision.description = rows->text(row, 7);
        revisions.push_back(std::move(revision));
    }
    if (revisions.empty()) {
        return fail(
            ErrorCode::NotFound, "no " + ref.toString() + " was ever imported", m_db->locator());
    }
    return revisions;
}

Result<std::string> PgStore::fingerprint(const AsOf &asOf)
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    auto fingerprint = fingerprintAt(*import ? (*import)->value : 0);
    if (fingerprint)
        TRY(read.commit());
    return fingerprint;
}

Result<std::string> PgStore::fingerprintAt(std::int64_t import)
{
    auto rows = m_db->query("SELECT r.kind, r.name, r.version, r.definition_hash, v.metadata_hash"
                            " FROM resources r JOIN"
            + std::string(kPgCurrentRevisions) + "ON v.resource_id = r.id WHERE v.removed = 0",
        PgParams().add(import));
    if (!rows)
        return tl::unexpected(rows.error());
    std::vector<FingerprintEntry> entries;
    entries.reserve(std::size_t(rows->rows()));
    for (int row = 0; row < rows->rows(); ++row) {
        const Ref ref{parseKind(rows->view(row, 0)).value_or(ResourceKind::Source),
            rows->text(row, 1), rows->text(row, 2)};
        entries.push_back({ref.toString(), rows->text(row, 3), rows->text(row, 4)});
    }
    return fingerprintOf(std::move(entries));
}

} // namespace tributary::store
