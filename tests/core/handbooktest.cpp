// SPDX-License-Identifier: Apache-2.0
// The handbook's contents: which assets a scope takes, and what each chapter says.
#include <set>

#include <gtest/gtest.h>

#include "support/smallcatalog.h"
#include "support/tempcatalog.h"
#include "tributary/docs/handbook.h"

namespace tributary {
namespace {

using testing::TempDir;

class HandbookTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto store = openCatalogStore((m_dir / "acme.sqlite").string(), OpenMode::Create);
        ASSERT_TRUE(store) << store.error().toString();
        m_store = std::move(*store);
        auto imported = m_store->importCatalog(testing::loadClean(testing::sampleCatalogDir()), {});
        ASSERT_TRUE(imported) << imported.error().toString();
    }

    std::set<Ref> listed(const ResourceFilter &filter)
    {
        std::set<Ref> refs;
        const auto rows = m_store->list(filter, AsOf::latest());
        for (const ResourceSummary &row : rows.value())
            refs.insert(row.ref);
        return refs;
    }

    std::shared_ptr<const LineageGraph> graph()
    {
        return std::make_shared<const LineageGraph>(
            LineageGraph::build(m_store->lineageSnapshot(AsOf::latest()).value()));
    }

    TempDir m_dir;
    std::unique_ptr<CatalogStore> m_store;
};

TEST_F(HandbookTest, ATagTakesWhatTheListFilterTakes)
{
    ResourceFilter byTag;
    byTag.tag = "pii";
    const std::set<Ref> expected = listed(byTag);
    ASSERT_GT(expected.size(), 3u) << "the sample has personal data in several places";
    const auto assets = handbookAssets(*m_store, {{}, "pii", {}}, AsOf::latest());
    ASSERT_TRUE(assets) << assets.error().toString();
    EXPECT_EQ(std::set<Ref>(assets->begin(), assets->end()), expected);
    EXPECT_TRUE(std::is_sorted(assets->begin(), assets->end())) << "catalog order";
}

TEST_F(HandbookTest, ScopesAddUpAndEachAssetComesOnce)
{
    const Ref named{ResourceKind::Model, "churn_model", "2"};
    ResourceFilter byOwner;
    byOwner.owner = "growth-ml@acme.example";
    std::set<Ref> expected = listed(byOwner);
    ASSERT_FALSE(expected.empty());
    expected.insert(named);
    const auto assets = handbookAssets(*m_store, {{named, named}, {}, "growth-ml@acme.example"}, AsOf::latest());
    ASSERT_TRUE(assets) << assets.error().toString();
    EXPECT_EQ(assets->size(), expected.size());
    EXPECT_EQ(std::set<Ref>(assets->begin(), assets->end()), expected);

    const auto everything = handbookAssets(*m_store, {}, AsOf::latest());
    ASSERT_TRUE(everything);
    EXPECT_EQ(everything->size(), listed({}).size());
}

TEST_F(HandbookTest, NamedAssetsThatAreNotThereAreListed)
{
    const auto assets = handbookAssets(*m_store,
        {{{ResourceKind::Feature, "spend_30d", "v9"}, {ResourceKind::Model, "nope", "v1"}}, {}, {}},
        AsOf::latest());
    ASSERT_FALSE(assets);
    EXPECT_EQ(assets.error().code, ErrorCode::NotFound);
    ASSERT_EQ(assets.error().details.size(), 2u);
    EXPECT_EQ(assets.error().details[0], "feature:spend_30d@v9");
}

TEST_F(HandbookTest, AChapterHoldsTheDocsColumnsLineageAndComplianceFacts)
{
    ASSERT_TRUE(m_store->list({}, AsOf::latest()).value().size() > 0);
    const Ref profile{ResourceKind::Source, "customer_profile", "v1"};
    const Ref model{ResourceKind::Model, "churn_model", "2"};
    HandbookOptions options;
    options.catalog = "acme.sqlite";
    options.scope = "2 chosen assets";
    const auto book = buildHandbook(*m_store, graph(), {profile, model}, options);
    ASSERT_TRUE(book) << book.error().toString();
    ASSERT_EQ(book->chapters.size(), 2u);

    const HandbookChapter &source = book->chapters[0];
    EXPECT_EQ(source.title, "Source customer_profile@v1");
    EXPECT_EQ(source.number, 1u);
    const StoredResource stored = m_store->get(profile, AsOf::latest()).value();
    const std::vector<Column> &columns = stored.resource.as<SourceSpec>()->columns;
    for (const Column &column : columns)
        EXPECT_NE(source.html.find("<code>" + column.name + "</code>"), std::string::npos) << column.name;
    EXPECT_NE(source.html.find("Personal data written here:</b> pii"), std::string::npos) << source.html;
    EXPECT_NE(source.html.find("Models it feeds, at any depth"), std::string::npos);
    // The model is in the book: the source's list of models names its chapter.
    EXPECT_NE(source.html.find("model:churn_model@2 <span style=\"color:#5f6b7a\">(ch. 2)</span>"),
        std::string::npos) << source.html;
    EXPECT_EQ(source.html.find("<a "), std::string::npos) << "print has no links";
    EXPECT_NE(source.html.find(stored.created.fileSha256.substr(0, 12)), std::string::npos) << "evidence";
    EXPECT_NE(source.html.find(source.diagramMarker), std::string::npos);
    EXPECT_FALSE(source.diagram.nodes.empty());

    const HandbookChapter &chapter = book->chapters[1];
    EXPECT_NE(chapter.html.find("Features it rests on"), std::string::npos);
    EXPECT_NE(chapter.html.find("Personal data that travelled here ("), std::string::npos) << chapter.html;

    const std::string stamp = book->stamp[2];
    EXPECT_EQ(stamp, "Catalog fingerprint: " + m_store->fingerprint(AsOf::latest()).value());
}

TEST_F(HandbookTest, CatalogTextIsEscaped)
{
    std::string yaml = testing::kSmallCatalog;
    const std::string hostile = "<script>alert(1)</script>";
    yaml.replace(yaml.find("owner: data-eng"), 15, "owner: \"" + hostile + "\"");
    const std::string description = "description: Average basket value over ninety days.";
    yaml.replace(yaml.find(description), description.size(),
        "description: \"<img src=x onerror=alert(1)> [[source:raw@v1]]\"");
    const auto folder = m_dir.writeCatalog("hostile", {{"catalog.yaml", yaml}});
    auto store = openCatalogStore((m_dir / "hostile.sqlite").string(), OpenMode::Create).value();
    ASSERT_TRUE(store->importCatalog(testing::loadClean(folder), {}));
    const auto graph = std::make_shared<const LineageGraph>(
        LineageGraph::build(store->lineageSnapshot(AsOf::latest()).value()));
    const Ref raw{ResourceKind::Source, "raw", "v1"};
    const Ref spend{ResourceKind::Feature, "avg_spend", "v1"};
    const auto book = buildHandbook(*store, graph, {raw, spend}, {});
    ASSERT_TRUE(book) << book.error().toString();
    for (const HandbookChapter &chapter : book->chapters) {
        EXPECT_EQ(chapter.html.find("<script"), std::string::npos) << chapter.html;
        EXPECT_EQ(chapter.html.find("<img"), std::string::npos) << chapter.html;
    }
    EXPECT_NE(book->chapters[0].html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    // A link in the docs is named as text.
    EXPECT_NE(book->chapters[1].html.find(">source:raw@v1<"), std::string::npos) << book->chapters[1].html;
}

TEST_F(HandbookTest, CancellingStopsTheBook)
{
    HandbookOptions options;
    std::size_t calls = 0;
    options.progress = [&](std::size_t, std::size_t) { return ++calls < 2; };
    const auto assets = handbookAssets(*m_store, {}, AsOf::latest()).value();
    const auto book = buildHandbook(*m_store, graph(), assets, options);
    ASSERT_FALSE(book);
    EXPECT_EQ(book.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(calls, 2u);
}

} // namespace
} // namespace tributary
