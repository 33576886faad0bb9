// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

#include "tributary/model/resource.h"

namespace tributary {

// One field that differs between two resources. `path` names it: "owner", "columns.email.type",
// "metrics.auc", "features[2]".
struct FieldChange {
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    std::string path;
    std::string before; // JSON text of the old value; empty when added
    std::string after;  // JSON text of the new value; empty when removed
};

// One line of a line-by-line text comparison.
struct TextDiffLine {
    enum class Type { Same, Added, Removed };
    Type type = Type::Same;
    std::string text;
};

struct ResourceDiff {
    std::vector<FieldChange> definition; // fields that make the version
    std::vector<FieldChange> metadata;   // owner, tags, status, properties, column docs and tags
    std::vector<TextDiffLine> description;

    bool isEmpty() const;
};

// Compares two resources (usually two versions of one). Columns are matched by name, so a
// moved column is not reported as changed.
ResourceDiff diffResources(const Resource &before, const Resource &after);

// The lines of `before` and `after` aligned by a longest common subsequence.
std::vector<TextDiffLine> diffLines(const std::string &before, const std::string &after);

} // namespace tributary
