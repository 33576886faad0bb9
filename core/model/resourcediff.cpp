// SPDX-License-Identifier: Apache-2.0
#include "tributary/model/resourcediff.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "tributary/base/text.h"
#include "tributary/model/canonical.h"

namespace tributary {
namespace {

using nlohmann::json;

// Whole numbers as integers, so a count reads 642256, not 642256.0.
json wholeNumbers(json value)
{
    if (value.is_number_float()) {
        const double number = value.get<double>();
        if (std::trunc(number) == number && std::fabs(number) < 1e15)
            return static_cast<long long>(number);
    } else if (value.is_structured()) {
        for (json &item : value)
            item = wholeNumbers(std::move(item));
    }
    return value;
}

std::string valueText(const json &value) { return wholeNumbers(value).dump(); }

// Flattens JSON to path -> leaf text. Arrays of objects with a "name" are keyed by name;
// other arrays of scalars are compared whole, so a reordered list shows as one change.
void flatten(const json &value, const std::string &path, std::map<std::string, std::string> &out)
{
    if (value.is_object()) {
        for (const auto &[key, item] : value.items())
            flatten(item, path.empty() ? key : path + "." + key, out);
        return;
    }
    if (value.is_array() && !value.empty() && value.front().is_object()
        && value.front().contains("name")) {
        for (const json &item : value)
            flatten(item, path + "." + item.value("name", std::string()), out);
        return;
    }
    if (value.is_null())
        return; // absent and null are the same: "no stats" is not a change to "stats: null"
    out[path] = valueText(value);
}

std::vector<FieldChange> compare(const json &before, const json &after)
{
    std::map<std::string, std::string> a, b;
    flatten(before, {}, a);
    flatten(after, {}, b);
    std::vector<FieldChange> changes;
    for (const auto &[path, value] : a) {
        const auto it = b.find(path);
        if (it == b.end())
            changes.push_back({FieldChange::Type::Removed, path, value, {}});
        else if (it->second != value)
            changes.push_back({FieldChange::Type::Changed, path, value, it->second});
    }
    for (const auto &[path, value] : b) {
        if (!a.contains(path))
            changes.push_back({FieldChange::Type::Added, path, {}, value});
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const FieldChange &x, const FieldChange &y) { return x.path < y.path; });
    return changes;
}


} // namespace

bool ResourceDiff::isEmpty() const
{
    const bool sameText = std::all_of(description.begin(), description.end(), [](const TextDiffLine &l) {
        return l.type == TextDiffLine::Type::Same;
    });
    return definition.empty() && metadata.empty() && sameText;
}

std::vector<TextDiffLine> diffLines(const std::string &before, const std::string &after)
{
    const std::vector<std::string> a = splitLines(before), b = splitLines(after);
    // Descriptions are short; a quadratic table is fine and keeps this obviously right.
    std::vector<std::vector<std::size_t>> common(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;)
            common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : std::max(common[i + 1][j], common[i][j + 1]);
    }
    std::vector<TextDiffLine> out;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out.push_back({TextDiffLine::Type::Same, a[i]});
            ++i;
            ++j;
        } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
            out.push_back({TextDiffLine::Type::Removed, a[i++]}); // removals first, as diff(1) does
        } else {
            out.push_back({TextDiffLine::Type::Added, b[j++]});
        }
    }
    return out;
}

ResourceDiff diffResources(const Resource &before, const Resource &after)
{
    ResourceDiff diff;
    diff.definition = compare(definitionJson(before), definitionJson(after));
    json metaBefore = metadataJson(before), metaAfter = metadataJson(after);
    metaBefore.erase("description");
    metaAfter.erase("description");
    diff.metadata = compare(metaBefore, metaAfter);
    diff.description = diffLines(before.meta.description, after.meta.description);
    return diff;
}

} // namespace tributary
