// SPDX-License-Identifier: Apache-2.0
// What the reader makes of valid input; mistakes are covered by the cases in
// tests/data/diagnostics (diagnosticcasetest.cpp).
#include <algorithm>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/tempcatalog.h"
#include "tributary/model/canonical.h"
#include "tributary/model/lineageedges.h"

namespace tributary {
namespace {

using testing::TempDir;

const Resource *find(const Catalog &catalog, const Ref &ref)
{
    for (const Resource &resource : catalog.resources) {
        if (resource.ref == ref)
            return &resource;
    }
    return nullptr;
}

TEST(Reader, SampleCatalogIsCleanAndComplete)
{
    const Catalog catalog = testing::loadClean(testing::sampleCatalogDir());
    EXPECT_GE(catalog.count(ResourceKind::Source), 10u);
    EXPECT_GE(catalog.count(ResourceKind::Feature), 40u);
    EXPECT_GE(catalog.count(ResourceKind::Label), 1u);
    EXPECT_GE(catalog.count(ResourceKind::TrainingSet), 6u);
    EXPECT_GE(catalog.count(ResourceKind::Model), 8u);
    EXPECT_GE(catalog.files.size(), 5u);
    for (const CatalogFile &file : catalog.files)
        EXPECT_EQ(file.sha256.size(), 64u) << file.path;
}

TEST(Reader, ReadsEveryFieldOfTheContractExample)
{
    TempDir dir;
    const auto root = dir.writeCatalog("c", {{"main.yaml", R"(apiVersion: tributary/v1
providers:
  - name: warehouse
    type: bigquery
entities:
  - name: customer
sources:
  - name: transactions
    version: 2024-01
    provider: warehouse
    type: table
    location: acme.raw.transactions
    owner: data-eng@acme.example
    properties: {retention: 400d, tier: 1}
    columns:
      - {name: customer_id, type: string, tags: [pii:indirect]}
      - {name: email, type: string, tags: [pii:direct, gdpr], description: Login e-mail}
      - {name: amount, type: float64}
  - name: customer_spend
    version: v1
    provider: warehouse
    type: transformation
    inputs: [transactions@2024-01]
    language: sql
    definition: |
      SELECT customer_id, AVG(amount) AS avg_amount FROM transactions GROUP BY customer_id
    columns:
      - {name: customer_id, derived_from: ["transactions@2024-01#customer_id"]}
      - {name: avg_amount, derived_from: [{column: "transactions@2024-01#amount", transform: aggregated}]}
      - {name: email_hash, derived_from: [{column: "source:transactions@2024-01#email", transform: masked}]}
features:
  - name: avg_spend
    version: v2
    entity: customer
    source: customer_spend@v1
    column: avg_amount
    type: float64
    status: deprecated
    description: Average spend. See [[source:transactions@2024-01]].
    stats:
      count: 1000
      null_fraction: 0.01
      mean: 42.5
      min: 0
      max: 900
      histogram: [{bucket: "0-10", count: 400}, {bucket: "10+", count: 590}]
---
apiVersion: tributary/v1
labels:
  - {name: churned, version: v1, entity: customer, source: "transactions@2024-01", column: amount}
training_sets:
  - {name: churn_training, version: 2024-q1, label: churned@v1, features: [avg_spend@v2]}
models:
  - name: churn_model
    version: "3"
    training_sets: [churn_training@2024-q1]
    features: [feature:avg_spend@v2]
    stage: production
    metrics: {auc: 0.87, rows: 12000}
)"}});
    const Catalog catalog = testing::loadClean(root);
    ASSERT_EQ(catalog.resources.size(), 8u);

    const Resource *raw = find(catalog, {ResourceKind::Source, "transactions", "2024-01"});
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->where, (SourceLocation{(root / "main.yaml").generic_string(), 8, 5}));
    EXPECT_EQ(raw->meta.properties.at("tier"), "1");
    const auto *rawSpec = raw->as<SourceSpec>();
    ASSERT_EQ(rawSpec->columns.size(), 3u);
    EXPECT_EQ(rawSpec->columns[1].tags, (std::vector<std::string>{"pii:direct", "gdpr"}));
    EXPECT_EQ(rawSpec->columns[1].description, "Login e-mail");
    EXPECT_EQ(rawSpec->provider->ref, (Ref{ResourceKind::Provider, "warehouse", ""}));

    const Resource *spend = find(catalog, {ResourceKind::Source, "customer_spend", "v1"});
    ASSERT_TRUE(spend);
    const auto *spendSpec = spend->as<SourceSpec>();
    EXPECT_EQ(spendSpec->type, SourceType::Transformation);
    EXPECT_EQ(spendSpec->definition.back(), '\n');
    ASSERT_EQ(spendSpec->columns[2].derivedFrom.size(), 1u);
    EXPECT_EQ(spendSpec->columns[2].derivedFrom[0].transform, TransformKind::Masked);
    EXPECT_EQ(spendSpec->columns[1].derivedFrom[0].transform, TransformKind::Aggregated);
    EXPECT_EQ(spendSpec->columns[0].derivedFrom[0].transform, TransformKind::Identity);

    const Resource *feature = find(catalog, {ResourceKind::Feature, "avg_spend", "v2"});
    ASSERT_TRUE(feature);
    EXPECT_EQ(feature->meta.status, ResourceStatus::Deprecated);
    const std::optional<FeatureStats> &stats = feature->as<FeatureSpec>()->stats;
    ASSERT_TRUE(stats.has_value());
    EXPECT_DOUBLE_EQ(stats->nullFraction.value_or(-1), 0.01);
    ASSERT_EQ(stats->histogram.size(), 2u);
    EXPECT_EQ(stats->histogram[1].bucket, "10+");

    const Resource *model = find(catalog, {ResourceKind::Model, "churn_model", "3"});
    ASSERT_TRUE(model);
    EXPECT_EQ(model->as<ModelSpec>()->stage, ModelStage::Production);
    EXPECT_DOUBLE_EQ(model->as<ModelSpec>()->metrics.at("rows"), 12000);

    // Lineage as the definitions state it.
    const auto into = resourceEdgesInto(*model);
    ASSERT_EQ(into.size(), 2u);
    EXPECT_EQ(into[0].kind, EdgeKind::TrainingSet);
    EXPECT_EQ(into[1].kind, EdgeKind::InferenceFeature);
    const auto columns = columnEdgesInto(*feature);
    ASSERT_EQ(columns.size(), 1u);
    EXPECT_EQ(columns[0].from.shortString(), "customer_spend@v1#avg_amount");
}

TEST(Reader, DefinitionHashIgnoresMetadataAndLayout)
{
    TempDir dir;
    const auto a = dir.writeCatalog("a", {{"x.yaml", R"(sources:
  - {name: t, version: v1, type: table, owner: a, columns: [{name: c, type: int, tags: [x]}]}
)"}});
    const auto b = dir.writeCatalog("b", {{"y.yaml", R"(sources:
  - name: t
    version: v1
    type: table
    owner: somebody else
    description: Now documented.
    columns:
      - name: c
        type: int
)"}});
    const Catalog first = testing::loadClean(a);
    const Catalog second = testing::loadClean(b);
    EXPECT_EQ(definitionHash(first.resources[0]), definitionHash(second.resources[0]));
    EXPECT_NE(metadataHash(first.resources[0]), metadataHash(second.resources[0]));
}

TEST(Reader, CanonicalJsonRoundTrips)
{
    const Catalog catalog = testing::loadClean(testing::sampleCatalogDir());
    for (const Resource &resource : catalog.resources) {
        const auto rebuilt = resourceFromJson(resource.ref, definitionJson(resource).dump(),
                                              metadataJson(resource).dump());
        ASSERT_TRUE(rebuilt) << rebuilt.error().toString();
        EXPECT_EQ(definitionJson(*rebuilt), definitionJson(resource)) << resource.ref.toString();
        EXPECT_EQ(metadataJson(*rebuilt), metadataJson(resource)) << resource.ref.toString();
    }
}

TEST(Reader, ReportsProgressAndMissingFolder)
{
    std::size_t calls = 0;
    const CatalogLoad load = loadCatalog(testing::sampleCatalogDir(), [&](std::size_t done, std::size_t total) {
        ++calls;
        EXPECT_LE(done, total);
        return true;
    });
    EXPECT_EQ(calls, load.catalog.files.size());

    const CatalogLoad missing = loadCatalog("/nonexistent/catalog");
    ASSERT_EQ(missing.diagnostics.size(), 1u);
    EXPECT_EQ(missing.diagnostics[0].toString(), "/nonexistent/catalog: error: no such folder");
}

// Unknown and duplicate keys are reported at the key, by name. The key node was once bound by
// reference to a yaml-cpp iterator proxy that had already died (ASan: stack-use-after-scope;
// found by tests/fuzz yamlcatalog); this is the path that read it.
TEST(Reader, UnknownAndDuplicateKeysNameTheKey)
{
    CatalogLoad load;
    readCatalogText("entities:\n  - name: customer\n    colour: blue\n    name: again\n",
                    "keys.yaml", load);
    ASSERT_EQ(load.diagnostics.size(), 2u);
    EXPECT_EQ(load.diagnostics[0].location.toString(), "keys.yaml:3:5");
    EXPECT_NE(load.diagnostics[0].message.find("unknown field 'colour'"), std::string::npos);
    EXPECT_EQ(load.diagnostics[1].location.toString(), "keys.yaml:4:5");
    EXPECT_NE(load.diagnostics[1].message.find("duplicate field 'name'"), std::string::npos);
}

// A NUL byte makes yaml-cpp decode the file as UTF-16, and its error marks then fell past the
// end of the text (1:3 in a 1-byte file; found by tests/fuzz yamlcatalog). Locations stay in it.
TEST(Reader, LocationsStayInsideTextYamlCppDecodedAsUtf16)
{
    for (const std::string &text : {std::string(1, '\0'), std::string("a\0b: [", 6),
                                   std::string("\0\0\0x\n- y", 8)}) {
        CatalogLoad load;
        readCatalogText(text, "nul.yaml", load);
        EXPECT_FALSE(load.ok());
        const auto lines = int(std::count(text.begin(), text.end(), '\n')) + 1;
        for (const Diagnostic &diagnostic : load.diagnostics) {
            EXPECT_GE(diagnostic.location.line, 1) << diagnostic.toString();
            EXPECT_LE(diagnostic.location.line, lines) << diagnostic.toString();
            EXPECT_LE(std::size_t(diagnostic.location.column), text.size() + 1)
                << diagnostic.toString();
        }
    }
}

} // namespace
} // namespace tributary
