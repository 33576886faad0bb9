// SPDX-License-Identifier: Apache-2.0
// Shared by the importers of other tools' files (OpenLineage events, dbt manifests): reading a
// JSON file with the place of a syntax error, names made valid for the catalog, and versions
// from content, so a changed definition becomes a new version rather than a conflict.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tributary/base/result.h"
#include "tributary/base/sourcelocation.h"
#include "tributary/model/catalog.h"

namespace tributary::import_detail {

// A file as read: its bytes, and the CatalogFile (path as given, sha256, size) that every
// resource read from it cites.
struct ReadFile {
    std::string text;
    CatalogFile file;
};

// Reads `path` whole. Errors: NotFound, Io.
Result<ReadFile> readFile(const std::string &path);

// Line and column (from 1) of byte `offset` in `text`.
SourceLocation locationAt(const std::string &label, std::string_view text, std::size_t offset);

// Parses `text` (of file `label`) as one JSON document. Errors: Invalid at file:line:column
// of the first syntax error, saying what was expected.
Result<nlohmann::json> parseJson(const std::string &label, std::string_view text);

// `text` as a catalog name ([A-Za-z_][A-Za-z0-9_.-]*): other characters become '_', runs of
// them one '_', and a name that would start with a digit or '.' gets a leading '_'.
std::string catalogName(std::string_view text);

// `prefix` + the first 10 hex digits of sha256(`content`): a version that changes exactly when
// what it is computed from changes.
std::string contentVersion(std::string_view prefix, std::string_view content);

} // namespace tributary::import_detail
