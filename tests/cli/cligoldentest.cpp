// SPDX-License-Identifier: Apache-2.0
// Golden tests of the `tributary` command line, one case per folder under tests/data/cli
// (STYLE.md rule 18); a new case is a new folder, not new C++. Commands run in-process through
// runCli(). A case folder holds:
//   args              the arguments, one per line (an empty file runs `tributary` with none)
//   expected-exit     the exit code
//   expected-stdout   what goes to stdout; expected-stderr, what goes to stderr (absent: nothing)
//   args2, expected-exit2, expected-stdout2, ...  more commands, run in order in the same temp dir
//   setup             optional: commands run first, one a line, arguments split on spaces (# and
//                     blank lines skipped); each must exit 0
//   env               optional: NAME=VALUE lines set for the whole case
//   known-issue.txt   optional: the expectation is right and the CLI is wrong, as the note says;
//                     skipped while it fails, and failing once it passes so the note is removed
// Placeholders in args, setup, env and the expected files: $CATALOG (a fresh .sqlite path per
// case, not created), $SAMPLE (resources/samples/acme), $CASE (the case folder), $DATA
// (tests/data/cli, whose catalogs/ folder holds catalogs several cases share), $TMP (the case's
// temp dir), $VERSION (the tool's version). TRIBUTARY_AUTHOR is `golden`; setups pass
// --at, so output holds no clock or user name.
//
// UPDATE_GOLDEN=1 rewrites the expected files from what the commands print, placeholders put
// back (never in a known-issue case), e.g. `UPDATE_GOLDEN=1 build/dev/tests/cli_tests
// --gtest_filter='*show_*'`. Review every rewritten file by eye before committing, with
// `git diff tests/data/cli`: a golden is a spec, not a snapshot of whatever the code does.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdlib.h>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "../support/casefolders.h"
#include "command.h"

namespace tributary::cli {
namespace {

namespace fs = std::filesystem;
using tributary::testing::readText;
using tributary::testing::replaceAll;

std::vector<std::string> caseNames();

fs::path casesRoot()
{
    return (fs::path(TRIBUTARY_TEST_DATA) / "cli").lexically_normal();
}

std::vector<std::string> caseNames() { return tributary::testing::caseFolders(casesRoot(), "args"); }

void writeText(const fs::path &file, const std::string &text)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Placeholder -> value, in the order to expand them; UPDATE_GOLDEN folds values back, longest
// first, so $CATALOG wins over the $TMP it lies in.
using Placeholders = std::vector<std::pair<std::string, std::string>>;

std::string expand(std::string text, const Placeholders &placeholders)
{
    for (const auto &[name, value] : placeholders)
        replaceAll(text, name, value);
    return text;
}

std::string fold(std::string text, Placeholders placeholders)
{
    std::sort(placeholders.begin(), placeholders.end(),
        [](const auto &a, const auto &b) { return a.second.size() > b.second.size(); });
    for (const auto &[name, value] : placeholders) {
        if (name == "$VERSION") { // too short to fold blindly
            replaceAll(text, "tributary " + value + '\n', "tributary " + name + '\n');
            replaceAll(
                text, "\"tool_version\": \"" + value + '"', "\"tool_version\": \"" + name + '"');
        } else {
            replaceAll(text, value, name);
        }
    }
    return text;
}

// A line diff of expected against actual: hunks with two lines of context, `-` expected only,
// `+` actual only.
std::string lineDiff(const std::string &expected, const std::string &actual)
{
    const std::vector<std::string> a = splitLines(expected), b = splitLines(actual);
    std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;)
            lcs[i][j]
                = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    std::vector<std::pair<char, std::string>> ops;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            ops.emplace_back(' ', a[i++]);
            ++j;
        } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.emplace_back('-', a[i++]);
        } else {
            ops.emplace_back('+', b[j++]);
        }
    }
    std::string out;
    std::size_t lastShown = 0;
    bool shownAny = false;
    for (std::size_t k = 0; k < ops.size(); ++k) {
        const auto nearChange = [&] {
            for (std::size_t m = (k >= 2 ? k - 2 : 0); m < std::min(ops.size(), k + 3); ++m) {
                if (ops[m].first != ' ')
                    return true;
            }
            return false;
        };
        if (!nearChange())
            continue;
        if (shownAny && k > lastShown + 1)
            out += "  ...\n";
        out += std::string(1, ops[k].first) + ' ' + ops[k].second + '\n';
        lastShown = k;
        shownAny = true;
    }
    if (!expected.ends_with('\n') && !expected.empty())
        out += "(expected has no newline at the end)\n";
    if (!actual.ends_with('\n') && !actual.empty())
        out += "(actual has no newline at the end)\n";
    return out;
}

struct Output {
    int exit = 0;
    std::string out;
    std::string err;
};

Output run(const std::vector<std::string> &args)
{
    std::ostringstream out, err;
    const int exit = runCli(args, out, err);
    return {exit, out.str(), err.str()};
}

std::string commandLine(const std::vector<std::string> &args)
{
    std::string text = "tributary";
    for (const std::string &arg : args)
        text += ' ' + arg;
    return text;
}

// Sets variables for one case and puts the old values back afterwards.
class ScopedEnv
{
public:
    void set(const std::string &name, const std::optional<std::string> &value)
    {
        const char *old = std::getenv(name.c_str());
        m_saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
        apply(name, value);
    }
    ~ScopedEnv()
    {
        for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it)
            apply(it->first, it->second);
    }

private:
    static void apply(const std::string &name, const std::optional<std::string> &value)
    {
        if (value)
            ::setenv(name.c_str(), value->c_str(), 1);
        else
            ::unsetenv(name.c_str());
    }
    std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

class CliGoldenTest : public ::testing::TestWithParam<std::string>
{
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "tributary-cli-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_tmp = pattern;
    }
    void TearDown() override
    {
        if (HasFailure()) {
            std::cerr << "kept " << m_tmp.string() << " for inspection\n";
        } else {
            std::error_code ec;
            fs::remove_all(m_tmp, ec);
        }
    }
    fs::path m_tmp;
};

TEST_P(CliGoldenTest, PrintsTheExpectedOutput)
{
    const fs::path caseDir = casesRoot() / GetParam();
    const bool update
        = std::getenv("UPDATE_GOLDEN") && std::string(std::getenv("UPDATE_GOLDEN")) == "1";
    const Placeholders placeholders = {
        {"$CATALOG", (m_tmp / "catalog.sqlite").string()},
        {"$SAMPLE",
            (fs::path(TRIBUTARY_SOURCE_DIR) / "resources/samples/acme")
                .lexically_normal()
                .string()},
        {"$CASE", caseDir.string()},
        {"$DATA", casesRoot().string()},
        {"$TMP", m_tmp.string()},
        {"$VERSION", toolVersion()},
    };
    ScopedEnv env;
    env.set("TRIBUTARY_AUTHOR", "golden");
    env.set("TRIBUTARY_CATALOG", std::nullopt);
    for (const std::string &line : splitLines(readText(caseDir / "env"))) {
        const auto equals = line.find('=');
        if (!line.empty() && !line.starts_with('#') && equals != std::string::npos)
            env.set(line.substr(0, equals), expand(line.substr(equals + 1), placeholders));
    }

    for (const std::string &line : splitLines(readText(caseDir / "setup"))) {
        std::vector<std::string> args;
        std::istringstream words(line);
        for (std::string word; words >> word;)
            args.push_back(expand(word, placeholders));
        if (args.empty() || args.front().starts_with('#'))
            continue;
        const Output setup = run(args);
        ASSERT_EQ(setup.exit, 0) << "setup failed: " << commandLine(args) << '\n' << setup.err;
    }

    // A known issue's expectation is the spec the CLI does not meet yet: never rewrite it.
    const fs::path knownIssue = caseDir / "known-issue.txt";
    const bool rewrite = update && !fs::exists(knownIssue);
    std::string mismatches;
    for (int step = 1; fs::exists(caseDir / ("args" + (step == 1 ? "" : std::to_string(step))));
         ++step) {
        const std::string suffix = step == 1 ? "" : std::to_string(step);
        std::vector<std::string> args;
        for (const std::string &arg : splitLines(readText(caseDir / ("args" + suffix))))
            args.push_back(expand(arg, placeholders));
        const Output actual = run(args);
        const auto check = [&](const std::string &file, const std::string &got) {
            const fs::path path = caseDir / (file + suffix);
            std::string want = fs::exists(path) ? expand(readText(path), placeholders) : "";
            if (file == "expected-exit") // the number, however the file ends
                want = std::to_string(std::atoi(want.c_str())) + (want.empty() ? "?\n" : "\n");
            if (rewrite && want != got) {
                if (got.empty() && file != "expected-stdout")
                    fs::remove(path);
                else
                    writeText(path, fold(got, placeholders));
            }
            if (want != got) {
                mismatches += "\n" + commandLine(args) + "\n  " + path.filename().string()
                    + " differs (- expected, + actual):\n" + lineDiff(want, got);
            }
        };
        check("expected-exit", std::to_string(actual.exit) + '\n');
        check("expected-stdout", actual.out);
        check("expected-stderr", actual.err);
    }

    if (fs::exists(knownIssue)) {
        if (!mismatches.empty())
            GTEST_SKIP() << "known CLI issue: " << readText(knownIssue) << mismatches;
        FAIL() << "the CLI now gives the expected output: delete " << knownIssue.string();
    }
    EXPECT_TRUE(mismatches.empty()) << "case " << caseDir.string() << mismatches;
}

INSTANTIATE_TEST_SUITE_P(Cases, CliGoldenTest, ::testing::ValuesIn(caseNames()), tributary::testing::caseTestName);

} // namespace
} // namespace tributary::cli
