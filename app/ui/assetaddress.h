// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <QUrl>

#include "tributary/model/ref.h"

namespace tributary::ui {

// Every asset has an address: tributary://feature/avg_spend@v2 (providers and entities without
// a version). Addresses can be copied, pasted, and linked from Markdown.
QUrl addressOf(const Ref &ref);
// The ref an address names; nullopt when it is not a well-formed asset address.
std::optional<Ref> refFromAddress(const QUrl &url);
// Accepts an address, or kind:name@version as a person would type it.
std::optional<Ref> refFromText(const QString &text);

} // namespace tributary::ui
