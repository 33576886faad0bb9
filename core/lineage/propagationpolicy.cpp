// SPDX-License-Identifier: Apache-2.0
// The propagation policy: `policy.yaml` beside a catalog says which transform kinds stop the tags
// of a prefix. It is read with the catalog reader's field helpers, so its diagnostics look and
// place the same way (1-based file:line:column, "did you mean" hints).
//
// Decisions (docs/catalog-format.md):
// - The file is one YAML document whose only key is `propagation`, a mapping from a tag prefix to
//   a rule `{stop_at: [KIND, ...]}`. An empty file, an empty document or `propagation:` alone is
//   an empty policy. A missing file is an empty policy too, without a diagnostic: the policy is
//   optional. A path that exists but is not a readable file is an error.
// - A prefix is written as a tag pattern: `pii` (pii and every pii:*), `pii:*` (only the pii:*
//   tags), `pii:direct` (only itself) or `*` (every tag). Other uses of `*`, spaces, an empty
//   key or value (`:x`, `pii:`) and the same prefix twice are errors.
// - `{}` or `stop_at: []` is a rule that stops nothing: it lets a more specific prefix override
//   a general one. A prefix with no value at all is an error (usually an indentation mistake).
// - The most specific rule decides alone; rules do not add up. Specificity is the length of the
//   prefix without its `*`; two valid prefixes that match one tag never tie.
// - On errors the rules that were read are returned; callers refuse to run on hasErrors().
#include "tributary/lineage/tagpropagation.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../format/yamlfields_p.h"
#include "tributary/base/suggest.h"

namespace tributary {
namespace {

using format::FileContext;

std::size_t specificity(std::string_view prefix)
{
    return prefix.size() - (prefix.ends_with('*') ? 1 : 0);
}

bool isValidPrefix(std::string_view prefix)
{
    if (prefix.empty() || prefix.starts_with(':') || prefix.ends_with(':'))
        return false;
    if (std::any_of(prefix.begin(), prefix.end(), [](char c) { return c == ' ' || c == '\t'; }))
        return false;
    const std::size_t star = prefix.find('*');
    if (star == std::string_view::npos)
        return true;
    // `*` alone, or once after the colon that ends a key (`pii:*`).
    return prefix == "*"
           || (star == prefix.size() - 1 && prefix.size() > 2 && prefix[star - 1] == ':');
}

std::vector<std::string> transformNames()
{
    std::vector<std::string> names;
    for (TransformKind kind : {TransformKind::Identity, TransformKind::Transformed,
                               TransformKind::Aggregated, TransformKind::Masked})
        names.emplace_back(transformName(kind));
    return names;
}

void readRule(const std::string &prefix, const YAML::Node &key, const YAML::Node &value,
              FileContext &context, PropagationPolicy &policy)
{
    if (!value.IsMap()) {
        // yaml-cpp places a missing value at the next token, often the next line: use the key.
        const YAML::Mark mark = value.IsNull() ? key.Mark() : value.Mark();
        context.error(mark,
                      "the rule for '" + prefix + "' must be a mapping, not "
                          + std::string(format::nodeTypeName(value)),
                      "write `" + prefix + ": {stop_at: [masked, aggregated]}`");
        return;
    }
    PropagationRule rule{prefix, {}};
    const format::FieldReader fields(value, "propagation rule", {"stop_at"}, context);
    for (const auto &[name, mark] : fields.textList("stop_at")) {
        if (const auto kind = parseTransform(name)) {
            rule.stopAt.insert(*kind);
            continue;
        }
        const std::vector<std::string> names = transformNames();
        std::string hint = didYouMean(name, names);
        if (hint.empty())
            hint = "transform kinds are " + joinWords(names);
        context.error(mark, "unknown transform kind '" + name + "' in 'stop_at'", hint);
    }
    policy.rules.push_back(std::move(rule));
}

void readRules(const YAML::Node &rules, FileContext &context, PropagationPolicy &policy)
{
    if (!rules.IsMap()) {
        context.error(rules.Mark(), "'propagation' must be a mapping from tag prefixes to rules, "
                                    "not " + std::string(format::nodeTypeName(rules)));
        return;
    }
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const auto prefix = format::scalarText(it->first, "a tag prefix", context);
        if (!prefix)
            continue;
        if (!isValidPrefix(*prefix)) {
            context.error(it->first.Mark(), "'" + *prefix + "' is not a tag prefix",
                          "write a tag (pii, pii:direct), a key and ':*' (pii:*), or '*'");
            continue;
        }
        const auto samePrefix = [&](const PropagationRule &r) { return r.prefix == *prefix; };
        const bool seen = std::any_of(policy.rules.begin(), policy.rules.end(), samePrefix);
        if (seen) {
            context.error(it->first.Mark(), "duplicate rule for '" + *prefix + "'");
            continue;
        }
        readRule(*prefix, it->first, it->second, context, policy);
    }
}

void readDocument(const YAML::Node &document, FileContext &context, PropagationPolicy &policy)
{
    if (!document.IsMap()) {
        context.error(document.Mark(), "a policy file must be a mapping with 'propagation', not "
                                           + std::string(format::nodeTypeName(document)));
        return;
    }
    const format::FieldReader fields(document, "policy file", {"propagation"}, context);
    if (fields.has("propagation"))
        readRules(*fields.find("propagation"), context, policy);
}

} // namespace

const PropagationRule *PropagationPolicy::ruleFor(const std::string &tag) const
{
    const PropagationRule *best = nullptr;
    for (const PropagationRule &rule : rules) {
        if (!tagMatches(rule.prefix, tag))
            continue;
        if (!best || specificity(rule.prefix) > specificity(best->prefix))
            best = &rule;
    }
    return best;
}

PropagationPolicy readPropagationPolicy(const std::string &path, Diagnostics &diagnostics)
{
    PropagationPolicy policy;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        return policy;
    std::string text;
    bool read = !ec && std::filesystem::is_regular_file(status);
    if (read) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        read = in.is_open() && !in.bad();
        text = std::move(buffer).str();
    }
    if (!read) {
        diagnostics.push_back({Severity::Error, {path, 0, 0}, "cannot read the policy file", {}});
        return policy;
    }

    const format::LineIndex lines(text);
    FileContext context{path, diagnostics, text, &lines};
    if (const auto problem = format::scanYamlText(text)) {
        diagnostics.push_back(
            {Severity::Error, context.atOffset(problem->offset), problem->message, problem->hint});
        return policy;
    }
    try {
        std::vector<YAML::Node> documents = YAML::LoadAll(text);
        std::erase_if(documents, [](const YAML::Node &d) { return d.IsNull(); });
        if (documents.size() > 1)
            context.error(documents[1].Mark(), "a policy file holds one YAML document");
        if (!documents.empty())
            readDocument(documents.front(), context, policy);
    } catch (const YAML::ParserException &e) {
        // The catalog reader's hint for the same message: yaml-cpp blames the line after.
        const bool indentation = e.msg.find("end of map not found") != std::string::npos
                                 || e.msg.find("end of sequence not found") != std::string::npos
                                 || e.msg.find("illegal map value") != std::string::npos;
        context.error(e.mark, "YAML syntax error: " + e.msg,
                      indentation ? "check the indentation of this line and the lines above it"
                                  : "");
    } catch (const YAML::Exception &e) {
        // yaml-cpp exceptions never cross the core API (STYLE.md rule 6).
        context.error(e.mark, "cannot read the policy file: " + e.msg);
    }
    return policy;
}

} // namespace tributary
