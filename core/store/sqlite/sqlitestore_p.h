// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

#include "importplan_p.h"
#include "sqlitedb_p.h"
#include "tributary/store/catalogstore.h"

namespace tributary::store {

// One ResourceSummary from the columns "r.kind, r.name, r.version, r.stage, v.owner, v.status,
// v.tags, v.description" starting at `first`.
ResourceSummary summaryAt(const SqliteStatement &row, int first);

// The catalog in one SQLite file (WAL mode). Reads see the last committed import.
class SqliteStore final : public CatalogStore
{
public:
    static Result<std::unique_ptr<SqliteStore>> open(const std::string &path, OpenMode mode);

    std::string locator() const override { return m_db->path(); }
    Result<ImportSummary> importCatalog(const Catalog &catalog, const ImportOptions &options) override;
    Result<std::vector<ImportRecord>> imports() override;
    Result<std::vector<ImportChanges>> importChanges(const AsOf &asOf) override;
    Result<std::optional<ImportId>> resolve(const AsOf &asOf) override;
    Result<std::vector<ResourceSummary>> list(const ResourceFilter &filter, const AsOf &asOf) override;
    Result<StoredResource> get(const Ref &ref, const AsOf &asOf) override;
    Result<std::vector<Ref>> findByName(std::string_view name, std::optional<ResourceKind> kind,
                                        const AsOf &asOf) override;
    Result<std::vector<SearchHit>> search(const SearchQuery &query, const AsOf &asOf) override;
    Result<std::vector<Revision>> history(const Ref &ref) override;
    Result<std::string> fingerprint(const AsOf &asOf) override;
    Result<LineageSnapshot> lineageSnapshot(const AsOf &asOf) override;
    Result<StoreContent> content() override;
    // Writes `content` into this store, which must be empty, in one transaction, and builds its
    // search index. Errors: Invalid (the store is not empty), Database.
    Result<void> load(const StoreContent &content);

private:
    explicit SqliteStore(std::unique_ptr<SqliteDatabase> db);

    Result<StoredVersions> storedVersions();
    Result<std::vector<std::string>> describeConflicts(const std::vector<Conflict> &conflicts);
    Result<std::string> fingerprintAt(std::int64_t import);
    Result<void> applyPlan(const ImportPlan &plan, std::int64_t import);
    Result<Provenance> provenance(std::int64_t import, const std::string &file, int line);

    std::unique_ptr<SqliteDatabase> m_db;
};

} // namespace tributary::store
