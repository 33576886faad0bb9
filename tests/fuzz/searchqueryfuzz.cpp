// SPDX-License-Identifier: Apache-2.0
// The search box's parser: a query that parses, written back as text, parses to the same query.
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/search/searchquery.h"

using namespace tributary;

namespace {

// Quoted, so spaces stay inside one word; the parser removes quotes, so a word holds none.
std::string quoted(std::string_view prefix, std::string_view word)
{
    return std::string(prefix) + "\"" + std::string(word) + "\" ";
}

std::string queryText(const SearchQuery &query)
{
    std::string text;
    for (const std::string &term : query.terms)
        text += quoted("", term);
    for (const ResourceKind kind : query.kinds)
        text += quoted("kind:", kindName(kind));
    for (const std::string &tag : query.tags)
        text += quoted("tag:", tag);
    for (const std::string &owner : query.owners)
        text += quoted("owner:", owner);
    for (const ModelStage stage : query.stages)
        text += quoted("stage:", stageName(stage));
    return text;
}

bool sameQuery(const SearchQuery &a, const SearchQuery &b)
{
    return a.terms == b.terms && a.kinds == b.kinds && a.tags == b.tags && a.owners == b.owners
           && a.stages == b.stages && a.limit == b.limit;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    const auto query = parseSearchQuery(text);
    if (!query) {
        FUZZ_CHECK(query.error().code == ErrorCode::Invalid, query.error().toString());
        return 0;
    }
    for (const std::string &term : query->terms) {
        FUZZ_CHECK(!term.empty(), "an empty word is no term");
        FUZZ_CHECK(term.find('"') == std::string::npos, term);
    }
    const std::string written = queryText(*query);
    const auto again = parseSearchQuery(written);
    FUZZ_CHECK(again.has_value(), "'" + written + "' does not parse");
    FUZZ_CHECK(sameQuery(*query, *again), "'" + written + "' parses differently");
    FUZZ_CHECK(query->isEmpty() == written.empty(), written);
    return 0;
}
