// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/storetypes.h"

namespace tributary {

struct DocsSiteOptions {
    std::string output; // the folder; replaced only when the new site is complete
    AsOf asOf; // resolved once to an import, so every page shows one point
    PropagationPolicy policy;
    std::string policyName; // shown on every page; "" for none
    std::string catalogName; // shown on every page; "": the catalog file's name (a server: its
                             // locator without password)
    unsigned threads = 0; // 0: std::thread::hardware_concurrency()
    // Optional; called on the calling thread with pages written so far and in all; false
    // cancels (Cancelled), leaving the output as it was.
    std::function<bool(std::size_t done, std::size_t total)> progress;
};

struct DocsSiteSummary {
    std::size_t pages = 0; // HTML pages written (assets, lists, index, search)
    std::uint64_t bytes = 0; // every file of the site
    std::uint64_t indexBytes = 0; // search-index.js
    std::string fingerprint;
    ImportId import;
};

// Writes the static docs site of the catalog at `locator` (docs/docsite.md): pages that open
// from file:// with no server and nothing remote. Each worker opens its own read-only store.
// Written into a temporary folder beside the output, then swapped in: never a half site.
// Errors: Invalid (a non-empty output folder that is not an earlier site, left untouched; an
// empty catalog), NotFound (catalog, import), Cancelled, Io, Database, Unavailable.
Result<DocsSiteSummary> exportDocsSite(const std::string &locator, const DocsSiteOptions &options);

} // namespace tributary
