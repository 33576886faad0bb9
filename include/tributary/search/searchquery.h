// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/model/resource.h"

namespace tributary {

// A search as a person types it: words, plus `kind:`, `tag:`, `owner:` and `stage:` filters.
// Filters of one key are alternatives (kind:feature kind:label); different keys all apply.
struct SearchQuery {
    std::vector<std::string> terms;
    std::vector<ResourceKind> kinds;
    std::vector<std::string> tags;
    std::vector<std::string> owners;
    std::vector<ModelStage> stages;
    std::size_t limit = 50;

    bool isEmpty() const;
};

// Parses "kind:feature tag:pii spend". Words may be quoted ("avg spend"). A `key:value` whose
// key is not a filter is kept as a word. Errors: Invalid for an unknown kind or stage.
Result<SearchQuery> parseSearchQuery(std::string_view text);

} // namespace tributary
