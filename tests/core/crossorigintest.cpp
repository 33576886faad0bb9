// SPDX-License-Identifier: Apache-2.0
// YAML-authored resources beside imported ones: a YAML feature may use a source an importer put
// in the store, and lineage runs through both.
#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

using testing::TempDir;

// What an importer would write: a warehouse table, imported under its own origin.
constexpr const char *kImported = R"(apiVersion: tributary/v1
sources:
  - name: shop.orders
    version: c1
    type: table
    columns:
      - {name: customer_id, type: string, tags: [pii:indirect]}
      - {name: amount, type: float64}
)";

constexpr const char *kFeatures = R"(apiVersion: tributary/v1
entities:
  - {name: customer}
features:
  - {name: basket, version: v1, entity: customer, source: shop.orders@c1, column: amount}
)";

class CrossOriginTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_store = openCatalogStore((m_dir / "catalog.sqlite").string(), OpenMode::Create).value();
        const auto imported = m_dir.writeCatalog("imported", {{"tables.yaml", kImported}});
        ImportOptions options;
        options.origin = "dbt";
        ASSERT_TRUE(m_store->importCatalog(testing::loadClean(imported), options));
    }

    std::string errorsOf(const CatalogLoad &load)
    {
        std::string text;
        for (const Diagnostic &d : load.diagnostics)
            text += d.toString() + "\n";
        return text;
    }

    TempDir m_dir;
    std::unique_ptr<CatalogStore> m_store;
};

TEST_F(CrossOriginTest, AYamlFeatureUsesAnImportedSourceAndLineageRunsThrough)
{
    const auto folder = m_dir.writeCatalog("yaml", {{"features.yaml", kFeatures}});
    // On its own the folder names a source it does not define.
    const CatalogLoad alone = loadCatalog(folder);
    EXPECT_FALSE(alone.ok());
    EXPECT_NE(errorsOf(alone).find("unknown source 'shop.orders@c1'"), std::string::npos) << errorsOf(alone);

    const auto known = resourcesOfOtherOrigins(*m_store, "yaml");
    ASSERT_TRUE(known) << known.error().toString();
    ASSERT_EQ(known->size(), 1u);
    EXPECT_EQ(known->front().ref.toString(), "source:shop.orders@c1");
    ASSERT_EQ(known->front().as<SourceSpec>()->columns.size(), 2u);
    const CatalogLoad load = loadCatalog(folder, {}, *known);
    ASSERT_TRUE(load.ok()) << errorsOf(load);
    EXPECT_EQ(load.catalog.resources.size(), 2u) << "the known source is checked against, not imported";
    ASSERT_TRUE(m_store->importCatalog(load.catalog, {}));

    const LineageGraph graph = LineageGraph::build(m_store->lineageSnapshot(AsOf::latest()).value());
    EXPECT_EQ(graph.droppedEdges(), 0u);
    const auto source = graph.find({ResourceKind::Source, "shop.orders", "c1"});
    const auto feature = graph.find({ResourceKind::Feature, "basket", "v1"});
    ASSERT_TRUE(source && feature);
    Traversal traversal(graph);
    const auto reached = traversal.closure({*source, Direction::Down, -1, {}});
    ASSERT_EQ(reached.size(), 1u);
    EXPECT_EQ(reached.front().node, *feature);

    // The YAML import did not touch the imported source; the YAML resources are not "other".
    EXPECT_TRUE(m_store->get({ResourceKind::Source, "shop.orders", "c1"}, AsOf::latest()));
    const auto others = resourcesOfOtherOrigins(*m_store, "yaml").value();
    EXPECT_EQ(others.size(), 1u);
    EXPECT_EQ(resourcesOfOtherOrigins(*m_store, "dbt").value().size(), 2u) << "the entity and the feature";
}

TEST_F(CrossOriginTest, AColumnTheImportedSourceLacksIsStillAnError)
{
    std::string yaml = kFeatures;
    yaml.replace(yaml.find("column: amount"), 14, "column: amuont");
    const auto folder = m_dir.writeCatalog("yaml", {{"features.yaml", yaml}});
    const CatalogLoad load = loadCatalog(folder, {}, resourcesOfOtherOrigins(*m_store, "yaml").value());
    EXPECT_FALSE(load.ok());
    EXPECT_NE(errorsOf(load).find("source shop.orders@c1 has no column 'amuont'"), std::string::npos)
        << errorsOf(load);
    EXPECT_NE(errorsOf(load).find("did you mean 'amount'"), std::string::npos) << errorsOf(load);
}

TEST_F(CrossOriginTest, AnEmptyStoreKnowsNothing)
{
    auto empty = openCatalogStore((m_dir / "empty.sqlite").string(), OpenMode::Create).value();
    const auto known = resourcesOfOtherOrigins(*empty, "yaml");
    ASSERT_TRUE(known) << known.error().toString();
    EXPECT_TRUE(known->empty());
}

} // namespace
} // namespace tributary
