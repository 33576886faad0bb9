// SPDX-License-Identifier: Apache-2.0
// The reader's diagnostics, one case per folder under tests/data/diagnostics (STYLE.md rule 18).
// A case holds `catalog/` and either `expected-error.txt` (every diagnostic, exactly, files
// named relative to `catalog/`) or an empty `expected-ok` (no errors; warnings only as listed
// in an optional expected-error.txt). A case the reader gets wrong keeps the right expectation
// and a `known-issue.txt` saying what is wrong: it is skipped until fixed, then fails so the
// note is removed. A new case is a new folder, not new C++.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../support/casefolders.h"
#include "tributary/format/catalogreader.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;
using testing::readText;
using testing::replaceAll;

fs::path casesRoot()
{
    return (fs::path(TRIBUTARY_TEST_DATA) / "diagnostics").lexically_normal();
}

std::vector<std::string> caseNames() { return testing::caseFolders(casesRoot()); }

std::string withoutTrailingNewlines(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

// Every diagnostic as the CLI prints it, with `catalogDir/` dropped wherever it appears (hints
// name files too) so expectations do not depend on where the sources are checked out.
std::string render(const Diagnostics &diagnostics, const fs::path &catalogDir)
{
    std::string text;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (!text.empty())
            text += '\n';
        text += diagnostic.toString();
    }
    replaceAll(text, catalogDir.generic_string() + '/', {});
    return text;
}

class DiagnosticCaseTest : public ::testing::TestWithParam<std::string>
{
};

TEST_P(DiagnosticCaseTest, ReportsExactlyTheExpectedDiagnostics)
{
    const fs::path caseDir = casesRoot() / GetParam();
    const fs::path catalogDir = caseDir / "catalog";
    const fs::path errorFile = caseDir / "expected-error.txt";
    const fs::path knownIssueFile = caseDir / "known-issue.txt";
    const bool expectOk = fs::exists(caseDir / "expected-ok");
    ASSERT_TRUE(fs::is_directory(catalogDir)) << caseDir.string() << " has no catalog/ folder";
    ASSERT_TRUE(expectOk || fs::exists(errorFile))
        << caseDir.string() << " needs expected-error.txt or expected-ok";

    const CatalogLoad load = loadCatalog(catalogDir);
    const std::string actual = render(load.diagnostics, catalogDir);
    const std::string expected
        = fs::exists(errorFile) ? withoutTrailingNewlines(readText(errorFile)) : std::string();
    const bool matches = actual == expected && (!expectOk || load.ok());
    const std::string report
        = std::string(expectOk ? "expected no errors" : "expected exactly these diagnostics")
        + "\n--- expected (" + GetParam() + (fs::exists(errorFile) ? "/expected-error.txt" : "")
        + ")\n" + expected + "\n--- actual\n" + actual + "\n---";

    if (fs::exists(knownIssueFile)) {
        if (!matches)
            GTEST_SKIP() << "known reader issue: " << readText(knownIssueFile) << report;
        FAIL() << "the reader now gives the expected output: delete " << knownIssueFile.string();
    }
    EXPECT_TRUE(matches) << report;
}

INSTANTIATE_TEST_SUITE_P(Cases, DiagnosticCaseTest, ::testing::ValuesIn(caseNames()), testing::caseTestName);

// Guards against a wrong TRIBUTARY_TEST_DATA, which would otherwise run no case at all.
TEST(DiagnosticCases, AreFound)
{
    EXPECT_FALSE(caseNames().empty()) << "no case folders under " << casesRoot().string();
}

} // namespace
} // namespace tributary
