// SPDX-License-Identifier: Apache-2.0
#include "yamltext_p.h"

#include <algorithm>

namespace tributary::format {

LineIndex::LineIndex(std::string_view text)
{
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_starts.push_back(i + 1);
    }
}

int LineIndex::line(std::size_t offset) const
{
    return int(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - m_starts.begin());
}

int LineIndex::column(std::size_t offset) const
{
    return int(offset - m_starts[std::size_t(line(offset) - 1)]) + 1;
}

std::size_t LineIndex::lineStart(int line) const
{
    return m_starts[std::size_t(std::clamp(line, 1, int(m_starts.size())) - 1)];
}

namespace {

bool isMarkerLine(std::string_view line, std::string_view marker)
{
    if (!line.starts_with(marker))
        return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A quote or bracket starts a token only after indentation, whitespace or a flow indicator;
// inside a plain scalar ("it's", "a[0]") it is just a character.
bool startsToken(std::string_view line, std::size_t i)
{
    if (i == 0)
        return true;
    const char before = line[i - 1];
    return isSpace(before) || before == '[' || before == '{' || before == ',';
}

// Does the line (from its indentation on) look like a block mapping key or sequence entry?
bool looksLikeBlockEntry(std::string_view content)
{
    if (content.starts_with("- ") || content == "-")
        return true;
    const std::size_t colon = content.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    if (colon + 1 < content.size() && !isSpace(content[colon + 1]))
        return false;
    const std::string_view key = content.substr(0, colon);
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
               || c == '-' || c == '.';
    });
}

// Text after a `key:` or `- ` that opens a block scalar: | or > with optional indicators.
bool opensBlockScalar(std::string_view rest)
{
    while (!rest.empty() && isSpace(rest.front()))
        rest.remove_prefix(1);
    if (rest.empty() || (rest.front() != '|' && rest.front() != '>'))
        return false;
    rest.remove_prefix(1);
    while (!rest.empty() && (rest.front() == '-' || rest.front() == '+' || (rest.front() >= '1' && rest.front() <= '9')))
        rest.remove_prefix(1);
    while (!rest.empty() && isSpace(rest.front()))
        rest.remove_prefix(1);
    return rest.empty() || rest.front() == '#';
}

struct Opener {
    std::size_t offset;
    char symbol;     // '[', '{', '"' or '\''
    int lineIndent;  // indentation of the line that opened it
};

} // namespace

std::vector<DocumentText> splitDocuments(std::string_view text)
{
    std::vector<DocumentText> documents;
    std::size_t start = 0;
    int startLine = 1;
    int line = 1;
    for (std::size_t pos = 0; pos <= text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view current = text.substr(pos, end - pos);
        if (isMarkerLine(current, "---") || isMarkerLine(current, "...")) {
            documents.push_back({text.substr(start, pos - start), start, startLine});
            // `--- {a: 1}` keeps content on the marker line: the next document starts there.
            start = isMarkerLine(current, "---") ? pos + 3 : end + 1;
            startLine = isMarkerLine(current, "---") ? line : line + 1;
            if (start > text.size())
                start = text.size();
        }
        if (end == text.size())
            break;
        pos = end + 1;
        ++line;
    }
    documents.push_back({text.substr(start), start, startLine});
    return documents;
}

std::optional<TextProblem> scanYamlText(std::string_view text)
{
    std::vector<Opener> open; // flow brackets, and at most one quote on top
    int blockParentIndent = -1;  // >= 0 while inside a block scalar
    int blockContentIndent = -1; // set by its first non-blank line
    bool blockPending = false;
    int pendingIndent = 0;
    const auto unclosed = [](const Opener &o) {
        const bool quote = o.symbol == '"' || o.symbol == '\'';
        return TextProblem{o.offset,
                           quote ? "YAML syntax error: unclosed quote"
                                 : std::string("YAML syntax error: unclosed '") + o.symbol + "'",
                           quote ? "close the quote on this line, or quote the whole value"
                                 : std::string("add the closing '") + (o.symbol == '[' ? ']' : '}') + "'"};
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        std::size_t indentEnd = 0;
        while (indentEnd < line.size() && line[indentEnd] == ' ')
            ++indentEnd;
        const int indent = int(indentEnd);
        const std::string_view content = line.substr(indentEnd);
        const bool blank = content.empty() || content == "\r" || content.front() == '#';

        if (blockPending) {
            blockPending = false;
            blockParentIndent = pendingIndent;
            blockContentIndent = -1;
        }
        if (blockParentIndent >= 0) {
            const bool empty = content.empty() || content == "\r";
            if (!empty && blockContentIndent < 0 && indent > blockParentIndent)
                blockContentIndent = indent;
            if (empty || (blockContentIndent >= 0 && indent >= blockContentIndent)) {
                pos = end + 1;
                continue;
            }
            blockParentIndent = -1;
        }
        if (open.empty() && !content.empty() && content.front() == '\t') {
            return TextProblem{pos + indentEnd, "YAML syntax error: tab used for indentation",
                               "YAML indents with spaces only"};
        }
        // Back at a block entry left of where a quote or bracket opened: it was never closed.
        if (!open.empty() && !blank && looksLikeBlockEntry(content) && indent <= open.front().lineIndent)
            return unclosed(open.front());

        for (std::size_t i = indentEnd; i < line.size(); ++i) {
            const char c = line[i];
            if (!open.empty() && open.back().symbol == '"') {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    open.pop_back();
                continue;
            }
            if (!open.empty() && open.back().symbol == '\'') {
                if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
                    ++i;
                else if (c == '\'')
                    open.pop_back();
                continue;
            }
            if (c == '#' && (i == 0 || isSpace(line[i - 1])))
                break;
            const bool inFlow = !open.empty();
            if ((c == '"' || c == '\'') && startsToken(line, i)) {
                open.push_back({pos + i, c, open.empty() ? indent : open.front().lineIndent});
            } else if ((c == '[' || c == '{') && (inFlow || startsToken(line, i))) {
                open.push_back({pos + i, c, open.empty() ? indent : open.front().lineIndent});
            } else if (inFlow && (c == ']' || c == '}')) {
                open.pop_back();
            } else if (!inFlow && (c == ':' || c == '-') && (i + 1 == line.size() || isSpace(line[i + 1]))
                       && opensBlockScalar(line.substr(i + 1))) {
                blockPending = true;
                pendingIndent = indent;
                break;
            }
        }
        pos = end + 1;
    }
    if (!open.empty())
        return unclosed(open.front());
    return std::nullopt;
}

} // namespace tributary::format
