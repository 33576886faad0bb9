// SPDX-License-Identifier: Apache-2.0
// A catalog written to attack its own docs site: script tags, attribute breakouts, javascript:
// links, raw HTML and </script> in every field the format lets hold text. The site must show
// all of it as text and run none of it.
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/sitechecks.h"
#include "support/tempcatalog.h"
#include "tributary/docs/docsite.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;

constexpr const char *kHostile = R"yaml(
providers:
  - name: evil_provider
    type: "<script>alert(1)</script>"
    owner: '"><img src=x onerror=alert(1)>'
    description: |
      <script>alert(1)</script>

      [click](javascript:alert(1)) and </script><img src=x onerror=alert(1)> inline.

      <div onmouseover="alert(1)">a raw HTML block</div>
entities:
  - name: customer
    tags: ['"><img/src=x/onerror=alert(1)>']
sources:
  - name: raw_events
    version: v1
    provider: evil_provider
    type: table
    location: "</script><script>alert(1)</script>"
    owner: "</script><script>alert(2)</script>"
    tags: ["<script>alert(1)</script>", "pii:direct"]
    properties:
      "<b onclick=alert(1)>key</b>": '"><img src=x onerror=alert(1)>'
      homepage: "javascript:alert(1)"
    description: |
      <!-- a comment --> <iframe src="https://evil.example/"></iframe>

      [x](JaVaScRiPt:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=) [z](vbscript:msgbox)
      [w](java&#09;script:alert(1)) [v](file:///etc/passwd)

      ![img](https://evil.example/x.png)

      See [[feature:evil_feature@v1]].
    columns:
      - name: user_id
        type: "<script>"
        description: "</script><script>alert(3)</script>"
        tags: ["pii:direct", "</script><script>alert(7)</script>"]
      - {name: note, type: string, description: '"><img src=x onerror=alert(1)>'}
features:
  - name: evil_feature
    version: v1
    entity: customer
    source: raw_events@v1
    column: user_id
    type: string
    owner: "<script>alert(4)</script>"
    definition: "</script><script>alert(5)</script>"
    language: "<script>"
    description: "`</script>` and <script>alert(6)</script> and [[feature:nowhere@v9]]"
)yaml";

const std::string kOwner = "</script><script>alert(2)</script>";

class DocsSiteHostile : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const fs::path folder = m_dir.writeCatalog("evil", {{"catalog.yaml", kHostile}});
        CatalogLoad load = loadCatalog(folder);
        std::string problems;
        for (const Diagnostic &d : load.diagnostics)
            problems += d.toString() + "\n";
        ASSERT_TRUE(load.ok()) << problems;
        const std::string store = (m_dir / "evil.sqlite").string();
        auto opened = openCatalogStore(store, OpenMode::Create);
        ASSERT_TRUE(opened);
        ASSERT_TRUE((*opened)->importCatalog(load.catalog, {}));
        DocsSiteOptions options;
        options.output = (m_dir / "site").string();
        options.catalogName = "<script>alert('name')</script>";
        auto summary = exportDocsSite(store, options);
        ASSERT_TRUE(summary) << summary.error().toString();
        m_files = testing::siteFiles(m_dir / "site");
    }

    testing::TempDir m_dir;
    std::map<std::string, std::string> m_files;
};

TEST_F(DocsSiteHostile, NoScriptButTheSitesOwn)
{
    ASSERT_GT(m_files.size(), 10u);
    static const std::regex own(R"re(<script src="(\.\./)*search(-index)?\.js" defer></script>)re");
    for (const auto &[path, text] : m_files) {
        const std::string lower = [&] {
            std::string l = text;
            for (char &c : l)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            return l;
        }();
        if (path.ends_with(".html")) {
            // Every <script is one of the site's own tags, which load files and hold nothing.
            const std::string stripped = std::regex_replace(lower, own, "");
            EXPECT_EQ(stripped.find("<script"), std::string::npos) << path;
            EXPECT_EQ(lower.find("<img"), std::string::npos) << path;
            EXPECT_EQ(lower.find("<iframe"), std::string::npos) << path;
            EXPECT_EQ(lower.find("<div onmouseover"), std::string::npos) << path;
            for (const std::string &url : testing::urlAttributes(text)) {
                std::string compact;
                for (char c : url) {
                    if (static_cast<unsigned char>(c) > 0x20)
                        compact += char(std::tolower(static_cast<unsigned char>(c)));
                }
                EXPECT_FALSE(compact.starts_with("javascript:") || compact.starts_with("vbscript:")
                    || compact.starts_with("data:") || compact.starts_with("file:")
                    || compact.find("java&#") != std::string::npos)
                    << path << ": " << url;
            }
        }
        // No event handler attribute (onerror=, onclick=, ...) in any tag of any file. The
        // hostile text itself is on the pages, escaped ("&lt;img src=x onerror=alert(1)&gt;"):
        // with its '<' escaped it is text, not a tag, and that is what is looked for here.
        static const std::regex tag(R"re(<[a-z!/?][^>]*>)re");
        static const std::regex handler(R"re(\son[a-z]+\s*=)re");
        for (auto it = std::sregex_iterator(lower.begin(), lower.end(), tag);
             it != std::sregex_iterator(); ++it)
            EXPECT_FALSE(std::regex_search(it->str(), handler)) << path << ": " << it->str();
        if (path == "style.css" || path == "search.js") { // the site's own, whatever the catalog
            EXPECT_EQ(lower.find("onerror"), std::string::npos) << path;
        }
    }
}

TEST_F(DocsSiteHostile, TheHostileTextIsShownAsText)
{
    const std::string &source = m_files.at("assets/source/raw_events@v1.html");
    EXPECT_NE(
        source.find("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(source.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
    EXPECT_NE(source.find("javascript:alert(1)</td>"), std::string::npos); // a property, as text
    // Links with unsafe schemes keep their text, and lose their URL.
    const std::string &provider = m_files.at("assets/provider/evil_provider.html");
    EXPECT_NE(provider.find("<span class=\"link\">click</span>"), std::string::npos);
    for (const char *text : {"x", "y", "z", "w", "v"})
        EXPECT_NE(
            source.find("<span class=\"link\">" + std::string(text) + "</span>"), std::string::npos)
            << text;
    const std::string &feature = m_files.at("assets/feature/evil_feature@v1.html");
    EXPECT_NE(feature.find("<code>&lt;/script&gt;</code>"), std::string::npos);
    EXPECT_NE(feature.find("<span class=\"unresolved\""), std::string::npos);
    // The link to the feature resolves from the source's description.
    EXPECT_NE(source.find("href=\"../../assets/feature/evil_feature@v1.html\""), std::string::npos);
    // Tag list pages exist for the hostile tags, and their names are slugs.
    for (const auto &[path, text] : m_files) {
        if (path.starts_with("tags/")) {
            EXPECT_TRUE(std::regex_match(path, std::regex(R"(tags/[a-z0-9-]+-[0-9]+\.html)")))
                << path;
        }
    }
    // Internal links resolve. The one remote URL is the image, turned into a link to click
    // (descriptions may link out; nothing is ever loaded from anywhere).
    EXPECT_NE(
        source.find("<a class=\"image\" href=\"https://evil.example/x.png\""), std::string::npos);
    std::string problems;
    for (const std::string &problem : testing::linkProblems(m_dir / "site"))
        problems += problem + "\n";
    EXPECT_EQ(problems,
        "assets/source/raw_events@v1.html: absolute or remote URL https://evil.example/x.png\n");
}

TEST_F(DocsSiteHostile, TheSearchIndexCannotCloseAScriptAndKeepsTheText)
{
    const std::string &script = m_files.at("search-index.js");
    EXPECT_EQ(script.find('<'), std::string::npos);
    EXPECT_EQ(script.find('>'), std::string::npos);
    const std::string prefix = "window.TRIBUTARY_INDEX = ";
    ASSERT_TRUE(script.starts_with(prefix));
    const auto index
        = nlohmann::json::parse(script.substr(prefix.size(), script.size() - prefix.size() - 2));
    bool owner = false, tag = false;
    for (const auto &o : index["owners"])
        owner = owner || o == kOwner;
    for (const auto &t : index["tags"])
        tag = tag || t == "</script><script>alert(7)</script>";
    EXPECT_TRUE(owner);
    EXPECT_TRUE(tag);
    EXPECT_EQ(index["catalog"], "<script>alert('name')</script>");
}

} // namespace
} // namespace tributary
