// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cstdint>

#include "pgwords_p.h"

namespace tributary::store {
namespace {

// PostgreSQL's limits: a lexeme of at most 2047 bytes, positions up to 16383.
constexpr std::size_t kMaxWordBytes = 2047;
constexpr int kMaxPosition = 16383;

bool isSeparator(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80)
        return false; // part of a UTF-8 character: letters of any script stay in words
    return !((byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z')
        || (byte >= 'A' && byte <= 'Z'));
}

char32_t lowerCase(char32_t c)
{
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        || (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c == 0x178)
        return 0xFF;
    const bool evenUpper
        = (c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
    const bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if ((evenUpper && c % 2 == 0) || (oddUpper && c % 2 == 1))
        return c + 1;
    return c;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// `word` lower-cased. Two-byte UTF-8 characters are the only ones with a case we fold; other
// bytes are copied as they are, so text that is not UTF-8 passes through unchanged.
std::string lowered(std::string_view word)
{
    std::string out;
    out.reserve(word.size());
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto byte = static_cast<unsigned char>(word[i]);
        if (byte >= 'A' && byte <= 'Z') {
            out += char(byte + 32);
        } else if ((byte & 0xE0) == 0xC0 && i + 1 < word.size()
            && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) {
            const char32_t c
                = char32_t(byte & 0x1F) << 6 | (static_cast<unsigned char>(word[i + 1]) & 0x3F);
            appendUtf8(out, lowerCase(c));
            ++i;
        } else {
            out += char(byte);
        }
    }
    return out;
}

} // namespace

std::vector<std::string> searchWords(std::string_view text)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !isSeparator(text[i]))
            continue;
        if (i > start)
            words.push_back(lowered(text.substr(start, i - start)));
        start = i + 1;
    }
    return words;
}

std::string tsvectorText(const std::vector<std::pair<char, std::string_view>> &fields)
{
    // The server merges a word given twice into one lexeme with every position.
    std::string out;
    int position = 0;
    for (const auto &[weight, text] : fields) {
        for (const std::string &word : searchWords(text)) {
            position = std::min(position + 1, kMaxPosition);
            if (word.size() > kMaxWordBytes)
                continue;
            if (!out.empty())
                out += ' ';
            out += '\'' + word + "':" + std::to_string(position) + weight;
        }
    }
    return out;
}

std::string tsqueryText(const std::vector<std::string> &terms)
{
    std::string query;
    for (const std::string &term : terms) {
        const std::vector<std::string> words = searchWords(term);
        if (words.empty())
            return {};
        std::string phrase;
        for (std::size_t i = 0; i < words.size(); ++i) {
            phrase += (i ? " <-> '" : "'") + words[i].substr(0, kMaxWordBytes) + "'";
            if (i + 1 == words.size())
                phrase += ":*";
        }
        query += (query.empty() ? "(" : " & (") + phrase + ")";
    }
    return query;
}

} // namespace tributary::store
