// SPDX-License-Identifier: Apache-2.0
// Text-level help for the YAML reader: where lines start, where documents split, and a scan
// for the mistakes yaml-cpp 0.7 reports late or not at all (unclosed quotes and brackets,
// tabs in indentation).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tributary::format {

// Maps byte offsets of one file to 1-based line and column.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text);
    int line(std::size_t offset) const;   // 1-based
    int column(std::size_t offset) const; // 1-based, in bytes
    std::size_t lineStart(int line) const;

private:
    std::vector<std::size_t> m_starts;
};

// One YAML document of a file: its text and where it starts in the file.
struct DocumentText {
    std::string_view text;
    std::size_t offset = 0;
    int firstLine = 1; // 1-based line of text[0] in the file
};

// Splits a file at `---` / `...` marker lines (column 1), keeping every line's place.
std::vector<DocumentText> splitDocuments(std::string_view text);

struct TextProblem {
    std::size_t offset = 0; // in the scanned text
    std::string message;
    std::string hint;
};

// The first unclosed quote or flow bracket (found where the text returns to a block key at or
// left of the line that opened it, or at the end), or tab used for indentation.
std::optional<TextProblem> scanYamlText(std::string_view text);

} // namespace tributary::format
