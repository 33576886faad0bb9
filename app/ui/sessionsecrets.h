// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string>

namespace tributary::ui {

// Passwords for server connections, held in this process's memory only: never in settings,
// logs, titles or messages. Everything else names a catalog by its locator, which has no
// password; only opening a connection asks for the full connection string.

// Keeps `password`, typed for `locator` (a connection without one), for this session. An empty
// password forgets it.
void rememberPassword(const QString &locator, const QString &password);
// `typed` (from a command line, say) without its password, which is kept as above: the result
// is what the app shows and saves from then on.
QString keepPasswordAside(const QString &typed);
// The connection string to open `locator` with: the locator, plus the password kept for it in
// this session, if any.
std::string connectionString(const QString &locator);

} // namespace tributary::ui
