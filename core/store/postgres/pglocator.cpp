// SPDX-License-Identifier: Apache-2.0
// Recognising PostgreSQL locators and taking passwords out of them. Tributary never keeps a
// password: what it shows, logs or remembers is the locator without one.
#include <cctype>
#include <vector>

#include "pglocator_p.h"

namespace tributary::store {
namespace {

constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};

bool isUri(std::string_view locator)
{
    for (std::string_view scheme : kSchemes) {
        if (locator.starts_with(scheme))
            return true;
    }
    return false;
}

bool isSpace(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// "a=1&password=x&b=2" without the password parameter.
std::string queryWithoutPassword(std::string_view query)
{
    std::string kept;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view parameter = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (parameter.substr(0, parameter.find('=')) == "password")
            continue;
        if (!kept.empty())
            kept += '&';
        kept += parameter;
    }
    return kept;
}

std::string uriWithoutPassword(std::string_view uri)
{
    const std::size_t start = uri.find("://") + 3;
    std::size_t end = uri.find_first_of("/?", start);
    if (end == std::string_view::npos)
        end = uri.size();
    std::string out(uri.substr(0, start));
    std::string_view authority = uri.substr(start, end - start);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view user = authority.substr(0, at);
        out += user.substr(0, user.find(':'));
        out += authority.substr(at);
    } else {
        out += authority;
    }
    std::string_view rest = uri.substr(end);
    const std::size_t question = rest.find('?');
    out += rest.substr(0, question);
    if (question != std::string_view::npos) {
        const std::string query = queryWithoutPassword(rest.substr(question + 1));
        if (!query.empty())
            out += "?" + query;
    }
    return out;
}

// One `key = value` of a keyword string, as written.
struct Pair {
    std::string_view key;
    std::string_view text;
};

// Splits a keyword string as libpq does (values may be 'quoted' with \ escapes); false when
// it is malformed, with the pairs read so far.
bool splitPairs(std::string_view s, std::vector<Pair> &pairs)
{
    std::size_t i = 0;
    const auto skipSpace = [&] {
        while (i < s.size() && isSpace(s[i]))
            ++i;
    };
    for (;;) {
        skipSpace();
        if (i == s.size())
            return true;
        const std::size_t start = i;
        while (i < s.size() && s[i] != '=' && !isSpace(s[i]))
            ++i;
        const std::string_view key = s.substr(start, i - start);
        skipSpace();
        if (i == s.size() || s[i] != '=' || key.empty())
            return false;
        ++i;
        skipSpace();
        if (i < s.size() && s[i] == '\'') {
            for (++i; i < s.size() && s[i] != '\''; ++i) {
                if (s[i] == '\\')
                    ++i;
            }
            if (i >= s.size())
                return false;
            ++i;
        } else {
            for (; i < s.size() && !isSpace(s[i]); ++i) {
                if (s[i] == '\\')
                    ++i;
            }
            i = std::min(i, s.size());
        }
        pairs.push_back({key, s.substr(start, i - start)});
    }
}

std::string keywordsWithoutPassword(std::string_view locator)
{
    std::vector<Pair> pairs;
    const bool complete = splitPairs(locator, pairs);
    std::string out;
    for (const Pair &pair : pairs) {
        if (pair.key == "password")
            continue;
        if (!out.empty())
            out += ' ';
        out += pair.text;
    }
    // What could not be read might hold a password: it is left out rather than shown.
    if (!complete)
        out += out.empty() ? "..." : " ...";
    return out;
}

} // namespace

bool isPgLocator(std::string_view locator)
{
    if (isUri(locator))
        return true;
    std::size_t i = 0;
    while (i < locator.size() && isSpace(locator[i]))
        ++i;
    const std::size_t start = i;
    while (i < locator.size()
        && (std::isalpha(static_cast<unsigned char>(locator[i])) || locator[i] == '_'))
        ++i;
    if (i == start)
        return false;
    while (i < locator.size() && isSpace(locator[i]))
        ++i;
    return i < locator.size() && locator[i] == '=';
}

std::string withoutPassword(std::string_view locator)
{
    return isUri(locator) ? uriWithoutPassword(locator) : keywordsWithoutPassword(locator);
}

} // namespace tributary::store
