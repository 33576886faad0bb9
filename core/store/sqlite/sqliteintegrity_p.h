// SPDX-License-Identifier: Apache-2.0
// Checks that a catalog file is whole before anything reads or writes it. Both checks only
// read: a damaged catalog is reported and left exactly as it was found.
#pragma once

#include <string>

#include "tributary/base/result.h"

namespace tributary::store {

class SqliteDatabase;

// From the file alone, before SQLite opens it: is it a SQLite database, and does it hold every
// page its header records? A copy that stopped early or a full disk leaves a file shorter than
// its header says, which SQLite would notice only when a query reached a missing page. A file
// that does not exist or is empty passes (it is a new catalog). Errors: Invalid (not a SQLite
// database), Corrupt (cut short), Io.
Result<void> checkCatalogFile(const std::string &path);

// SQLite's own structural check (PRAGMA quick_check): every page of every table and index is
// well formed and in its place. It reads the whole file once. Errors: Corrupt.
Result<void> checkCatalogStructure(SqliteDatabase &db);

} // namespace tributary::store
