// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sqlitedb_p.h"

namespace tributary::store {

// 'TRIB': marks a SQLite file as a Tributary catalog (PRAGMA application_id).
inline constexpr std::int64_t kSqliteApplicationId = 0x54524942;

// The schema version this build writes; migrations 1..N bring any older file up to it.
int sqliteSchemaVersion();

// Brings the file's schema to the current version, each migration in its own transaction.
// With `readOnly`, only checks. Errors: Invalid (not a catalog, newer or older schema where
// nothing may be written), Database.
Result<void> migrateSqliteSchema(SqliteDatabase &db, bool readOnly);

} // namespace tributary::store
