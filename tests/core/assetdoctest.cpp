// SPDX-License-Identifier: Apache-2.0
// AssetDoc: what a documentation page knows of one asset, from the store and the lineage graph.
#include "tributary/docs/assetdoc.h"

#include <gtest/gtest.h>

#include "support/tempcatalog.h"

namespace tributary {
namespace {

// A source feeding `features` features, and a training set over all of them.
std::string wideCatalog(int features)
{
    std::string yaml
        = "providers:\n  - {name: wh, type: bigquery}\nentities:\n  - name: customer\n"
          "sources:\n  - name: hub\n    version: v1\n    provider: wh\n    type: table\n"
          "    columns:\n      - {name: id, type: string, tags: [pii:direct]}\n"
          "features:\n";
    std::string list;
    for (int i = 0; i < features; ++i) {
        const std::string name = "f" + std::to_string(i);
        yaml += "  - {name: " + name
            + ", version: v1, entity: customer, source: hub@v1, column: id}\n";
        list += (list.empty() ? "" : ", ") + name + "@v1";
    }
    yaml += "labels:\n  - {name: l, version: v1, entity: customer, source: hub@v1, column: id}\n"
            "training_sets:\n  - {name: ts, version: v1, label: l@v1, features: ["
        + list + "]}\n";
    return yaml;
}

class AssetDocs : public ::testing::Test
{
protected:
    void import(const std::map<std::string, std::string> &files, Timestamp at)
    {
        auto store = openCatalogStore((m_dir / "c.sqlite").string(), OpenMode::Create);
        ASSERT_TRUE(store);
        ImportOptions options;
        options.at = at;
        ASSERT_TRUE(
            (*store)->importCatalog(testing::loadClean(m_dir.writeCatalog("c", files)), options));
        m_store = std::move(*store);
    }
    std::shared_ptr<const LineageGraph> graph(const AsOf &asOf)
    {
        auto snapshot = m_store->lineageSnapshot(asOf);
        EXPECT_TRUE(snapshot);
        return std::make_shared<const LineageGraph>(LineageGraph::build(std::move(*snapshot)));
    }

    testing::TempDir m_dir;
    std::unique_ptr<CatalogStore> m_store;
};

TEST_F(AssetDocs, ABusyNeighbourhoodIsCappedButEveryNeighbourListed)
{
    import({{ "c.yaml", wideCatalog(60) }}, Timestamp{1000});
    const AssetDocBuilder builder(graph(AsOf::latest()), PropagationPolicy{});
    auto doc = builder.build(*m_store, {ResourceKind::Source, "hub", "v1"}, AsOf::latest());
    ASSERT_TRUE(doc) << doc.error().toString();
    EXPECT_EQ(doc->downstream.size(), 61u); // 60 features and the label
    EXPECT_TRUE(doc->upstream.empty()); // a provider is not lineage
    const DrawnGraph &drawn = doc->neighbourhood;
    ASSERT_EQ(drawn.nodes.size(), AssetDocBuilder::kNeighbourhoodLimit);
    const auto centre = std::find_if(
        drawn.nodes.begin(), drawn.nodes.end(), [](const DrawnNode &n) { return n.highlighted; });
    ASSERT_NE(centre, drawn.nodes.end());
    EXPECT_EQ(centre->id, "source:hub@v1");
    // Nothing upstream, so all the room goes downstream: 39 of the 61 drawn, 22 counted.
    EXPECT_EQ(centre->hiddenUp, 0u);
    EXPECT_EQ(centre->hiddenDown, 61u - 39u);
    for (const DrawnEdge &edge : drawn.edges) {
        EXPECT_LT(edge.from, drawn.nodes.size());
        EXPECT_GE(edge.points.size(), 2u);
    }
    // A feature drawn shows its hidden downstream (the training set is not drawn).
    const auto feature = std::find_if(drawn.nodes.begin(), drawn.nodes.end(),
        [](const DrawnNode &n) { return n.kind == "feature"; });
    ASSERT_NE(feature, drawn.nodes.end());
    EXPECT_EQ(feature->hiddenDown, 1u);
}

TEST_F(AssetDocs, TagsThatTravelledHereComeWithTheirEvidence)
{
    import({{ "c.yaml", wideCatalog(2) }}, Timestamp{1000});
    const AssetDocBuilder builder(graph(AsOf::latest()), PropagationPolicy{});
    auto doc = builder.build(*m_store, {ResourceKind::TrainingSet, "ts", "v1"}, AsOf::latest());
    ASSERT_TRUE(doc);
    ASSERT_FALSE(doc->propagated.empty());
    const AssetTag &tag = doc->propagated.front();
    EXPECT_EQ(tag.tag, "pii:direct");
    EXPECT_EQ(tag.column, "");
    EXPECT_TRUE(tag.path.starts_with("source:hub@v1#id -[")) << tag.path;
    EXPECT_TRUE(tag.path.ends_with("training_set:ts@v1")) << tag.path;
    // Written tags are not "propagated": the source's own column tag is not listed on it.
    auto source = builder.build(*m_store, {ResourceKind::Source, "hub", "v1"}, AsOf::latest());
    ASSERT_TRUE(source);
    EXPECT_TRUE(source->propagated.empty());
    EXPECT_EQ(
        builder.propagatedTo(*builder.graph().find({ResourceKind::TrainingSet, "ts", "v1"})).size(),
        doc->propagated.size());
}

TEST_F(AssetDocs, VersionsAndHistoryStandAtTheGraphsPoint)
{
    const std::string v1 = wideCatalog(1);
    import({{ "c.yaml", v1 }}, Timestamp{1000});
    std::string v2 = v1;
    v2.replace(v2.find("name: hub\n"), 10, "name: hub\n    owner: new-owner\n");
    v2 += "  - {name: ts, version: v2, label: l@v1, features: [f0@v1]}\n";
    import({{ "c.yaml", v2 }}, Timestamp{2000});
    const Ref hub{ResourceKind::Source, "hub", "v1"};
    const AsOf first = AsOf::import(ImportId{1});
    const AssetDocBuilder early(graph(first), PropagationPolicy{});
    auto before = early.build(*m_store, hub, first);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->history.size(), 1u);
    EXPECT_EQ(before->stored.resource.meta.owner, "");
    auto ts = early.build(*m_store, {ResourceKind::TrainingSet, "ts", "v1"}, first);
    ASSERT_TRUE(ts);
    EXPECT_EQ(ts->versions.size(), 1u);

    const AssetDocBuilder late(graph(AsOf::latest()), PropagationPolicy{});
    auto after = late.build(*m_store, hub, AsOf::latest());
    ASSERT_TRUE(after);
    EXPECT_EQ(after->history.size(), 2u);
    EXPECT_EQ(after->stored.resource.meta.owner, "new-owner");
    auto ts2 = late.build(*m_store, {ResourceKind::TrainingSet, "ts", "v1"}, AsOf::latest());
    ASSERT_TRUE(ts2);
    EXPECT_EQ(ts2->versions.size(), 2u);
    EXPECT_FALSE(late.build(*m_store, {ResourceKind::Source, "nowhere", "v1"}, AsOf::latest()));
}

} // namespace
} // namespace tributary
