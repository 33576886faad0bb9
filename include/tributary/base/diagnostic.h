// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "tributary/base/sourcelocation.h"

namespace tributary {

enum class Severity { Error, Warning };

// One problem found in the input, with where it is and, where one helps, a hint.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation location;
    std::string message;
    std::string hint;

    // "file:line:column: error: message", then "  hint: ..." on its own line if present.
    std::string toString() const;

    auto operator<=>(const Diagnostic &) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
// Orders by file, line, column, then message, so output is stable whatever found them first.
void sortDiagnostics(Diagnostics &diagnostics);

} // namespace tributary
