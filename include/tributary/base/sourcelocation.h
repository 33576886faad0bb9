// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <string>

namespace tributary {

// A place in an input file. Lines and columns count from 1; 0 means "unknown".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    bool isKnown() const { return !file.empty(); }
    // "file:line:column", or less where parts are unknown.
    std::string toString() const;

    auto operator<=>(const SourceLocation &) const = default;
};

} // namespace tributary
