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

struct ImportPlan {
    std::vector<PlannedResource> create;
    std::vector<PlannedResource> revise;
    std::vector<std::int64_t> remove; // resource ids
    std::size_t unchanged = 0;
    // One line per changed immutable version, "file:line:column: error: ...".
    std::vector<std::string> conflicts;

    bool changesSomething() const { return !create.empty() || !revise.empty() || !remove.empty(); }
    ImportCounts counts() const { return {create.size(), revise.size(), remove.size(), unchanged}; }
};

// Compares the catalog with what is stored. Versions of `origin` missing from the catalog are
// planned for removal; versions of other origins are left alone.
ImportPlan planImport(const Catalog &catalog, const StoredVersions &stored, const std::string &origin);

// One line of fingerprint input per present resource.
struct FingerprintEntry {
    std::string ref; // Ref::toString()
    std::string definitionHash;
    std::string metadataHash;
};

// sha256 over the entries sorted by ref: independent of row order and backend.
std::string fingerprintOf(std::vector<FingerprintEntry> entries);

} // namespace tributary::store
