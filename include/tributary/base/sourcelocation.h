// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <memory>
#include <string>
#include <string_view>

namespace tributary {

// A file name shared by every location in that file: copying a location copies no text, which
// matters when a large catalog holds millions of them.
class FileName
{
public:
    FileName() = default;
    FileName(std::string name) // NOLINT(google-explicit-constructor): a name is a string
        : m_name(name.empty() ? nullptr : std::make_shared<const std::string>(std::move(name)))
    {
    }
    FileName(const char *name) // NOLINT(google-explicit-constructor)
        : FileName(std::string(name))
    {
    }

    const std::string &str() const;
    bool empty() const { return !m_name; }
    operator const std::string &() const { return str(); } // NOLINT(google-explicit-constructor)

    friend bool operator==(const FileName &a, const FileName &b) { return a.str() == b.str(); }
    friend std::strong_ordering operator<=>(const FileName &a, const FileName &b)
    {
        return a.str().compare(b.str()) <=> 0;
    }

private:
    std::shared_ptr<const std::string> m_name;
};

// A place in an input file. Lines and columns count from 1; 0 means "unknown".
struct SourceLocation {
    FileName file;
    int line = 0;
    int column = 0;

    bool isKnown() const { return !file.empty(); }
    // "file:line:column", or less where parts are unknown.
    std::string toString() const;

    auto operator<=>(const SourceLocation &) const = default;
    bool operator==(const SourceLocation &) const = default;
};

} // namespace tributary
