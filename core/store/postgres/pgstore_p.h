// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include "importplan_p.h"
#include "pgconnection_p.h"
#include "tributary/store/catalogstore.h"

namespace tributary::store {

// Which revision of each resource stands at import $1, in the three shapes the queries need:
// a condition on r and v for a lookup by name; the current revisions as a table (v) to join
// for reads of the whole catalog; and one lateral lookup per row for a few rows found first
// (search hits). Each holds its plan without the planner's statistics, which a large import
// leaves stale until autovacuum comes by.
inline constexpr std::string_view kPgCurrentRevision
    = " v.import_id = (SELECT max(w.import_id) FROM revisions w"
      " WHERE w.resource_id = r.id AND w.import_id <= $1::bigint) ";
inline constexpr std::string_view kPgCurrentRevisions
    = " (SELECT DISTINCT ON (resource_id) * FROM revisions WHERE import_id <= $1::bigint"
      " ORDER BY resource_id DESC, import_id DESC) v ";
inline constexpr std::string_view kPgCurrentRevisionOfEach
    = " CROSS JOIN LATERAL (SELECT * FROM revisions w WHERE w.resource_id = r.id"
      " AND w.import_id <= $1::bigint ORDER BY w.import_id DESC LIMIT 1) v ";
inline constexpr std::string_view kPgSummaryColumns
    = "r.kind, r.name, r.version, r.stage, v.owner, v.status, v.tags, v.description";

// One ResourceSummary from kPgSummaryColumns, starting at `first`.
ResourceSummary summaryAt(const PgResult &rows, int row, int first);

// The catalog in a PostgreSQL database, in the connection's current schema. Reads that take
// several statements run in one REPEATABLE READ snapshot; imports queue on an advisory lock.
// After an Unavailable error the connection is gone: open the store again.
class PgStore final : public CatalogStore
{
public:
    // Errors: see openCatalogStore.
    static Result<std::unique_ptr<PgStore>> open(const std::string &locator, OpenMode mode);

    std::string locator() const override { return m_db->locator(); }
    Result<ImportSummary> importCatalog(
        const Catalog &catalog, const ImportOptions &options) override;
    Result<std::vector<ImportRecord>> imports() override;
    Result<std::vector<ImportChanges>> importChanges(const AsOf &asOf) override;
    Result<std::optional<ImportId>> resolve(const AsOf &asOf) override;
    Result<std::vector<ResourceSummary>> list(
        const ResourceFilter &filter, const AsOf &asOf) override;
    Result<StoredResource> get(const Ref &ref, const AsOf &asOf) override;
    Result<std::vector<Ref>> findByName(
        std::string_view name, std::optional<ResourceKind> kind, const AsOf &asOf) override;
    Result<std::vector<SearchHit>> search(const SearchQuery &query, const AsOf &asOf) override;
    Result<std::vector<Revision>> history(const Ref &ref) override;
    Result<std::string> fingerprint(const AsOf &asOf) override;
    Result<LineageSnapshot> lineageSnapshot(const AsOf &asOf) override;
    Result<StoreContent> content() override;

private:
    PgStore(std::unique_ptr<PgConnection> db, bool readOnly, std::string trigramSchema);

    Result<StoredVersions> storedVersions();
    Result<std::vector<std::string>> describeConflicts(const std::vector<Conflict> &conflicts);
    Result<std::string> fingerprintAt(std::int64_t import);
    Result<Provenance> provenance(std::int64_t import, const std::string &file, int line);
    Result<ImportSummary> importLocked(const Catalog &catalog, const ImportOptions &options);

    std::unique_ptr<PgConnection> m_db;
    bool m_readOnly = false;
    std::string m_trigramSchema; // quoted; "" without pg_trgm (no fuzzy name matches then)
};

} // namespace tributary::store
