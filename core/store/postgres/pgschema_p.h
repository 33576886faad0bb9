// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "pgconnection_p.h"

namespace tributary::store {

// The key of the transaction-scoped advisory lock every import and migration takes first
// ("TRIBIMPT"), so writers on any machine queue one behind the other.
inline constexpr std::int64_t kImportLockKey = 0x5452'4942'494D'5054;

// The schema version this build writes; migrations 1..N bring an older catalog up to it.
int pgSchemaVersion();

// Brings the catalog in the connection's current schema to the current version, each
// migration in its own transaction under the import lock. With `readOnly`, only checks.
// Errors: NotFound (no catalog there, read-only), Invalid (not a Tributary catalog, no schema
// to use, newer schema, older schema where nothing may be written), Unavailable, Database.
Result<void> migratePgSchema(PgConnection &db, bool readOnly);

// The schema holding pg_trgm, quoted for SQL ("public"), or "" when it is not installed.
Result<std::string> trigramSchema(PgConnection &db);

} // namespace tributary::store
