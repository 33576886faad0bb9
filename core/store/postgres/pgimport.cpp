// SPDX-License-Identifier: Apache-2.0
// Writing an import into the PostgreSQL catalog: one transaction that first takes the import
// lock, so importers on any machine queue; then the plan, made from what is stored, so a
// conflict is found before anything is written. A client killed half-way leaves nothing: the
// server rolls back a transaction whose connection is gone.
#include "pgimportwriter_p.h"
#include "pgschema_p.h"
#include "pgstore_p.h"

namespace tributary::store {
namespace {

// Rows wait in memory up to this size before they are sent: large enough that COPY, not
// round trips, sets the pace; small enough to keep the memory of an L import modest.
constexpr std::size_t kBatchBytes = 8u << 20;
// Imports that write fewer resources leave statistics to autovacuum.
constexpr std::size_t kAnalyzeAfter = 1000;

} // namespace

Result<StoredVersions> PgStore::storedVersions()
{
    auto rows = m_db->query(
        "SELECT r.id, r.kind, r.name, r.version, r.definition_hash, r.origin, r.created_file,"
        " r.created_line, r.created_import, v.metadata_hash, v.removed"
        " FROM resources r JOIN (SELECT DISTINCT ON (resource_id) * FROM revisions"
        " ORDER BY resource_id DESC, import_id DESC) v ON v.resource_id = r.id");
    if (!rows)
        return tl::unexpected(rows.error());
    StoredVersions versions;
    versions.reserve(std::size_t(rows->rows()));
    for (int row = 0; row < rows->rows(); ++row) {
        const Ref ref{parseKind(rows->view(row, 1)).value_or(ResourceKind::Source),
            rows->text(row, 2), rows->text(row, 3)};
        versions.emplace(ref.toString(),
            StoredVersion{rows->int64(row, 0), rows->text(row, 4), rows->text(row, 9),
                rows->int64(row, 10) != 0, rows->text(row, 5), rows->text(row, 6),
                int(rows->int64(row, 7)), ImportId{rows->int64(row, 8)}});
    }
    return versions;
}

Result<std::vector<std::string>> PgStore::describeConflicts(const std::vector<Conflict> &conflicts)
{
    std::vector<std::string> lines;
    for (const Conflict &conflict : conflicts) {
        auto row = m_db->query("SELECT r.definition, i.source_path FROM resources r"
                               " JOIN imports i ON i.id = r.created_import WHERE r.id = $1::bigint",
            PgParams().add(conflict.stored.resourceId));
        if (!row)
            return tl::unexpected(row.error());
        const bool found = row->rows() > 0;
        lines.push_back(describeConflict(conflict, found ? row->text(0, 0) : std::string("{}"),
            found ? row->text(0, 1) : std::string()));
    }
    return lines;
}

Result<ImportSummary> PgStore::importCatalog(const Catalog &catalog, const ImportOptions &options)
{
    if (m_readOnly) {
        return fail(ErrorCode::Invalid, "the catalog is open read-only; nothing was imported",
            m_db->locator(), "import with `tributary import`, which opens it for writing");
    }
    // READ COMMITTED, not a snapshot: each statement after the lock sees the import that held
    // it before, where a snapshot taken at the lock's statement would not.
    PgTransaction transaction(*m_db);
    TRY(transaction.begin("BEGIN ISOLATION LEVEL READ COMMITTED"));
    TRY(m_db->query("SELECT pg_advisory_xact_lock($1::bigint)", PgParams().add(kImportLockKey)));
    auto summary = importLocked(catalog, options);
    if (summary && summary->recorded)
        TRY(transaction.commit());
    return summary;
}

Result<ImportSummary> PgStore::importLocked(const Catalog &catalog, const ImportOptions &options)
{
    auto last = m_db->query("SELECT id, at FROM imports ORDER BY id DESC LIMIT 1");
    if (!last)
        return tl::unexpected(last.error());
    const bool hasLast = last->rows() > 0;
    const std::int64_t lastId = hasLast ? last->int64(0, 0) : 0;
    const Timestamp lastAt{hasLast ? last->int64(0, 1) : 0};
    const Timestamp at = options.at.value_or(std::max(Timestamp::now(), lastAt));
    if (hasLast && at < lastAt) {
        return fail(ErrorCode::Invalid,
            "cannot record an import at " + at.toIso() + ", before the last import ("
                + std::to_string(lastId) + ", at " + lastAt.toIso() + ")",
            m_db->locator(),
            "history is replayed in order: give a time not before " + lastAt.toIso());
    }

    auto stored = storedVersions();
    if (!stored)
        return tl::unexpected(stored.error());
    const ImportPlan plan = planImport(catalog, *stored, options.origin);
    if (!plan.conflicts.empty()) {
        auto details = describeConflicts(plan.conflicts);
        if (!details)
            return tl::unexpected(details.error());
        const std::size_t n = plan.conflicts.size();
        return tl::unexpected(Error{ErrorCode::Conflict,
            std::to_string(n) + " stored version" + (n > 1 ? "s" : "")
                + " would change; nothing was imported",
            m_db->locator(), {}, std::move(*details)});
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

    const std::int64_t import = lastId + 1;
    const ImportCounts counts = plan.counts();
    TRY(m_db->query("INSERT INTO imports (id, at, author, tool_version, origin, source_path,"
                    " fingerprint, added, revised, removed, unchanged) VALUES ($1::bigint,"
                    " $2::bigint, $3, $4, $5, $6, '', $7::bigint, $8::bigint, $9::bigint,"
                    " $10::bigint)",
        PgParams()
            .add(import)
            .add(at.seconds)
            .add(options.author)
            .add(options.toolVersion)
            .add(options.origin)
            .add(options.sourcePath)
            .add(std::int64_t(counts.added))
            .add(std::int64_t(counts.revised))
            .add(std::int64_t(counts.removed))
            .add(std::int64_t(counts.unchanged))));
    for (const CatalogFile &file : catalog.files) {
        TRY(m_db->query("INSERT INTO import_files (import_id, path, sha256, bytes)"
                        " VALUES ($1::bigint, $2, $3, $4::bigint)",
            PgParams().add(import).add(file.path).add(file.sha256).add(std::int64_t(file.bytes))));
    }

    auto writer = PgImportWriter::start(*m_db, import, options.origin);
    if (!writer)
        return tl::unexpected(writer.error());
    // Progress every few hundred resources: often enough for a bar, rare enough to cost nothing.
    const std::size_t total = plan.create.size() + plan.revise.size() + plan.remove.size();
    std::size_t done = 0;
    const auto advance = [&]() -> Result<void> {
        ++done;
        // The last report comes when every row is sent: only the fingerprint is left then.
        if (writer->pending() > kBatchBytes || done == total)
            TRY(writer->flush());
        if (options.progress && (done % 256 == 0 || done == total)
            && !options.progress(done, total)) {
            return fail(
                ErrorCode::Cancelled, "import cancelled; nothing was imported", m_db->locator());
        }
        return {};
    };
    for (const PlannedResource &planned : plan.create) {
        writer->create(planned);
        TRY(advance());
    }
    for (const PlannedResource &planned : plan.revise) {
        writer->revise(planned, planned.restored ? "restored" : "revised");
        TRY(advance());
    }
    for (std::int64_t id : plan.remove) {
        writer->remove(id);
        TRY(advance());
    }
    TRY(writer->flush());

    auto fingerprint = fingerprintAt(import);
    if (!fingerprint)
        return tl::unexpected(fingerprint.error());
    TRY(m_db->query("UPDATE imports SET fingerprint = $2 WHERE id = $1::bigint",
        PgParams().add(import).add(*fingerprint)));
    // A large import leaves the planner's statistics far from the tables; readers right after
    // it would get plans made for empty tables. Where autovacuum would analyze anyway (a tenth
    // of the catalog changed), do it now, inside the transaction (owners only; others skip).
    if (total >= kAnalyzeAfter && total * 10 >= stored->size()) {
        TRY(m_db->exec(
            "ANALYZE imports, import_files, resources, revisions, revision_tags, columns,"
            " resource_edges, column_edges, search"));
    }

    summary.recorded = true;
    summary.record = {ImportId{import}, at, options.author, options.toolVersion, options.origin,
        options.sourcePath, *fingerprint, counts, catalog.files};
    return summary;
}

} // namespace tributary::store
