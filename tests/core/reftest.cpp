// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tributary/format/markdownlinks.h"
#include "tributary/model/ref.h"
#include "tributary/search/searchquery.h"
#include "tributary/store/storetypes.h"

namespace tributary {
namespace {

TEST(RefText, ParsesEveryForm)
{
    auto plain = parseRefText("avg_spend@v2");
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->kind);
    EXPECT_EQ(plain->name, "avg_spend");
    EXPECT_EQ(plain->version, "v2");

    auto kinded = parseRefText("model:churn@3");
    ASSERT_TRUE(kinded);
    EXPECT_EQ(kinded->kind, ResourceKind::Model);

    auto column = parseRefText("transactions@2024-01#customer.id");
    ASSERT_TRUE(column);
    EXPECT_EQ(column->version, "2024-01");
    EXPECT_EQ(column->column, "customer.id");

    auto bare = parseRefText("warehouse");
    ASSERT_TRUE(bare);
    EXPECT_FALSE(bare->version);
}

TEST(RefText, RejectsBadParts)
{
    EXPECT_FALSE(parseRefText("widget:x@v1")); // unknown kind
    EXPECT_FALSE(parseRefText("9lives@v1"));   // name must not start with a digit
    EXPECT_FALSE(parseRefText("x@v 1"));       // space in version
    EXPECT_FALSE(parseRefText("x@"));          // empty version
    EXPECT_FALSE(parseRefText("x@v1#"));       // empty column
}

TEST(Ref, PrintsKindNameAndVersion)
{
    EXPECT_EQ((Ref{ResourceKind::TrainingSet, "churn", "2024-q1"}.toString()), "training_set:churn@2024-q1");
    EXPECT_EQ((Ref{ResourceKind::Provider, "warehouse", ""}.toString()), "provider:warehouse");
    EXPECT_EQ((ColumnRef{{ResourceKind::Source, "t", "v1"}, "c"}.shortString()), "t@v1#c");
    EXPECT_EQ(parseKind("training_sets"), ResourceKind::TrainingSet);
    EXPECT_EQ(parseKind("training-set"), ResourceKind::TrainingSet);
    EXPECT_FALSE(parseKind("widgets"));
}

TEST(MarkdownLinks, FindsLinksAndReportsMalformedOnes)
{
    const auto links = findMarkdownLinks("See [[feature:a@v1]] and [[model:m@2]], not [[bad name]].");
    ASSERT_EQ(links.size(), 3u);
    EXPECT_EQ(links[0].ref, (Ref{ResourceKind::Feature, "a", "v1"}));
    EXPECT_EQ(links[0].offset, 4u);
    EXPECT_EQ(links[0].length, 16u);
    EXPECT_EQ(links[1].ref, (Ref{ResourceKind::Model, "m", "2"}));
    EXPECT_FALSE(links[2].ref);
    EXPECT_FALSE(links[2].error.empty());
    EXPECT_TRUE(findMarkdownLinks("no [links] here [[unclosed").empty());
}

TEST(SearchQuery, SplitsFiltersFromWords)
{
    auto query = parseSearchQuery("kind:feature tag:pii owner:alice stage:production \"avg spend\" 30d");
    ASSERT_TRUE(query);
    EXPECT_EQ(query->kinds, std::vector{ResourceKind::Feature});
    EXPECT_EQ(query->tags, std::vector<std::string>{"pii"});
    EXPECT_EQ(query->owners, std::vector<std::string>{"alice"});
    EXPECT_EQ(query->stages, std::vector{ModelStage::Production});
    EXPECT_EQ(query->terms, (std::vector<std::string>{"avg spend", "30d"}));
    EXPECT_FALSE(parseSearchQuery("kind:widget"));
    EXPECT_TRUE(parseSearchQuery("")->isEmpty());
    EXPECT_EQ(parseSearchQuery("pii:direct")->terms, std::vector<std::string>{"pii:direct"});
}

TEST(AsOf, ParsesImportsAndTimes)
{
    EXPECT_TRUE(AsOf::parse("")->isLatest());
    EXPECT_TRUE(AsOf::parse("latest")->isLatest());
    EXPECT_EQ(std::get<ImportId>(AsOf::parse("4")->point).value, 4);
    EXPECT_EQ(std::get<ImportId>(AsOf::parse("#4")->point).value, 4);
    EXPECT_EQ(std::get<Timestamp>(AsOf::parse("2024-03-01")->point).toIso(), "2024-03-01T23:59:59Z");
    EXPECT_FALSE(AsOf::parse("0"));
    EXPECT_FALSE(AsOf::parse("last tuesday"));
}

} // namespace
} // namespace tributary
