// SPDX-License-Identifier: Apache-2.0
#include "tributary/base/suggest.h"

#include <algorithm>
#include <numeric>

namespace tributary {

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::vector<std::string> nearestWords(std::string_view word, const std::vector<std::string> &candidates,
                                      std::size_t limit)
{
    // A misspelling is within about a third of the word's length (at least 2 edits).
    const std::size_t threshold = std::max<std::size_t>(2, word.size() / 3);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string &candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        if (distance <= threshold && candidate != word)
            scored.emplace_back(distance, candidate);
    }
    std::sort(scored.begin(), scored.end());
    scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
    std::vector<std::string> nearest;
    for (std::size_t i = 0; i < scored.size() && nearest.size() < limit; ++i)
        nearest.push_back(scored[i].second);
    return nearest;
}

std::string joinWords(const std::vector<std::string> &words, std::string_view separator)
{
    std::string text;
    for (const std::string &word : words) {
        if (!text.empty())
            text += separator;
        text += word;
    }
    return text;
}

std::string didYouMean(std::string_view word, const std::vector<std::string> &candidates)
{
    const std::vector<std::string> nearest = nearestWords(word, candidates);
    if (nearest.empty())
        return {};
    std::vector<std::string> quoted;
    for (const std::string &candidate : nearest)
        quoted.push_back('\'' + candidate + '\'');
    return "did you mean " + joinWords(quoted, " or ") + "?";
}

} // namespace tributary
