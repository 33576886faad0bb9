// SPDX-License-Identifier: Apache-2.0
#include "dbt_p.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tributary::dbt_detail {
namespace {

// Keys whose places are kept: depth 2 (nodes.<id>) and depth 4 (nodes.<id>.columns.<name>).
bool wanted(const std::array<std::string, 4> &path, int depth)
{
    if (path[0] != "nodes" && path[0] != "sources")
        return false;
    return depth == 2 || (depth == 4 && path[2] == "columns");
}

} // namespace

KeyPlaces KeyPlaces::scan(const std::string &label, std::string_view text)
{
    // A small tokenizer: it follows strings and nesting only, which is all the key places
    // need; the text was already parsed, so it is valid JSON.
    KeyPlaces places;
    places.m_file = FileName(label);
    std::array<std::string, 4> path;
    std::vector<bool> inObject; // per open bracket: '{' (true) or '['
    int line = 1;
    std::size_t lineStart = 0;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        } else if (c == '{' || c == '[') {
            inObject.push_back(c == '{');
        } else if (c == '}' || c == ']') {
            if (!inObject.empty())
                inObject.pop_back();
        } else if (c == '"') {
            const std::size_t start = i;
            std::size_t j = i + 1;
            while (j < n && text[j] != '"')
                j += text[j] == '\\' ? 2 : 1;
            i = std::min(j, n);
            const int depth = int(inObject.size());
            if (depth < 1 || depth > 4 || !inObject.back())
                continue;
            std::size_t k = i + 1;
            while (k < n && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n'))
                ++k;
            if (k >= n || text[k] != ':')
                continue; // a value, not a key
            // Keys hold no newlines; escapes in ids are rare enough to keep raw.
            path[std::size_t(depth - 1)] = std::string(text.substr(start + 1, i - start - 1));
            if (!wanted(path, depth))
                continue;
            std::string key = depth == 2 ? path[1] : path[1] + '\x1f' + path[3];
            places.m_places.emplace(std::move(key),
                                    std::make_pair(line, int(start - lineStart) + 1));
        }
    }
    return places;
}

SourceLocation KeyPlaces::at(const std::string &id, const std::string &column) const
{
    const auto found = m_places.find(column.empty() ? id : id + '\x1f' + column);
    if (found == m_places.end())
        return {m_file, 0, 0};
    return {m_file, found->second.first, found->second.second};
}

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    for (char &c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

} // namespace tributary::dbt_detail
