// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tributary {

// Levenshtein distance, for "did you mean" hints.
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidates closest to `word` (at most `limit`, nearest first), or none when nothing is
// plausibly a misspelling of it.
std::vector<std::string> nearestWords(std::string_view word, const std::vector<std::string> &candidates,
                                      std::size_t limit = 3);

// "did you mean 'x'?" / "did you mean 'x' or 'y'?", or an empty string.
std::string didYouMean(std::string_view word, const std::vector<std::string> &candidates);

// "a, b, c"
std::string joinWords(const std::vector<std::string> &words, std::string_view separator = ", ");

} // namespace tributary
