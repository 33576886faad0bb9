// SPDX-License-Identifier: Apache-2.0
#include "tributary/store/refresolver.h"

#include <algorithm>

#include "tributary/base/suggest.h"

namespace tributary {

Result<Ref> resolveRef(CatalogStore &store, const RefText &text, const AsOf &asOf)
{
    auto named = store.findByName(text.name, text.kind, asOf);
    if (!named)
        return tl::unexpected(named.error());
    std::vector<Ref> matches;
    for (const Ref &ref : *named) {
        if (!text.version || ref.version == *text.version)
            matches.push_back(ref);
    }
    const std::string written = (text.kind ? std::string(kindName(*text.kind)) + ":" : std::string())
                                + text.name + (text.version ? "@" + *text.version : std::string());
    if (matches.size() == 1 && (text.version || !isVersioned(matches.front().kind)))
        return matches.front();

    Error error{ErrorCode::NotFound, {}, store.locator(), {}, {}};
    const std::vector<Ref> &candidates = matches.empty() ? *named : matches;
    for (const Ref &ref : candidates)
        error.details.push_back("  candidate: " + ref.toString());
    const bool missingVersion = !text.version && !matches.empty()
                                && std::all_of(matches.begin(), matches.end(),
                                               [](const Ref &ref) { return isVersioned(ref.kind); });
    if (missingVersion) {
        error.message = "'" + written + "' names no version";
        error.hint = "a reference always names its version, e.g. " + matches.back().shortString();
    } else if (matches.size() > 1) {
        error.message = "'" + written + "' is ambiguous";
        error.hint = "write the kind first, e.g. " + matches.front().toString();
    } else if (matches.size() == 1) {
        error.message = "'" + written + "' names no version";
        error.hint = "write " + matches.front().shortString();
    } else if (!named->empty()) {
        error.message = "no version '" + text.version.value_or("") + "' of '" + text.name + "'";
    } else {
        error.message = "nothing named '" + written + "'" + (asOf.isLatest() ? "" : " as of " + asOf.toString());
        // A typo first: names within a few edits. Only on this error path, so listing is fine.
        ResourceFilter filter;
        filter.kind = text.kind;
        if (auto all = store.list(filter, asOf)) {
            std::vector<std::string> names;
            for (const ResourceSummary &row : *all)
                names.push_back(row.ref.name);
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end()), names.end());
            if (std::string guess = didYouMean(text.name, names); !guess.empty())
                error.details.push_back("  " + guess);
        }
        SearchQuery query;
        query.terms = {text.name};
        query.limit = 5;
        if (auto similar = store.search(query); similar && !similar->empty()) {
            for (const SearchHit &hit : *similar)
                error.details.push_back("  similar: " + hit.summary.ref.toString());
        }
        error.hint = "search with `tributary search " + text.name + "`";
    }
    return tl::unexpected(error);
}

} // namespace tributary
