// SPDX-License-Identifier: Apache-2.0
// The dashboard's statistics against counts made another way: from store listings and the
// resources' own definitions, and (for pii exposures) from propagateTags() run once per place
// a pii tag is written, on a snapshot where only that place carries it. On the sample catalog
// and on a small catalog imported three times, at each import.
#include "tributary/report/catalogstats.h"

#include <set>

#include <gtest/gtest.h>

#include "support/tempcatalog.h"

namespace tributary {
namespace {

using testing::TempDir;
using Reuse = std::map<Ref, std::pair<std::size_t, std::size_t>>; // feature -> (sets, models)
using Exposure = std::map<Ref, std::pair<std::size_t, std::vector<std::string>>>;

std::vector<ResourceSummary> listed(CatalogStore &store, const AsOf &asOf,
    std::optional<ResourceKind> kind = {}, std::optional<ModelStage> stage = {})
{
    ResourceFilter filter;
    filter.kind = kind;
    filter.stage = stage;
    auto rows = store.list(filter, asOf);
    EXPECT_TRUE(rows) << rows.error().toString();
    return rows ? *rows : std::vector<ResourceSummary>{};
}

template <typename Spec> Spec specOf(CatalogStore &store, const Ref &ref, const AsOf &asOf)
{
    auto stored = store.get(ref, asOf);
    EXPECT_TRUE(stored) << ref.toString();
    return stored && stored->resource.as<Spec>() ? *stored->resource.as<Spec>() : Spec{};
}

bool lists(const std::vector<Reference> &references, const Ref &ref)
{
    for (const Reference &reference : references) {
        if (reference.ref == ref)
            return true;
    }
    return false;
}

// Feature reuse from the definitions: who lists each feature, and which models reach it.
Reuse reuseFromDefinitions(CatalogStore &store, const AsOf &asOf)
{
    std::map<Ref, TrainingSetSpec> sets;
    for (const ResourceSummary &row : listed(store, asOf, ResourceKind::TrainingSet))
        sets[row.ref] = specOf<TrainingSetSpec>(store, row.ref, asOf);
    std::map<Ref, ModelSpec> models;
    for (const ResourceSummary &row : listed(store, asOf, ResourceKind::Model))
        models[row.ref] = specOf<ModelSpec>(store, row.ref, asOf);
    Reuse reuse;
    for (const ResourceSummary &feature : listed(store, asOf, ResourceKind::Feature)) {
        std::set<Ref> listing;
        for (const auto &[ref, set] : sets) {
            if (lists(set.features, feature.ref))
                listing.insert(ref);
        }
        std::size_t users = 0;
        for (const auto &[ref, model] : models) {
            bool uses = lists(model.features, feature.ref);
            for (const Reference &set : model.trainingSets)
                uses = uses || listing.contains(set.ref);
            users += uses ? 1 : 0;
        }
        reuse[feature.ref] = {listing.size(), users};
    }
    return reuse;
}

// Exposures by brute force: one propagation per place a pii tag is written.
Exposure exposureByPlace(CatalogStore &store, const AsOf &asOf, const PropagationPolicy &policy)
{
    auto snapshot = store.lineageSnapshot(asOf);
    EXPECT_TRUE(snapshot);
    const auto strip = [](LineageSnapshot copy) {
        for (SnapshotResource &resource : copy.resources)
            std::erase_if(resource.tags, [](const std::string &t) { return tagMatches("pii", t); });
        for (SnapshotColumn &column : copy.columns)
            std::erase_if(column.tags, [](const std::string &t) { return tagMatches("pii", t); });
        return copy;
    };
    std::map<Ref, std::pair<std::size_t, std::set<std::string>>> found;
    const auto follow = [&](const LineageSnapshot &alone, const std::string &tag) {
        const LineageGraph graph = LineageGraph::build(alone);
        for (const PropagatedTag &reached : propagateTags(graph, policy, {tag})) {
            const Ref &ref = graph.resource(reached.resource).ref;
            if (ref.kind == ResourceKind::Model) {
                ++found[ref].first;
                found[ref].second.insert(tag);
            }
        }
    };
    for (std::size_t r = 0; r < snapshot->resources.size(); ++r) {
        for (const std::string &tag : snapshot->resources[r].tags) {
            if (!tagMatches("pii", tag))
                continue;
            LineageSnapshot alone = strip(*snapshot);
            alone.resources[r].tags.push_back(tag);
            follow(alone, tag);
        }
    }
    for (std::size_t c = 0; c < snapshot->columns.size(); ++c) {
        for (const std::string &tag : snapshot->columns[c].tags) {
            if (!tagMatches("pii", tag))
                continue;
            LineageSnapshot alone = strip(*snapshot);
            alone.columns[c].tags.push_back(tag);
            follow(alone, tag);
        }
    }
    Exposure exposure;
    for (const auto &[ref, entry] : found)
        exposure[ref] = {entry.first, {entry.second.begin(), entry.second.end()}};
    return exposure;
}

// Every statistic at `asOf` equals what the store's listings and definitions say.
void expectStatisticsMatch(CatalogStore &store, const AsOf &asOf, const PropagationPolicy &policy)
{
    SCOPED_TRACE("as of " + asOf.toString());
    auto stats = readCatalogStatistics(store, asOf, policy);
    ASSERT_TRUE(stats) << stats.error().toString();
    const std::vector<ResourceSummary> all = listed(store, asOf);
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(stats->import, *store.resolve(asOf));

    for (ResourceKind kind : kAllKinds)
        EXPECT_EQ(stats->byKind.at(kind), listed(store, asOf, kind).size()) << kindName(kind);
    for (ModelStage stage : {ModelStage::Development, ModelStage::Staging, ModelStage::Production,
             ModelStage::Archived}) {
        EXPECT_EQ(
            stats->modelsByStage.at(stage), listed(store, asOf, ResourceKind::Model, stage).size());
    }

    const Reuse expected = reuseFromDefinitions(store, asOf);
    Reuse reuse;
    std::map<std::size_t, std::size_t> distribution;
    for (std::size_t i = 0; i < stats->reuse.size(); ++i) {
        const auto &feature = stats->reuse[i];
        reuse[feature.feature] = {feature.trainingSets, feature.models};
        ++distribution[feature.trainingSets + feature.models];
        if (i > 0) {
            EXPECT_GE(stats->reuse[i - 1].uses(), feature.uses()) << "most used first";
        }
    }
    EXPECT_EQ(reuse, expected);
    EXPECT_EQ(stats->reuseDistribution, distribution);

    std::map<std::pair<ResourceKind, std::string>, std::size_t> names;
    for (const ResourceSummary &row : all) {
        if (isVersioned(row.ref.kind))
            ++names[{row.ref.kind, row.ref.name}];
    }
    std::map<std::size_t, std::size_t> versions;
    for (const auto &[name, count] : names)
        ++versions[count];
    EXPECT_EQ(stats->versionsPerAsset, versions);

    std::vector<ImportRecord> imports = *store.imports();
    std::erase_if(imports, [&](const ImportRecord &r) { return r.id > **store.resolve(asOf); });
    ASSERT_EQ(stats->growth.size(), imports.size());
    for (std::size_t i = 0; i < imports.size(); ++i) {
        EXPECT_EQ(stats->growth[i].import, imports[i].id);
        EXPECT_EQ(stats->growth[i].at, imports[i].at);
        for (ResourceKind kind : kAllKinds) {
            EXPECT_EQ(stats->growth[i].present.at(kind),
                listed(store, AsOf::import(imports[i].id), kind).size())
                << "after import " << imports[i].id.value << ", " << kindName(kind);
        }
    }

    Exposure exposure;
    for (const auto &model : stats->piiExposure)
        exposure[model.model] = {model.exposures, model.tags};
    EXPECT_EQ(exposure, exposureByPlace(store, asOf, policy));
    for (std::size_t i = 1; i < stats->piiExposure.size(); ++i)
        EXPECT_GE(stats->piiExposure[i - 1].exposures, stats->piiExposure[i].exposures);
}

ImportOptions at(const char *time)
{
    ImportOptions options;
    options.at = *Timestamp::parse(time);
    return options;
}

TEST(CatalogStats, MatchCountsOfTheSampleCatalog)
{
    TempDir dir;
    auto store = openCatalogStore((dir / "acme.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->importCatalog(testing::loadClean(testing::sampleCatalogDir()), {}));
    Diagnostics problems;
    const PropagationPolicy policy
        = readPropagationPolicy((testing::sampleCatalogDir() / "policy.yaml").string(), problems);
    ASSERT_TRUE(problems.empty());
    expectStatisticsMatch(**store, AsOf::latest(), policy);
    expectStatisticsMatch(**store, AsOf::latest(), PropagationPolicy{});

    auto stats = readCatalogStatistics(**store, AsOf::latest(), policy);
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->byKind.at(ResourceKind::Feature), 41u) << "the sample's README";
    ASSERT_FALSE(stats->piiExposure.empty()) << "the sample's pii reaches churn_model 2 and 3";
    EXPECT_GT(stats->reuse.front().uses(), 1u);
    // Without the policy's stops more places reach the models.
    auto open = readCatalogStatistics(**store, AsOf::latest(), PropagationPolicy{});
    std::size_t stopped = 0, unstopped = 0;
    for (const auto &model : stats->piiExposure)
        stopped += model.exposures;
    for (const auto &model : open->piiExposure)
        unstopped += model.exposures;
    EXPECT_GT(unstopped, stopped);
}

// A catalog imported three times: a model removed and restored, versions added and removed.
constexpr const char *kBase = R"(apiVersion: tributary/v1
providers: [{name: warehouse, type: bigquery}]
entities: [{name: customer}]
sources:
  - name: raw
    version: v1
    provider: warehouse
    type: table
    columns:
      - {name: customer_id, type: string, tags: [pii:indirect]}
      - {name: email, type: string, tags: [pii:direct]}
      - {name: dob, type: date, tags: [pii:direct]}
      - {name: amount, type: float64}
  - name: clean
    version: v1
    provider: warehouse
    type: transformation
    inputs: [raw@v1]
    columns:
      - {name: customer_id, type: string, derived_from: ["raw@v1#customer_id"]}
      - {name: email_hash, type: string, derived_from: [{column: "raw@v1#email", transform: masked}]}
      - {name: age, type: int64, derived_from: [{column: "raw@v1#dob", transform: transformed}]}
      - {name: amount, type: float64, derived_from: ["raw@v1#amount"]}
features:
  - {name: age, version: v1, entity: customer, source: clean@v1, column: age}
  - {name: spend, version: v1, entity: customer, source: clean@v1, column: amount}
  - {name: contact, version: v1, entity: customer, source: raw@v1, column: email}
  - {name: email_key, version: v1, entity: customer, source: clean@v1, column: email_hash}
labels:
  - {name: churned, version: v1, entity: customer, source: raw@v1, column: amount}
training_sets:
  - {name: churn, version: v1, label: churned@v1, features: [age@v1, spend@v1, email_key@v1]}
models:
  - {name: churn_model, version: "1", stage: production, training_sets: [churn@v1],
     features: [contact@v1]}
)";
constexpr const char *kSecondModel = R"(apiVersion: tributary/v1
models: [{name: churn_model, version: "2", stage: staging, training_sets: [churn@v1]}]
)";
constexpr const char *kNewVersions = R"(apiVersion: tributary/v1
features:
  - {name: spend, version: v2, entity: customer, source: clean@v1, column: amount}
training_sets:
  - {name: churn, version: v2, label: churned@v1, features: [spend@v1, spend@v2, contact@v1]}
models: [{name: churn_model, version: "3", training_sets: [churn@v2]}]
)";

TEST(CatalogStats, FollowTheAsOfPointAcrossImports)
{
    TempDir dir;
    auto opened = openCatalogStore((dir / "small.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(opened);
    CatalogStore &store = **opened;
    const auto importFiles = [&](const std::string &folder,
                                 const std::map<std::string, std::string> &files, const char *t) {
        const Catalog catalog = testing::loadClean(dir.writeCatalog(folder, files));
        auto summary = store.importCatalog(catalog, at(t));
        ASSERT_TRUE(summary) << summary.error().toString();
    };
    // 1: two models. 2: model 2 gone; spend v2, churn v2 and model 3 new. 3: back to 1.
    importFiles("one", {{"base.yaml", kBase}, {"m2.yaml", kSecondModel}}, "2024-01-01T00:00:00Z");
    importFiles("two", {{"base.yaml", kBase}, {"new.yaml", kNewVersions}}, "2024-02-01T00:00:00Z");
    importFiles("three", {{"base.yaml", kBase}, {"m2.yaml", kSecondModel}}, "2024-03-01T00:00:00Z");

    PropagationPolicy policy;
    policy.rules.push_back({"pii", {TransformKind::Masked}});
    for (const AsOf &asOf : {AsOf::import({1}), AsOf::import({2}), AsOf::latest(),
             AsOf::time(*Timestamp::parse("2024-02-15"))})
        expectStatisticsMatch(store, asOf, policy);

    auto one = readCatalogStatistics(store, AsOf::import({1}), policy);
    auto two = readCatalogStatistics(store, AsOf::import({2}), policy);
    ASSERT_TRUE(one && two);
    EXPECT_EQ(one->byKind.at(ResourceKind::Model), 2u);
    EXPECT_EQ(two->byKind.at(ResourceKind::Model), 2u) << "model 2 gone, model 3 new";
    EXPECT_EQ(two->byKind.at(ResourceKind::Feature), 5u);
    EXPECT_EQ(two->modelsByStage.at(ModelStage::Staging), 0u);
    EXPECT_EQ(one->growth.size(), 1u);
    ASSERT_EQ(two->growth.size(), 2u);
    EXPECT_EQ(two->growth[1].present.at(ResourceKind::TrainingSet), 2u);
    // churn_model 1 reads the e-mail through contact (identity) and the birth date through
    // age (transformed); the hashed e-mail is masked, which stops pii. Two places, one tag.
    ASSERT_FALSE(one->piiExposure.empty());
    EXPECT_EQ(one->piiExposure.front().model.name, "churn_model");
    EXPECT_EQ(one->piiExposure.front().model.version, "1");
    EXPECT_EQ(one->piiExposure.front().exposures, 2u);
    EXPECT_EQ(one->piiExposure.front().tags, std::vector<std::string>{"pii:direct"});
    EXPECT_EQ(one->versionsPerAsset.at(2), 1u) << "churn_model 1 and 2";
    EXPECT_EQ(two->versionsPerAsset.at(2), 3u) << "spend, churn, churn_model";
}

TEST(CatalogStats, AnEmptyCatalogHasNoNumbers)
{
    TempDir dir;
    auto store = openCatalogStore((dir / "empty.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    auto stats = readCatalogStatistics(**store, AsOf::latest(), {});
    ASSERT_TRUE(stats) << stats.error().toString();
    EXPECT_TRUE(stats->empty());
    EXPECT_TRUE(stats->growth.empty());
    EXPECT_TRUE(stats->reuse.empty());
    EXPECT_EQ(stats->byKind.size(), std::size(kAllKinds));
    EXPECT_EQ(
        readCatalogStatistics(**store, AsOf::import({3}), {}).error().code, ErrorCode::NotFound);
}

} // namespace
} // namespace tributary
