// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <string_view>

#include "tributary/base/diagnostic.h"
#include "tributary/model/catalog.h"

namespace tributary {

// Definitions that were present but could not be read. References into them are not reported
// as dangling: one mistake should give one error, not a cascade.
struct UnreadParts {
    bool documents = false;                                 // a document failed to parse
    std::set<ResourceKind> kinds;                           // a section or entry was unreadable
    std::set<std::pair<ResourceKind, std::string>> names;   // a resource lacked a valid version

    bool covers(const Ref &ref) const;
};

// A catalog read from YAML, with every problem found in it. The catalog holds whatever could
// be read; it is fit to import only when `ok()`.
struct CatalogLoad {
    Catalog catalog;
    Diagnostics diagnostics;
    UnreadParts unread;

    bool ok() const { return !hasErrors(diagnostics); }
};

// Called after each file with (files done, files in all); return false to stop reading.
using ReadProgress = std::function<bool(std::size_t done, std::size_t total)>;

// Reads every *.yaml / *.yml file under `dir`, recursively in path order, skipping hidden
// entries and the propagation policy (`policy.yaml` at the top). Diagnostics name files as
// `dir/relative/path`. Never throws; unreadable files are diagnostics.
CatalogLoad readCatalogFolder(const std::filesystem::path &dir, const ReadProgress &progress = {});

// Reads one file's text into `load`, naming it `file` in diagnostics and in the catalog.
void readCatalogText(std::string_view text, const std::string &file, CatalogLoad &load);

// The checks across resources: duplicate versions, references (bare, dangling, wrong kind),
// columns that sources lack, lineage cycles, links in descriptions (warnings). References may
// also point at `known` resources: what the store already holds from other origins (imported
// OpenLineage or dbt sources, say), which the catalog uses without defining.
void validateCatalog(CatalogLoad &load, const std::vector<Resource> &known = {});

// readCatalogFolder, then validateCatalog; diagnostics sorted by place.
CatalogLoad loadCatalog(const std::filesystem::path &dir, const ReadProgress &progress = {},
                        const std::vector<Resource> &known = {});

} // namespace tributary
