// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/lineage/lineagesnapshot.h"
#include "tributary/search/searchquery.h"
#include "tributary/store/storecontent.h"
#include "tributary/store/storetypes.h"

namespace tributary {

// A catalog with its full history, kept in a database. Every backend keeps the same logical
// content, so the same imports give the same answers and the same fingerprint.
// Not thread-safe: use one instance per thread.
class CatalogStore
{
public:
    virtual ~CatalogStore() = default;

    // Where it lives, for messages: a file path or a connection string without password.
    virtual std::string locator() const = 0;

    // Records the catalog as the new state of resources of `options.origin`, all or nothing:
    // new versions are added, changed metadata revised, versions missing from `catalog` marked
    // removed. Errors: Conflict when a stored version's definition differs (every one listed
    // in Error::details, naming both places; nothing is written), Invalid for a time before
    // the last import, Database.
    virtual Result<ImportSummary> importCatalog(const Catalog &catalog,
                                                const ImportOptions &options) = 0;

    // Every import, oldest first, with its files.
    virtual Result<std::vector<ImportRecord>> imports() = 0;
    // Every import up to `asOf`, oldest first, with what it did to each kind (for growth
    // charts: present after import n = sum of created + restored - removed up to n).
    // Errors: NotFound (unknown import), Database.
    virtual Result<std::vector<ImportChanges>> importChanges(const AsOf &asOf) = 0;
    // The import that `asOf` stands at; nullopt before the first import. Errors: NotFound for
    // an import id that does not exist.
    virtual Result<std::optional<ImportId>> resolve(const AsOf &asOf) = 0;

    // Resources present at `asOf`, ordered by kind, name and version.
    virtual Result<std::vector<ResourceSummary>> list(const ResourceFilter &filter,
                                                      const AsOf &asOf) = 0;
    // One resource as it stood at `asOf`. Errors: NotFound.
    virtual Result<StoredResource> get(const Ref &ref, const AsOf &asOf) = 0;
    // Every resource named `name` (of `kind`, if given) present at `asOf`.
    virtual Result<std::vector<Ref>> findByName(std::string_view name,
                                                std::optional<ResourceKind> kind,
                                                const AsOf &asOf) = 0;
    // Search over names, descriptions, owners, tags and column names as they stood at `asOf`;
    // best first. The latest catalog is searched by words (prefixes), an earlier point by
    // substrings. Errors: NotFound (unknown import), Database.
    virtual Result<std::vector<SearchHit>> search(const SearchQuery &query,
                                                  const AsOf &asOf = AsOf::latest()) = 0;
    // Every revision of one resource, oldest first. Errors: NotFound.
    virtual Result<std::vector<Revision>> history(const Ref &ref) = 0;
    // sha256 of the logical content at `asOf`; equal across backends for equal content.
    virtual Result<std::string> fingerprint(const AsOf &asOf) = 0;
    // The resources, columns and lineage edges present at `asOf`, read in one pass, for
    // LineageGraph::build. Errors: NotFound (unknown import), Database.
    virtual Result<LineageSnapshot> lineageSnapshot(const AsOf &asOf) = 0;
    // Every row of every table, read in one consistent snapshot, for an offline copy.
    // Errors: Database, Unavailable.
    virtual Result<StoreContent> content() = 0;
};

enum class OpenMode {
    ReadOnly,  // must exist; nothing is written
    ReadWrite, // must exist; migrated to the current schema if older
    Create,    // created if missing
};

// Opens the store at `locator`: a `.sqlite` file path, or a PostgreSQL connection (a libpq URI
// `postgresql://...`, or keywords such as `service=team host=... dbname=...`). ReadOnly on
// PostgreSQL opens a session with default_transaction_read_only, which a role with only SELECT
// can use. Errors: NotFound, Invalid (not a catalog, written by a newer Tributary, or a server
// that refuses: bad credentials, no such database; the hint says what to do), Unavailable (the
// server cannot be reached), Database.
Result<std::unique_ptr<CatalogStore>> openCatalogStore(const std::string &locator, OpenMode mode);

// What the store holds at its latest point from origins other than `origin` (an importer's
// sources, for a YAML catalog), as far as references need them: each resource's ref and, for
// sources, its columns by name. Empty for a store without imports. Errors: Database, Unavailable.
Result<std::vector<Resource>> resourcesOfOtherOrigins(CatalogStore &store, std::string_view origin);

// Is `locator` a PostgreSQL connection rather than a file?
bool isServerLocator(std::string_view locator);

// `locator` as it may be shown, logged or saved: a server connection without its password
// (`user:secret@` and `password=...` removed); anything else unchanged.
std::string locatorWithoutPassword(std::string_view locator);

// Writes an offline copy of `source` to the SQLite file `path`: every import, version,
// revision and edge, so as-of works offline and every import keeps its fingerprint (checked
// before the copy is put in place). Written to a temporary file and renamed; an existing file
// is replaced only when the copy is complete. Errors: Io, Database, Unavailable, Internal (a
// fingerprint differs).
Result<void> writeOfflineCopy(CatalogStore &source, const std::string &path);

} // namespace tributary
