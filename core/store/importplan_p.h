// SPDX-License-Identifier: Apache-2.0
// How an import changes a store, worked out the same way for every backend.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "tributary/store/storetypes.h"

namespace tributary::store {

// What a store holds of one version (keyed by Ref::toString()).
struct StoredVersion {
    std::int64_t resourceId = 0;
    std::string definitionHash;
    std::string metadataHash; // of its latest revision
    bool removed = false;     // its latest revision marks it removed
    std::string origin;
    std::string file;
    int line = 0;
    ImportId createdIn;
};
using StoredVersions = std::unordered_map<std::string, StoredVersion>;

struct PlannedResource {
    const Resource *resource = nullptr;
    std::string definitionText; // canonical JSON, as stored
    std::string metadataText;
    std::string definitionHash; // sha256 of the texts
    std::string metadataHash;
    std::string file; // relative to the catalog folder
    int line = 0;
    std::int64_t resourceId = 0; // of the stored version, when revising
    bool restored = false;       // revising a version that was marked removed
};

// A stored version whose definition the catalog changes.
struct Conflict {
    const Resource *resource = nullptr;
    StoredVersion stored;
};

struct ImportPlan {
    std::vector<PlannedResource> create;
    std::vector<PlannedResource> revise;
    std::vector<std::int64_t> remove; // resource ids
    std::size_t unchanged = 0;
    std::vector<Conflict> conflicts;

    bool changesSomething() const { return !create.empty() || !revise.empty() || !remove.empty(); }
    ImportCounts counts() const { return {create.size(), revise.size(), remove.size(), unchanged}; }
};

// Compares the catalog with what is stored. Versions of `origin` missing from the catalog are
// planned for removal; versions of other origins are left alone.
ImportPlan planImport(const Catalog &catalog, const StoredVersions &stored, const std::string &origin);

// "file:line:column: error: feature:x@v1 changes the definition of a stored version (imported
// in import 3 from dir/file.yaml:12): columns.amount.type "int64" -> "float64"; ...".
// `storedDefinition` is the stored canonical JSON; `storedSource` the import's source path.
std::string describeConflict(const Conflict &conflict, std::string_view storedDefinition,
                             const std::string &storedSource);

// One line of fingerprint input per present resource.
struct FingerprintEntry {
    std::string ref; // Ref::toString()
    std::string definitionHash;
    std::string metadataHash;
};

// sha256 over the entries sorted by ref: independent of row order and backend.
std::string fingerprintOf(std::vector<FingerprintEntry> entries);

} // namespace tributary::store
