// SPDX-License-Identifier: Apache-2.0
#include "tributary/search/searchquery.h"

namespace tributary {
namespace {

// Splits on whitespace, keeping "quoted words" together (quotes removed).
std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    bool quoted = false;
    bool any = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
            if (any || !current.empty())
                out.push_back(std::move(current));
            current.clear();
            any = false;
        } else {
            current += c;
        }
    }
    if (any || !current.empty())
        out.push_back(std::move(current));
    return out;
}

} // namespace

bool SearchQuery::isEmpty() const
{
    return terms.empty() && kinds.empty() && tags.empty() && owners.empty() && stages.empty();
}

Result<SearchQuery> parseSearchQuery(std::string_view text)
{
    SearchQuery query;
    for (std::string &word : words(text)) {
        const auto colon = word.find(':');
        const std::string key = colon == std::string::npos ? std::string() : word.substr(0, colon);
        const std::string value = colon == std::string::npos ? std::string() : word.substr(colon + 1);
        if (key == "kind") {
            const auto kind = parseKind(value);
            if (!kind) {
                return fail(ErrorCode::Invalid, "unknown kind '" + value + "' in the search", {},
                            "kinds are provider, entity, source, feature, label, training_set, model");
            }
            query.kinds.push_back(*kind);
        } else if (key == "tag" && !value.empty()) {
            query.tags.push_back(value);
        } else if (key == "owner" && !value.empty()) {
            query.owners.push_back(value);
        } else if (key == "stage") {
            const auto stage = parseStage(value);
            if (!stage) {
                return fail(ErrorCode::Invalid, "unknown stage '" + value + "' in the search", {},
                            "stages are development, staging, production, archived");
            }
            query.stages.push_back(*stage);
        } else if (!word.empty()) {
            query.terms.push_back(std::move(word));
        }
    }
    return query;
}

} // namespace tributary
