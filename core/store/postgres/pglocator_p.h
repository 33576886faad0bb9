// SPDX-License-Identifier: Apache-2.0
// PostgreSQL connection strings as Tributary shows them: recognised, and never with a password.
#pragma once

#include <string>
#include <string_view>

namespace tributary::store {

// A libpq URI (postgresql://, postgres://) or keyword string ("service=team", "host=db
// dbname=cat"): a first word followed by '=' that is a keyword, not a file name with '=' in it.
bool isPgLocator(std::string_view locator);

// `locator` with any password removed: `user:secret@` becomes `user@` in a URI, and
// `password=...` goes from the query of a URI or from a keyword string.
std::string withoutPassword(std::string_view locator);

} // namespace tributary::store
