// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/model/catalog.h"

namespace tributary {

// What a dbt manifest (schema v1 to v12) became: the catalog to import with origin "dbt",
// and what was left out or guessed, for people to read.
struct DbtImport {
    Catalog catalog;
    std::string schemaVersion;                 // "v12", from metadata.dbt_schema_version
    std::map<std::string, std::size_t> imported; // per dbt resource type: "model", "seed", ...
    std::map<std::string, std::size_t> skipped;  // tests, macros, exposures, metrics, ...
    std::size_t edges = 0;                     // depends_on edges kept as inputs
    std::vector<std::string> warnings;         // raw SQL fallbacks, unknown schema, ...
};

// Reads `manifestPath` (and, when not empty, `catalogPath`, dbt's catalog.json, for column
// types): models and snapshots become transformations, seeds and dbt sources tables. Errors:
// NotFound, Io, Invalid at file:line:column (not JSON, not a manifest, a field of the wrong type).
Result<DbtImport> importDbt(const std::string &manifestPath, const std::string &catalogPath = {});

// The same from texts already read; `manifestLabel` and `catalogLabel` name them in locations.
// An empty `catalogText` means no catalog.json. Catalog::files is left empty.
Result<DbtImport> importDbtText(const std::string &manifestLabel, const std::string &manifestText,
                                const std::string &catalogLabel = {},
                                const std::string &catalogText = {});

} // namespace tributary
