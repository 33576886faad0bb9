// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/base/timestamp.h"
#include "tributary/model/catalog.h"

namespace tributary {

// The number of an import in one store, counting from 1 in the order they happened.
struct ImportId {
    std::int64_t value = 0;
    auto operator<=>(const ImportId &) const = default;
};

// A point in a catalog's history: now, just after an import, or at a time.
struct AsOf {
    std::variant<std::monostate, ImportId, Timestamp> point;

    static AsOf latest() { return {}; }
    static AsOf import(ImportId id) { return {id}; }
    static AsOf time(Timestamp at) { return {at}; }
    bool isLatest() const { return std::holds_alternative<std::monostate>(point); }
    // "latest", "import 4", "2024-03-01T23:59:59Z"
    std::string toString() const;
    // "" or "latest"; an import number ("4", "#4"); or an ISO-8601 date or time.
    // Errors: Invalid.
    static Result<AsOf> parse(std::string_view text);
};

// What an import did to the resources it touched.
struct ImportCounts {
    std::size_t added = 0;
    std::size_t revised = 0;   // metadata changed, or restored after a removal
    std::size_t removed = 0;   // marked removed: absent from this import's files
    std::size_t unchanged = 0;
};

// What one import did to the resources of one kind: versions it created, marked removed,
// and brought back after a removal (metadata revisions are not counted).
struct KindChanges {
    std::size_t created = 0;
    std::size_t removed = 0;
    std::size_t restored = 0;
    auto operator<=>(const KindChanges &) const = default;
};

struct ImportChanges {
    ImportId import;
    Timestamp at;
    std::map<ResourceKind, KindChanges> byKind; // only the kinds it changed
};

struct ImportRecord {
    ImportId id;
    Timestamp at;
    std::string author;
    std::string toolVersion;
    std::string origin;     // "yaml" for catalog folders; importers add their own
    std::string sourcePath; // the folder or file imported, as given
    std::string fingerprint;
    ImportCounts counts;
    std::vector<CatalogFile> files;
};

// Called while an import writes, with resources written so far and in all; return false to
// cancel (the transaction is rolled back and the import fails with Cancelled).
using WriteProgress = std::function<bool(std::size_t done, std::size_t total)>;

struct ImportOptions {
    std::optional<Timestamp> at; // record as of this time (not before the last import)
    std::string author;
    std::string toolVersion;
    std::string origin = "yaml";
    std::string sourcePath;
    WriteProgress progress; // optional
};

struct ImportSummary {
    // False when the files matched the catalog exactly; no import is recorded then.
    bool recorded = false;
    ImportRecord record; // when not recorded: the import the catalog already stands at
    std::map<ResourceKind, std::size_t> perKind; // resources in the imported catalog
};

// What list and search return: enough to show a row without reading the definition.
struct ResourceSummary {
    Ref ref;
    std::string owner;
    std::vector<std::string> tags; // the resource's own tags, not its columns'
    ResourceStatus status = ResourceStatus::Active;
    std::optional<ModelStage> stage;
    std::string description;
};

struct ResourceFilter {
    std::optional<ResourceKind> kind;
    // Matches the resource's tags or its columns' tags; "pii" also matches "pii:direct".
    std::string tag;
    std::string owner; // exact, case-insensitive
    std::optional<ModelStage> stage;
    std::string name; // exact: every version of one name
};

// Where a stored fact came from: the import and file it rests on.
struct Provenance {
    ImportId import;
    Timestamp at;
    std::string file;
    int line = 0;
    std::string fileSha256;
};

// One resource as stored, with the evidence for its definition and its current metadata.
struct StoredResource {
    Resource resource;
    std::string definitionHash;
    Provenance created; // the import that defined this version
    Provenance revised; // the import that made its current metadata
};

enum class RevisionChange { Created, Revised, Removed, Restored };
std::string_view revisionChangeName(RevisionChange change);

struct Revision {
    RevisionChange change = RevisionChange::Created;
    Provenance provenance;
    std::string author;
    std::string owner;
    ResourceStatus status = ResourceStatus::Active;
    std::vector<std::string> tags;
    std::string description;
};

struct SearchHit {
    ResourceSummary summary;
    double score = 0; // higher is better
};

} // namespace tributary
