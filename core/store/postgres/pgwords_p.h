// SPDX-License-Identifier: Apache-2.0
// The words of PostgreSQL full-text search, made here for both sides: the tsvector an import
// stores and the tsquery a search sends. One tokenizer for both keeps them in step, and the
// server parses neither what was written nor what was typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tributary::store {

// Lower-cased words of `text`, split at ASCII punctuation and spaces as SQLite's unicode61
// tokenizer splits (avg_spend, pii:direct and a.b.com are separate words). Letters of Latin-1,
// Latin Extended-A, Greek and Cyrillic are lower-cased too; other characters are kept as they
// are.
std::vector<std::string> searchWords(std::string_view text);

// A tsvector literal of `fields` (weight letter, text): words numbered across the fields in
// turn, as setweight(to_tsvector(a), 'A') || setweight(...) would number them.
std::string tsvectorText(const std::vector<std::pair<char, std::string_view>> &fields);

// A tsquery literal: each term's words as a phrase whose last word is a prefix (an FTS5
// "a b"* phrase), terms joined by AND; "" when a term has no word, which matches nothing (as
// an empty FTS5 phrase matches nothing).
std::string tsqueryText(const std::vector<std::string> &terms);

} // namespace tributary::store
