// SPDX-License-Identifier: Apache-2.0
#include "texttable.h"

#include <algorithm>
#include <ostream>

namespace tributary::cli {
namespace {

// Display width, counting UTF-8 code points rather than bytes.
std::size_t displayWidth(const std::string &text)
{
    return std::size_t(std::count_if(text.begin(), text.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

} // namespace

TextTable::TextTable(std::vector<std::string> header)
    : m_header(std::move(header))
{
}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(m_header.size());
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream &out) const
{
    std::vector<std::size_t> widths(m_header.size());
    for (std::size_t c = 0; c < m_header.size(); ++c) {
        widths[c] = displayWidth(m_header[c]);
        for (const auto &row : m_rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    const auto printRow = [&](const std::vector<std::string> &row) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size())
                line += std::string(widths[c] - displayWidth(row[c]) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    printRow(m_header);
    for (const auto &row : m_rows)
        printRow(row);
}

} // namespace tributary::cli
