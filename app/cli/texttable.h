// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace tributary::cli {

// Left-aligned columns padded to their widest cell; the last column is not padded.
class TextTable
{
public:
    explicit TextTable(std::vector<std::string> header);
    void addRow(std::vector<std::string> cells);
    void print(std::ostream &out) const;
    bool isEmpty() const { return m_rows.empty(); }

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace tributary::cli
