// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string_view>

namespace tributary::ui {

// Writes `bytes` to `path` as core's writeFileAtomically does (a temporary file flushed and
// renamed into place, the user's default permissions), so a failure or a crash leaves any
// earlier file as it was. Any thread. Returns an error for people, or an empty string.
QString writeFileAtomically(const QString &path, std::string_view bytes);

} // namespace tributary::ui
