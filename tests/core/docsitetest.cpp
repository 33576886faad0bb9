// SPDX-License-Identifier: Apache-2.0
// The static docs site of the sample catalog: every link resolves, nothing is remote, the
// search index finds assets (parsed back, and through search.js's own search under node), an
// earlier site is replaced and anything else refused.
#include "tributary/docs/docsite.h"

#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/sitechecks.h"
#include "support/tempcatalog.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;

class DocsSite : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_store = (m_dir / "acme.sqlite").string();
        auto store = openCatalogStore(m_store, OpenMode::Create);
        ASSERT_TRUE(store) << store.error().toString();
        ImportOptions options;
        options.at = Timestamp{1704067200};
        ASSERT_TRUE(
            (*store)->importCatalog(testing::loadClean(testing::sampleCatalogDir()), options));
        auto list = (*store)->list({}, AsOf::latest());
        ASSERT_TRUE(list);
        m_resources = list->size();
    }
    Result<DocsSiteSummary> exportTo(const fs::path &output, DocsSiteOptions options = {})
    {
        options.output = output.string();
        return exportDocsSite(m_store, options);
    }
    // search-index.js as JSON: the assignment around it stripped.
    static nlohmann::json readIndex(const fs::path &site)
    {
        const std::string text = testing::fileText(site / "search-index.js");
        const std::string prefix = "window.TRIBUTARY_INDEX = ";
        EXPECT_TRUE(text.starts_with(prefix));
        EXPECT_TRUE(text.ends_with(";\n"));
        return nlohmann::json::parse(text.substr(prefix.size(), text.size() - prefix.size() - 2));
    }

    testing::TempDir m_dir;
    std::string m_store;
    std::size_t m_resources = 0;
};

TEST_F(DocsSite, EveryLinkOfTheSampleResolvesAndNothingIsRemote)
{
    auto summary = exportTo(m_dir / "site");
    ASSERT_TRUE(summary) << summary.error().toString();
    const auto files = testing::siteFiles(m_dir / "site");
    std::size_t assetPages = 0;
    for (const auto &[path, text] : files)
        assetPages += path.starts_with("assets/") && path.ends_with(".html");
    EXPECT_EQ(assetPages, m_resources);
    EXPECT_GT(summary->pages, m_resources);
    EXPECT_TRUE(files.count("index.html") && files.count("search.html") && files.count("style.css")
        && files.count("search.js") && files.count(".tributary-docs"));
    EXPECT_EQ(summary->indexBytes, files.at("search-index.js").size());
    std::uint64_t bytes = 0;
    for (const auto &[path, text] : files)
        bytes += text.size();
    EXPECT_EQ(summary->bytes, bytes);

    const std::vector<std::string> problems = testing::linkProblems(m_dir / "site");
    std::string listed;
    for (const std::string &problem : problems)
        listed += problem + "\n";
    EXPECT_TRUE(problems.empty()) << listed;
    for (const auto &[path, text] : files) {
        EXPECT_EQ(text.find("url(http"), std::string::npos) << path;
        EXPECT_EQ(text.find("@import"), std::string::npos) << path;
        if (path.ends_with(".html")) {
            // The drawing's SVG namespace is a name, not a URL anyone fetches; nothing else
            // remote is named in markup.
            std::string markup = text;
            for (std::size_t at;
                 (at = markup.find("xmlns=\"http://www.w3.org/2000/svg\"")) != std::string::npos;)
                markup.erase(at, 34);
            for (const std::string &url : testing::urlAttributes(markup))
                EXPECT_FALSE(url.starts_with("http") || url.starts_with("//"))
                    << path << ": " << url;
        }
    }
}

TEST_F(DocsSite, AnAssetPageShowsItsDocsColumnsTagsLineageAndHistory)
{
    ASSERT_TRUE(exportTo(m_dir / "site"));
    const std::string source = testing::fileText(m_dir / "site/assets/source/customers@v1.html");
    ASSERT_FALSE(source.empty());
    EXPECT_NE(source.find("<tr id=\"col-email\">"), std::string::npos);
    EXPECT_NE(source.find("class=\"tag personal\""), std::string::npos);
    EXPECT_NE(source.find("<svg"), std::string::npos);
    EXPECT_NE(source.find("id=\"downstream\""), std::string::npos);
    EXPECT_NE(source.find("id=\"history\""), std::string::npos);
    EXPECT_NE(source.find("sha256"), std::string::npos);
    // Every page says where it stands.
    EXPECT_NE(source.find("as of import 1"), std::string::npos);

    // A feature that the PII of customers' date of birth reaches, with the way it came.
    const std::string age = testing::fileText(m_dir / "site/assets/feature/customer_age@v1.html");
    ASSERT_FALSE(age.empty());
    EXPECT_NE(age.find("id=\"propagated\""), std::string::npos);
    EXPECT_NE(age.find("source:customers@v1#date_of_birth -["), std::string::npos);
    // Links between descriptions resolve to pages.
    const std::string product
        = testing::fileText(m_dir / "site/assets/feature/product_conversion_rate_7d@v1.html");
    EXPECT_NE(
        product.find(
            "<a class=\"asset\" href=\"../../assets/feature/product_conversion_rate_7d@v2.html\">"),
        std::string::npos);
}

TEST_F(DocsSite, TheSearchIndexFindsAKnownAssetAndItsPage)
{
    ASSERT_TRUE(exportTo(m_dir / "site"));
    const nlohmann::json index = readIndex(m_dir / "site");
    ASSERT_EQ(index["assets"].size(), m_resources);
    const auto &kinds = index["kinds"];
    bool found = false;
    for (const auto &entry : index["assets"]) {
        if (entry[1] != "customer_age" || entry[2] != "v1")
            continue;
        found = true;
        EXPECT_EQ(kinds[entry[0].get<int>()], "feature");
        const fs::path page = m_dir / "site/assets" / kinds[entry[0].get<int>()].get<std::string>()
            / (entry[1].get<std::string>() + "@" + entry[2].get<std::string>() + ".html");
        EXPECT_NE(testing::fileText(page).find("<h1>customer_age@v1 "), std::string::npos);
    }
    EXPECT_TRUE(found);
}

// search.js's own search, run by node on the exported index.
TEST_F(DocsSite, SearchJsRanksANameMatchFirst)
{
    if (std::system("node --version > /dev/null 2>&1") != 0)
        GTEST_SKIP()
            << "node is not on PATH: search.js not run (the index itself is checked above)";
    ASSERT_TRUE(exportTo(m_dir / "site"));
    const fs::path site = m_dir / "site";
    std::ofstream(m_dir / "run.js")
        << "global.window = {};\nrequire(" << nlohmann::json(site / "search-index.js").dump()
        << ");\nconst s = require(" << nlohmann::json(site / "search.js").dump()
        << ");\nfor (const q of ['customer_age', 'churn mod', 'tag:pii:direct', 'kind:model "
           "churn'])\n"
           "  console.log(JSON.stringify(s.search(window.TRIBUTARY_INDEX, q).map(h => h.path)));\n";
    const std::string command
        = "node " + (m_dir / "run.js").string() + " > " + (m_dir / "out.txt").string();
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::istringstream lines(testing::fileText(m_dir / "out.txt"));
    std::vector<nlohmann::json> results;
    for (std::string line; std::getline(lines, line);)
        results.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(results.size(), 4u);
    ASSERT_FALSE(results[0].empty());
    EXPECT_EQ(results[0][0], "assets/feature/customer_age@v1.html");
    ASSERT_FALSE(results[1].empty());
    EXPECT_TRUE(results[1][0].get<std::string>().starts_with("assets/model/churn_model@"))
        << results[1];
    ASSERT_FALSE(results[2].empty());
    for (const auto &path : results[2])
        EXPECT_TRUE(fs::exists(site / path.get<std::string>())) << path;
    ASSERT_FALSE(results[3].empty());
    for (const auto &path : results[3])
        EXPECT_TRUE(path.get<std::string>().starts_with("assets/model/churn_model@")) << path;
}

TEST_F(DocsSite, AnEarlierSiteIsReplacedWhole)
{
    ASSERT_TRUE(exportTo(m_dir / "site"));
    std::ofstream(m_dir / "site/stale.html") << "from before";
    auto again = exportTo(m_dir / "site");
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_FALSE(fs::exists(m_dir / "site/stale.html"));
    EXPECT_TRUE(fs::exists(m_dir / "site/index.html"));
    // Nothing is left beside it: no temporary or old folders.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto &entry : fs::directory_iterator(m_dir.path()))
        ++entries;
    EXPECT_EQ(entries, 2u); // acme.sqlite and site
}

TEST_F(DocsSite, AFolderOfOtherThingsIsRefusedAndLeftAlone)
{
    fs::create_directories(m_dir / "mine");
    std::ofstream(m_dir / "mine/notes.txt") << "keep me";
    auto refused = exportTo(m_dir / "mine");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_FALSE(refused.error().hint.empty());
    EXPECT_EQ(testing::siteFiles(m_dir / "mine").size(), 1u);
    EXPECT_EQ(testing::fileText(m_dir / "mine/notes.txt"), "keep me");
    std::ofstream(m_dir / "a-file") << "x";
    EXPECT_FALSE(exportTo(m_dir / "a-file"));
    // An empty folder is fine.
    fs::create_directories(m_dir / "empty");
    EXPECT_TRUE(exportTo(m_dir / "empty"));
}

TEST_F(DocsSite, CancellingLeavesTheOutputAsItWas)
{
    DocsSiteOptions options;
    options.threads = 2;
    options.progress = [](std::size_t, std::size_t) { return false; };
    auto cancelled = exportTo(m_dir / "site", options);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
    EXPECT_FALSE(fs::exists(m_dir / "site"));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto &entry : fs::directory_iterator(m_dir.path()))
        ++entries;
    EXPECT_EQ(entries, 1u); // the store alone
}

TEST_F(DocsSite, AnEarlierPointShowsThatPoint)
{
    auto store = openCatalogStore(m_store, OpenMode::ReadWrite);
    ASSERT_TRUE(store);
    testing::TempDir second;
    const fs::path folder
        = second.writeCatalog("c", {{"a.yaml", "entities:\n  - name: visitor\n"}});
    ImportOptions options;
    options.at = Timestamp{1706745600};
    ASSERT_TRUE((*store)->importCatalog(testing::loadClean(folder), options));
    DocsSiteOptions site;
    site.asOf = AsOf::import(ImportId{1});
    auto summary = exportTo(m_dir / "site", site);
    ASSERT_TRUE(summary) << summary.error().toString();
    EXPECT_EQ(summary->import.value, 1);
    EXPECT_TRUE(fs::exists(m_dir / "site/assets/feature/customer_age@v1.html"));
    EXPECT_FALSE(fs::exists(m_dir / "site/assets/entity/visitor.html"));
    EXPECT_NE(
        testing::fileText(m_dir / "site/index.html").find("as of import 1"), std::string::npos);
    // Nothing was imported before the first import.
    auto empty = openCatalogStore((m_dir / "empty.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(empty);
    DocsSiteOptions none;
    none.output = (m_dir / "none").string();
    auto refused = exportDocsSite((m_dir / "empty.sqlite").string(), none);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
}

} // namespace
} // namespace tributary
