// SPDX-License-Identifier: Apache-2.0
// Shared by the XML exports of a drawing (GraphML, SVG).
#pragma once

#include <string>
#include <string_view>

namespace tributary::layout_detail {

// XML text: the five special characters escaped; control characters XML 1.0 forbids dropped;
// bytes that are not UTF-8 replaced (U+FFFD), so the file always parses.
std::string xmlText(std::string_view text);

} // namespace tributary::layout_detail
