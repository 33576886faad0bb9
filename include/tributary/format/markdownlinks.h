// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/model/ref.h"

namespace tributary {

// One `[[kind:name@version]]` link in a Markdown description.
struct MarkdownLink {
    std::size_t offset = 0; // of the first '['
    std::size_t length = 0; // through the last ']'
    std::string text;       // between the brackets
    std::optional<Ref> ref; // empty when the text is not a valid reference
    std::string error;      // why, when ref is empty
};

// Every link in `markdown`, in order. The kind defaults to feature when no prefix is written.
std::vector<MarkdownLink> findMarkdownLinks(std::string_view markdown);

} // namespace tributary
