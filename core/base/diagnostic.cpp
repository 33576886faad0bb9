// SPDX-License-Identifier: Apache-2.0
#include "tributary/base/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace tributary {

const std::string &FileName::str() const
{
    static const std::string none;
    return m_name ? *m_name : none;
}

std::string SourceLocation::toString() const
{
    std::string text = file.str();
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0)
            text += ':' + std::to_string(column);
    }
    return text;
}

std::string Diagnostic::toString() const
{
    std::string text;
    if (location.isKnown())
        text = location.toString() + ": ";
    text += severity == Severity::Error ? "error: " : "warning: ";
    text += message;
    if (!hint.empty())
        text += "\n  hint: " + hint;
    return text;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

void sortDiagnostics(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         // Notes about the whole input (no file) come after the located ones.
                         const bool aLast = !a.location.isKnown(), bLast = !b.location.isKnown();
                         return std::tie(aLast, a.location, a.message) < std::tie(bLast, b.location, b.message);
                     });
    diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
}

} // namespace tributary
