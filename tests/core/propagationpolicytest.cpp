// SPDX-License-Identifier: Apache-2.0
// The propagation policy: reading policy.yaml (with exact places for every problem) and choosing
// the rule for a tag.
#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/lineage/tagpropagation.h"

namespace tributary {
namespace {

using Lines = std::vector<std::string>;

struct ReadPolicy {
    PropagationPolicy policy;
    Lines diagnostics; // with the temporary folder cut from the file names
};

ReadPolicy readPolicyText(const std::string &text)
{
    testing::TempDir dir;
    const auto folder = dir.writeCatalog("c", {{"policy.yaml", text}});
    const std::string path = (folder / "policy.yaml").string();
    Diagnostics diagnostics;
    ReadPolicy read{readPropagationPolicy(path, diagnostics), {}};
    for (const Diagnostic &d : diagnostics) {
        std::string line = d.toString();
        if (line.starts_with(path))
            line = "policy.yaml" + line.substr(path.size());
        read.diagnostics.push_back(line);
    }
    return read;
}

std::string describe(const PropagationPolicy &policy)
{
    std::string text;
    for (const PropagationRule &rule : policy.rules) {
        text += rule.prefix + ":";
        for (TransformKind kind : rule.stopAt)
            text += ' ' + std::string(transformName(kind));
        text += ';';
    }
    return text;
}

TEST(PropagationPolicy, ReadsRulesInFileOrder)
{
    const ReadPolicy read = readPolicyText(R"(propagation:
  pii:
    stop_at: [masked, aggregated]
  pii:direct: {stop_at: [masked]}
  "gdpr": {}
  "*":
    stop_at: []
)");
    EXPECT_EQ(read.diagnostics, Lines{});
    EXPECT_EQ(describe(read.policy), "pii: aggregated masked;pii:direct: masked;gdpr:;*:;");
}

TEST(PropagationPolicy, MissingFileOrEmptyFileIsAnEmptyPolicy)
{
    testing::TempDir dir;
    Diagnostics diagnostics;
    EXPECT_TRUE(readPropagationPolicy((dir / "policy.yaml").string(), diagnostics).rules.empty());
    EXPECT_TRUE(diagnostics.empty());

    for (const char *text : {"", "# nothing yet\n", "propagation:\n", "---\n"}) {
        const ReadPolicy read = readPolicyText(text);
        EXPECT_EQ(read.diagnostics, Lines{}) << text;
        EXPECT_TRUE(read.policy.rules.empty()) << text;
    }
}

TEST(PropagationPolicy, AFolderInPlaceOfTheFileIsAnError)
{
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "policy.yaml");
    Diagnostics diagnostics;
    readPropagationPolicy((dir / "policy.yaml").string(), diagnostics);
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message, "cannot read the policy file");
}

TEST(PropagationPolicy, ProblemsHaveExactPlaces)
{
    const ReadPolicy read = readPolicyText(R"(propagation:
  pii:
    stop-at: [masked]
  gdpr:
    stop_at: [masked, agregated, dropped]
  pii:direct:
  "pii *": {}
  pii: {}
  hipaa: [masked]
  "pii:": {}
  pii**: {}
  "*": {}
)");
    EXPECT_EQ(read.diagnostics,
              (Lines{"policy.yaml:3:5: error: unknown field 'stop-at' in propagation rule\n"
                     "  hint: did you mean 'stop_at'?",
                     "policy.yaml:5:23: error: unknown transform kind 'agregated' in 'stop_at'\n"
                     "  hint: did you mean 'aggregated'?",
                     "policy.yaml:5:34: error: unknown transform kind 'dropped' in 'stop_at'\n"
                     "  hint: transform kinds are identity, transformed, aggregated, masked",
                     "policy.yaml:6:3: error: the rule for 'pii:direct' must be a mapping, "
                     "not nothing\n"
                     "  hint: write `pii:direct: {stop_at: [masked, aggregated]}`",
                     "policy.yaml:7:3: error: 'pii *' is not a tag prefix\n"
                     "  hint: write a tag (pii, pii:direct), a key and ':*' (pii:*), or '*'",
                     "policy.yaml:8:3: error: duplicate rule for 'pii'",
                     "policy.yaml:9:10: error: the rule for 'hipaa' must be a mapping, "
                     "not a list\n"
                     "  hint: write `hipaa: {stop_at: [masked, aggregated]}`",
                     "policy.yaml:10:3: error: 'pii:' is not a tag prefix\n"
                     "  hint: write a tag (pii, pii:direct), a key and ':*' (pii:*), or '*'",
                     "policy.yaml:11:3: error: 'pii**' is not a tag prefix\n"
                     "  hint: write a tag (pii, pii:direct), a key and ':*' (pii:*), or '*'"}));
    // What could be read is kept: pii (stopping nothing, its field misspelt), gdpr and *.
    EXPECT_EQ(describe(read.policy), "pii:;gdpr: masked;*:;");
}

TEST(PropagationPolicy, UnknownTopLevelKeysAndWrongShapes)
{
    EXPECT_EQ(readPolicyText("propogation:\n  pii: {stop_at: [masked]}\n").diagnostics,
              (Lines{"policy.yaml:1:1: error: unknown field 'propogation' in policy file\n"
                     "  hint: did you mean 'propagation'?"}));
    EXPECT_EQ(readPolicyText("propagation: [pii]\n").diagnostics,
              (Lines{"policy.yaml:1:14: error: 'propagation' must be a mapping from tag "
                     "prefixes to rules, not a list"}));
    EXPECT_EQ(readPolicyText("\n- pii\n").diagnostics,
              (Lines{"policy.yaml:2:1: error: a policy file must be a mapping with 'propagation', "
                     "not a list"}));
    EXPECT_EQ(readPolicyText("propagation: {}\n---\npropagation: {}\n").diagnostics,
              (Lines{"policy.yaml:3:1: error: a policy file holds one YAML document"}));
}

TEST(PropagationPolicy, YamlSyntaxErrorsHaveExactPlaces)
{
    const auto problems = [](const std::string &text) { return readPolicyText(text).diagnostics; };
    EXPECT_EQ(problems("propagation:\n  pii: {stop_at: [masked]\n"),
              Lines{"policy.yaml:2:8: error: YAML syntax error: unclosed '{'\n"
                    "  hint: add the closing '}'"});
    EXPECT_EQ(problems("propagation:\n  pii:\n    stop_at: [masked]\n   gdpr: {}\n"),
              Lines{"policy.yaml:4:4: error: YAML syntax error: end of map not found\n"
                    "  hint: check the indentation of this line and the lines above it"});
    EXPECT_EQ(problems("propagation:\n  pii:\n    stop_at: [\"masked]\n"),
              Lines{"policy.yaml:3:14: error: YAML syntax error: unclosed '['\n"
                    "  hint: add the closing ']'"});
    EXPECT_EQ(problems("propagation:\n  pii:\n    stop_at: \"masked\n"),
              Lines{"policy.yaml:3:14: error: YAML syntax error: unclosed quote\n"
                    "  hint: close the quote on this line, or quote the whole value"});
    EXPECT_EQ(problems("propagation:\n\tpii: {}\n"),
              Lines{"policy.yaml:2:1: error: YAML syntax error: tab used for indentation\n"
                    "  hint: YAML indents with spaces only"});
    EXPECT_EQ(problems("propagation:\n  pii: {stop_at: [masked]}}\n"),
              Lines{"policy.yaml:2:27: error: YAML syntax error: illegal flow end"});
}

TEST(PropagationPolicy, RuleForPicksTheMostSpecificPrefix)
{
    PropagationPolicy policy;
    for (const char *prefix : {"*", "pii:*", "pii", "pii:direct", "gdpr"})
        policy.rules.push_back({prefix, {}});
    const auto prefixOf = [&](const std::string &tag) {
        const PropagationRule *rule = policy.ruleFor(tag);
        return rule ? rule->prefix : std::string("(none)");
    };
    EXPECT_EQ(prefixOf("pii:direct"), "pii:direct");
    EXPECT_EQ(prefixOf("pii:indirect"), "pii:*");
    EXPECT_EQ(prefixOf("pii"), "pii");
    EXPECT_EQ(prefixOf("pii:direct:extra"), "pii:*");
    EXPECT_EQ(prefixOf("gdpr"), "gdpr");
    EXPECT_EQ(prefixOf("piiz"), "*");

    // Without the catch-alls: pii covers its key:value forms, and nothing else.
    PropagationPolicy plain;
    plain.rules.push_back({"pii", {TransformKind::Masked}});
    ASSERT_NE(plain.ruleFor("pii:indirect"), nullptr);
    EXPECT_EQ(plain.ruleFor("pii:indirect")->prefix, "pii");
    EXPECT_EQ(plain.ruleFor("piiz"), nullptr);
    EXPECT_EQ(PropagationPolicy{}.ruleFor("pii"), nullptr);
}

} // namespace
} // namespace tributary
