// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/model/resourcediff.h"

namespace tributary {
namespace {

TEST(ResourceDiff, SeparatesDefinitionMetadataAndDocs)
{
    testing::TempDir dir;
    const Catalog catalog = testing::loadClean(dir.writeCatalog("c", {{"a.yaml", R"(sources:
  - name: t
    version: v1
    type: table
    owner: alice
    description: "First line.\nSecond line."
    columns:
      - {name: a, type: int}
      - {name: b, type: string, tags: [pii:direct]}
  - name: t
    version: v2
    type: table
    owner: bob
    description: "First line.\nChanged line."
    columns:
      - {name: b, type: text, tags: [pii:direct]}
      - {name: c, type: int}
)"}}));
    ASSERT_EQ(catalog.resources.size(), 2u);
    const ResourceDiff diff = diffResources(catalog.resources[0], catalog.resources[1]);

    std::vector<std::string> definition;
    for (const FieldChange &change : diff.definition)
        definition.push_back(change.path);
    EXPECT_EQ(definition, (std::vector<std::string>{"columns.a.derived_from", "columns.a.name",
                                                    "columns.a.type", "columns.b.type",
                                                    "columns.c.derived_from", "columns.c.name",
                                                    "columns.c.type"}));
    ASSERT_EQ(diff.metadata.size(), 1u);
    EXPECT_EQ(diff.metadata[0].path, "owner");
    EXPECT_EQ(diff.metadata[0].before, "\"alice\"");
    EXPECT_EQ(diff.metadata[0].after, "\"bob\"");

    ASSERT_EQ(diff.description.size(), 3u);
    EXPECT_EQ(diff.description[0].type, TextDiffLine::Type::Same);
    EXPECT_EQ(diff.description[1].type, TextDiffLine::Type::Removed);
    EXPECT_EQ(diff.description[2].type, TextDiffLine::Type::Added);
    EXPECT_FALSE(diff.isEmpty());
    EXPECT_TRUE(diffResources(catalog.resources[0], catalog.resources[0]).isEmpty());
}

TEST(ResourceDiff, LineDiffKeepsCommonLines)
{
    const auto lines = diffLines("a\nb\nc\nd", "a\nc\nd\ne");
    std::string rendered;
    for (const TextDiffLine &line : lines)
        rendered += (line.type == TextDiffLine::Type::Same ? ' ' : line.type == TextDiffLine::Type::Added ? '+' : '-')
                    + line.text + "\n";
    EXPECT_EQ(rendered, " a\n-b\n c\n d\n+e\n");
}

} // namespace
} // namespace tributary
