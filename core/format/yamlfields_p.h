// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "tributary/base/diagnostic.h"
#include "yamltext_p.h"

namespace tributary::format {

// Where diagnostics of one file go, and how yaml-cpp's marks (relative to the document being
// read) map to places in the file.
struct FileContext {
    FileName file;
    Diagnostics &diagnostics;
    std::string_view text;         // the whole file
    const LineIndex *lines = nullptr;
    int firstLine = 1;   // of the current document in the file
    int firstColumn = 1; // of the document's first character (after `--- ` on a marker line)

    SourceLocation at(const YAML::Mark &mark) const;
    SourceLocation atOffset(std::size_t fileOffset) const;
    void error(const YAML::Mark &mark, std::string message, std::string hint = {});
    void warning(const YAML::Mark &mark, std::string message, std::string hint = {});
};

// "a string", "a list", "a mapping", "nothing"
std::string_view nodeTypeName(const YAML::Node &node);

// The fields of one YAML mapping, read once. Unknown and duplicate keys are reported on
// construction; accessors report wrong value types. `what` names the mapping in messages
// ("feature", "column").
class FieldReader
{
public:
    FieldReader(const YAML::Node &mapping, std::string what, std::span<const std::string_view> allowed,
                FileContext &context);
    FieldReader(const YAML::Node &mapping, std::string what,
                std::initializer_list<std::string_view> allowed, FileContext &context)
        : FieldReader(mapping, std::move(what), std::span(allowed.begin(), allowed.size()), context)
    {
    }

    const YAML::Mark &mark() const { return m_mark; }
    FileContext &context() const { return m_context; }
    const std::string &what() const { return m_what; }

    // The value under `key`, or nullptr when absent.
    const YAML::Node *find(std::string_view key) const;
    // Present with a value (`key:` alone gives a null value).
    bool has(std::string_view key) const;
    // Where the value of `key` is (its key's place if the value has none).
    YAML::Mark valueMark(std::string_view key) const;

    // A scalar value; reports a wrong type. Missing is reported only when `required`.
    std::optional<std::string> text(std::string_view key, bool required = false) const;
    std::optional<double> number(std::string_view key) const;
    // A list of scalars (a single scalar is an error: lists are explicit in the format).
    std::vector<std::pair<std::string, YAML::Mark>> textList(std::string_view key) const;
    // A mapping of scalar -> scalar.
    std::vector<std::pair<std::string, std::string>> textMap(std::string_view key) const;
    // The node under `key` if it is a sequence; reports other types.
    std::optional<YAML::Node> list(std::string_view key) const;

    void reportMissing(std::string_view key) const;

private:
    std::string m_what;
    YAML::Mark m_mark;
    FileContext &m_context;
    struct Field {
        std::string_view name; // the key's text, owned by the YAML tree being read
        YAML::Node value;
        YAML::Mark keyMark;
    };
    std::vector<Field> m_fields;
};

// A scalar as text; reports `what` must be a string otherwise.
std::optional<std::string> scalarText(const YAML::Node &node, std::string_view what,
                                      FileContext &context);

} // namespace tributary::format
