// SPDX-License-Identifier: Apache-2.0
#include "yamlfields_p.h"

#include <algorithm>

#include "tributary/base/suggest.h"

namespace tributary::format {

SourceLocation FileContext::at(const YAML::Mark &mark) const
{
    // yaml-cpp counts from 0 and marks nodes it made up (absent values) with -1.
    if (mark.is_null() || mark.line < 0)
        return {file, 0, 0};
    int line = firstLine + mark.line;
    int column = (mark.line == 0 ? firstColumn - 1 : 0) + mark.column + 1;
    // yaml-cpp counts in the text it decoded. Input it takes for UTF-16 or UTF-32 (a NUL among
    // the first bytes) is not the file's bytes, and its marks can fall past the end of a line
    // or of the file (found by fuzzing): clamp them into the file, so every location is a real
    // place to show.
    if (lines) {
        const int last = lines->line(text.size());
        line = std::clamp(line, 1, last);
        const std::size_t start = lines->lineStart(line);
        const std::size_t end = line < last ? lines->lineStart(line + 1) - 1 : text.size();
        column = std::clamp(column, 1, int(end - start) + 1);
    }
    return {file, line, column};
}

SourceLocation FileContext::atOffset(std::size_t fileOffset) const
{
    return {file, lines->line(fileOffset), lines->column(fileOffset)};
}

void FileContext::error(const YAML::Mark &mark, std::string message, std::string hint)
{
    diagnostics.push_back({Severity::Error, at(mark), std::move(message), std::move(hint)});
}

void FileContext::warning(const YAML::Mark &mark, std::string message, std::string hint)
{
    diagnostics.push_back({Severity::Warning, at(mark), std::move(message), std::move(hint)});
}

std::string_view nodeTypeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar: return "a string";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return "nothing";
    }
    return "nothing";
}

std::optional<std::string> scalarText(const YAML::Node &node, std::string_view what,
                                      FileContext &context)
{
    if (node.IsScalar())
        return node.Scalar();
    context.error(node.Mark(),
                  std::string(what) + " must be a string, not " + std::string(nodeTypeName(node)));
    return std::nullopt;
}

FieldReader::FieldReader(const YAML::Node &mapping, std::string what, std::span<const std::string_view> allowed,
                         FileContext &context)
    : m_what(std::move(what))
    , m_mark(mapping.Mark())
    , m_context(context)
{
    m_fields.reserve(mapping.size());
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        // A copy, not `const Node &key = it->first`: yaml-cpp's operator-> returns a proxy
        // whose pair dies at the end of that statement, so the reference dangled (found by
        // fuzzing: stack-use-after-scope under ASan, on any valid mapping).
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            context.error(key.Mark(), "keys of a " + m_what + " must be strings");
            continue;
        }
        const std::string &name = key.Scalar();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            const std::vector<std::string> names(allowed.begin(), allowed.end());
            context.error(key.Mark(), "unknown field '" + name + "' in " + m_what,
                          name == "<<" ? "YAML merge keys are not supported; repeat the fields"
                                       : didYouMean(name, names));
            continue;
        }
        if (find(name)) {
            context.error(key.Mark(), "duplicate field '" + name + "' in " + m_what);
            continue;
        }
        m_fields.push_back({name, it->second, key.Mark()});
    }
}

const YAML::Node *FieldReader::find(std::string_view key) const
{
    for (const Field &field : m_fields) {
        if (field.name == key)
            return &field.value;
    }
    return nullptr;
}

bool FieldReader::has(std::string_view key) const
{
    const YAML::Node *node = find(key);
    return node && !node->IsNull();
}

YAML::Mark FieldReader::valueMark(std::string_view key) const
{
    for (const Field &field : m_fields) {
        if (field.name != key)
            continue;
        const YAML::Mark mark = field.value.Mark();
        return mark.is_null() || mark.line < 0 ? field.keyMark : mark;
    }
    return m_mark;
}

void FieldReader::reportMissing(std::string_view key) const
{
    m_context.error(m_mark, m_what + " is missing required field '" + std::string(key) + "'");
}

std::optional<std::string> FieldReader::text(std::string_view key, bool required) const
{
    const YAML::Node *node = find(key);
    if (!node || node->IsNull()) {
        if (required)
            reportMissing(key);
        return std::nullopt;
    }
    if (!node->IsScalar()) {
        m_context.error(valueMark(key), "'" + std::string(key) + "' of a " + m_what
                                            + " must be a string, not "
                                            + std::string(nodeTypeName(*node)));
        return std::nullopt;
    }
    return node->Scalar();
}

std::optional<double> FieldReader::number(std::string_view key) const
{
    const YAML::Node *node = find(key);
    if (!node || node->IsNull())
        return std::nullopt;
    double value = 0;
    if (!node->IsScalar() || !YAML::convert<double>::decode(*node, value)) {
        m_context.error(valueMark(key), "'" + std::string(key) + "' of a " + m_what
                                            + " must be a number, not "
                                            + (node->IsScalar() ? "'" + node->Scalar() + "'"
                                                                : std::string(nodeTypeName(*node))));
        return std::nullopt;
    }
    return value;
}

std::optional<YAML::Node> FieldReader::list(std::string_view key) const
{
    const YAML::Node *node = find(key);
    if (!node || node->IsNull())
        return std::nullopt;
    if (!node->IsSequence()) {
        m_context.error(valueMark(key), "'" + std::string(key) + "' of a " + m_what
                                            + " must be a list, not "
                                            + std::string(nodeTypeName(*node)));
        return std::nullopt;
    }
    return *node;
}

std::vector<std::pair<std::string, YAML::Mark>> FieldReader::textList(std::string_view key) const
{
    std::vector<std::pair<std::string, YAML::Mark>> items;
    const auto node = list(key);
    if (!node)
        return items;
    const std::string what = "an entry of '" + std::string(key) + "'";
    for (const YAML::Node &item : *node) {
        if (auto value = scalarText(item, what, m_context))
            items.emplace_back(std::move(*value), item.Mark());
    }
    return items;
}

std::vector<std::pair<std::string, std::string>> FieldReader::textMap(std::string_view key) const
{
    std::vector<std::pair<std::string, std::string>> items;
    const YAML::Node *node = find(key);
    if (!node || node->IsNull())
        return items;
    if (!node->IsMap()) {
        m_context.error(valueMark(key), "'" + std::string(key) + "' of a " + m_what
                                            + " must be a mapping, not "
                                            + std::string(nodeTypeName(*node)));
        return items;
    }
    const std::string what = "a value of '" + std::string(key) + "'";
    for (auto it = node->begin(); it != node->end(); ++it) {
        auto name = scalarText(it->first, "a key of '" + std::string(key) + "'", m_context);
        auto value = scalarText(it->second, what, m_context);
        const bool seen = name && std::any_of(items.begin(), items.end(),
                                              [&](const auto &item) { return item.first == *name; });
        if (seen) {
            m_context.error(it->first.Mark(), "duplicate key '" + *name + "' in '" + std::string(key) + "'");
            continue;
        }
        if (name && value)
            items.emplace_back(std::move(*name), std::move(*value));
    }
    return items;
}

} // namespace tributary::format
