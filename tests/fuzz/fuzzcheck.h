// SPDX-License-Identifier: Apache-2.0
// Invariant checks shared by the fuzz targets. A failed check aborts, which libFuzzer reports as
// a crash (and saves the input), and which fails the ctest replay of the same input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "tributary/base/sourcelocation.h"

#define FUZZ_CHECK(condition, detail)                                                         \
    do {                                                                                      \
        if (!(condition)) {                                                                   \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n  %s\n", __FILE__, __LINE__,   \
                         #condition, std::string(detail).c_str());                            \
            std::abort();                                                                     \
        }                                                                                     \
    } while (false)

namespace tributary::fuzz {

// One input text named `label`: answers whether a line:column lies inside it.
class FuzzInput
{
public:
    FuzzInput(std::string label, std::string_view text)
        : m_label(std::move(label))
        , m_text(text)
    {
    }

    const std::string &label() const { return m_label; }
    std::string_view text() const { return m_text; }

    // Line from 1 to the number of lines, column from 1 to one past the line's last byte
    // (an error "at the end of the line"). Line 0 and column 0 mean unknown and are allowed.
    bool contains(int line, int column) const
    {
        if (line == 0)
            return column == 0;
        if (line < 0 || column < 0)
            return false;
        std::size_t start = 0;
        for (int l = 1; l < line; ++l) {
            const std::size_t eol = m_text.find('\n', start);
            if (eol == std::string_view::npos)
                return false;
            start = eol + 1;
        }
        std::size_t end = m_text.find('\n', start);
        if (end == std::string_view::npos)
            end = m_text.size();
        return column == 0 || std::size_t(column) <= end - start + 1;
    }

    // A location naming this input lies inside it; other files (none expected) are refused.
    bool contains(const SourceLocation &where) const
    {
        if (where.file.empty())
            return where.line == 0 && where.column == 0;
        return where.file.str() == m_label && contains(where.line, where.column);
    }

    // "label", "label:line" or "label:line:column" (an Error's `where`) inside this input.
    bool containsPlace(std::string_view where) const
    {
        if (where == m_label)
            return true;
        if (!where.starts_with(m_label + ":"))
            return false;
        where.remove_prefix(m_label.size() + 1);
        int numbers[2] = {0, 0};
        int count = 0;
        while (!where.empty() && count < 2) {
            int value = 0;
            std::size_t digits = 0;
            while (digits < where.size() && where[digits] >= '0' && where[digits] <= '9'
                   && digits < 9)
                value = value * 10 + (where[digits++] - '0');
            if (digits == 0)
                return false;
            numbers[count++] = value;
            where.remove_prefix(digits);
            if (where.empty())
                break;
            if (where.front() != ':')
                return false;
            where.remove_prefix(1);
        }
        return where.empty() && numbers[0] > 0 && contains(numbers[0], numbers[1]);
    }

private:
    std::string m_label;
    std::string_view m_text;
};

inline std::string_view bytes(const unsigned char *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

} // namespace tributary::fuzz
