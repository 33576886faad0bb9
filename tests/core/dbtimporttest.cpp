// SPDX-License-Identifier: Apache-2.0
// The dbt importer on the real manifests in ../shared/fixtures/dbt (schemas v1 to v12), with the
// expected counts computed here from the JSON, independently of the importer.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/tempcatalog.h"
#include "tributary/import/dbt.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path dbtFixtures() { return fs::path(TRIBUTARY_SHARED_FIXTURES) / "dbt"; }

std::vector<fs::path> manifests()
{
    std::vector<fs::path> found;
    if (!fs::is_directory(dbtFixtures()))
        return found;
    for (const auto &entry : fs::recursive_directory_iterator(dbtFixtures())) {
        if (entry.path().filename() == "manifest.json")
            found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    return found;
}

json readJson(const fs::path &path)
{
    std::ifstream in(path);
    return json::parse(in);
}

std::string lowered(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// node[key] when it is an object or array, else an empty one (fixtures hold nulls).
json field(const json &node, const char *key, const json &empty = json::object())
{
    const auto found = node.find(key);
    return found != node.end() && !found->is_null() ? *found : empty;
}

struct Expected {
    std::map<std::string, std::size_t> perType;
    std::size_t resources = 0, columns = 0, edges = 0;
};

// What the files hold: imported node types, their columns (with catalog.json's extra ones) and
// the depends_on edges between imported nodes.
Expected expectedFrom(const json &manifest, const json &catalog)
{
    Expected e;
    std::set<std::string> ids;
    const auto columnsOf = [&](const std::string &id, const json &node) {
        std::set<std::string> names;
        const json columns = field(node, "columns");
        for (const auto &[key, column] : columns.items())
            names.insert(lowered(column.value("name", key)));
        for (const char *section : {"nodes", "sources"}) {
            if (catalog.contains(section) && catalog[section].contains(id)) {
                for (const auto &[key, column] : catalog[section][id]["columns"].items())
                    names.insert(lowered(column.value("name", key)));
            }
        }
        e.columns += names.size();
    };
    for (const auto &[id, node] : manifest["nodes"].items()) {
        const std::string type = node["resource_type"];
        if (type == "model" || type == "seed" || type == "snapshot") {
            ++e.perType[type];
            ids.insert(id);
            columnsOf(id, node);
        }
    }
    const json sources = field(manifest, "sources");
    for (const auto &[id, node] : sources.items()) {
        ++e.perType["source"];
        ids.insert(id);
        columnsOf(id, node);
    }
    for (const auto &[id, node] : manifest["nodes"].items()) {
        if (!ids.count(id))
            continue;
        std::set<std::string> inputs;
        for (const json &input : field(field(node, "depends_on"), "nodes", json::array()))
            inputs.insert(input.get<std::string>());
        for (const std::string &input : inputs)
            e.edges += ids.count(input);
    }
    e.resources = ids.size();
    return e;
}

std::string catalogBeside(const fs::path &manifest)
{
    const fs::path catalog = manifest.parent_path() / "catalog.json";
    return fs::exists(catalog) ? catalog.string() : std::string();
}

#define SKIP_WITHOUT_FIXTURES()                                                                    \
    if (manifests().empty())                                                                       \
    GTEST_SKIP() << "no dbt fixtures in " << dbtFixtures() << " (../shared/fixtures is absent)"

TEST(DbtImport, EveryFixtureImportsWithTheCountsOfItsFiles)
{
    SKIP_WITHOUT_FIXTURES();
    std::set<std::string> schemas;
    for (const fs::path &path : manifests()) {
        SCOPED_TRACE(path.string());
        const std::string catalogPath = catalogBeside(path);
        const json catalog = catalogPath.empty() ? json::object() : readJson(catalogPath);
        const Expected expected = expectedFrom(readJson(path), catalog);
        auto imported = importDbt(path.string(), catalogPath);
        ASSERT_TRUE(imported) << imported.error().message;
        schemas.insert(imported->schemaVersion);
        std::map<std::string, std::size_t> perType = imported->imported;
        EXPECT_EQ(perType, expected.perType);
        EXPECT_EQ(imported->catalog.resources.size(), expected.resources);
        EXPECT_EQ(imported->edges, expected.edges);
        std::size_t columns = 0, inputs = 0;
        for (const Resource &resource : imported->catalog.resources) {
            columns += resource.as<SourceSpec>()->columns.size();
            inputs += resource.as<SourceSpec>()->inputs.size();
            EXPECT_TRUE(isValidName(resource.ref.name)) << resource.ref.name;
            EXPECT_TRUE(isValidVersion(resource.ref.version)) << resource.ref.version;
            EXPECT_GT(resource.where.line, 0) << resource.ref.toString();
        }
        EXPECT_EQ(columns, expected.columns);
        EXPECT_EQ(inputs, expected.edges);
        EXPECT_EQ(imported->catalog.files.size(), catalogPath.empty() ? 1u : 2u);

        testing::TempDir dir;
        auto store = openCatalogStore((dir / "c.sqlite").string(), OpenMode::Create);
        ASSERT_TRUE(store);
        ImportOptions options;
        options.origin = "dbt";
        options.sourcePath = path.string();
        auto first = (*store)->importCatalog(imported->catalog, options);
        ASSERT_TRUE(first) << first.error().message;
        EXPECT_TRUE(first->recorded || expected.resources == 0);
        auto again = (*store)->importCatalog(importDbt(path.string(), catalogPath)->catalog, options);
        ASSERT_TRUE(again);
        EXPECT_FALSE(again->recorded && expected.resources > 0) << "a re-import changed something";
    }
    for (const char *schema : {"v1", "v2", "v3", "v4", "v7", "v11", "v12"})
        EXPECT_TRUE(schemas.count(schema)) << schema;
}

TEST(DbtImport, IdentityMetadataAndCatalogTypes)
{
    SKIP_WITHOUT_FIXTURES();
    const fs::path duck = dbtFixtures() / "openlineage-tests/duckdb/manifest.json";
    auto imported = importDbt(duck.string());
    ASSERT_TRUE(imported);
    const json node = readJson(duck)["nodes"]["model.jaffle_shop.customers"];
    const Resource *customers = nullptr;
    for (const Resource &r : imported->catalog.resources)
        customers = r.ref.name == "jaffle_shop.customers" ? &r : customers;
    ASSERT_NE(customers, nullptr);
    EXPECT_EQ(customers->meta.owner, node["meta"]["owner"].get<std::string>());
    EXPECT_EQ(customers->meta.properties.at("dbt.unique_id"), "model.jaffle_shop.customers");
    const auto *spec = customers->as<SourceSpec>();
    EXPECT_EQ(spec->type, SourceType::Transformation);
    EXPECT_EQ(spec->definition, node["compiled_code"].get<std::string>());
    EXPECT_EQ(spec->location, node["database"].get<std::string>() + "." + node["schema"].get<std::string>()
                                  + "." + node["alias"].get<std::string>());
    EXPECT_EQ(std::count(customers->meta.tags.begin(), customers->meta.tags.end(), "pii"), 0)
        << "meta.pii is false";
    EXPECT_EQ(customers->ref.version.substr(0, 1), "c");

    const fs::path amundsen = dbtFixtures() / "amundsen-sample";
    auto typed = importDbt((amundsen / "manifest.json").string(), (amundsen / "catalog.json").string());
    ASSERT_TRUE(typed);
    const json catalog = readJson(amundsen / "catalog.json");
    std::size_t checked = 0;
    for (const Resource &r : typed->catalog.resources) {
        const std::string id = r.meta.properties.at("dbt.unique_id");
        if (!catalog["nodes"].contains(id))
            continue;
        for (const Column &column : r.as<SourceSpec>()->columns) {
            for (const auto &[name, c] : catalog["nodes"][id]["columns"].items()) {
                if (lowered(name) == lowered(column.name)) {
                    EXPECT_EQ(column.type, c["type"].get<std::string>());
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, 0u);
}

TEST(DbtImport, LineageReachesFromAModelToItsSeeds)
{
    SKIP_WITHOUT_FIXTURES();
    const fs::path path = dbtFixtures() / "openlineage-tests/large/manifest.json";
    auto imported = importDbt(path.string());
    ASSERT_TRUE(imported);
    testing::TempDir dir;
    auto store = openCatalogStore((dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    ImportOptions options;
    options.origin = "dbt";
    ASSERT_TRUE((*store)->importCatalog(imported->catalog, options));
    auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
    ASSERT_TRUE(snapshot);
    const LineageGraph graph = LineageGraph::build(std::move(*snapshot));
    EXPECT_EQ(graph.edgeCount(), imported->edges);
    EXPECT_EQ(graph.droppedEdges(), 0u);
    std::optional<NodeId> customers;
    for (NodeId n = 0; n < graph.nodeCount(); ++n)
        customers = graph.resource(n).ref.name == "jaffle_shop.customers" ? n : customers;
    ASSERT_TRUE(customers);
    std::set<std::string> upstream;
    std::vector<NodeId> todo{*customers};
    while (!todo.empty()) {
        const NodeId n = todo.back();
        todo.pop_back();
        for (const LineageStep &step : graph.upstream(n)) {
            if (upstream.insert(graph.resource(step.node).ref.name).second)
                todo.push_back(step.node);
        }
    }
    EXPECT_TRUE(upstream.count("jaffle_shop.stg_customers"));
    EXPECT_TRUE(upstream.count("jaffle_shop.raw_customers")) << "through stg_customers to the seed";
}

TEST(DbtImport, AChangedModelRecordsANewImportWithNewVersionsDownstream)
{
    SKIP_WITHOUT_FIXTURES();
    const fs::path path = dbtFixtures() / "openlineage-tests/large/manifest.json";
    json manifest = readJson(path);
    testing::TempDir dir;
    const auto write = [&](const std::string &name) {
        std::ofstream(dir / name) << manifest.dump(1);
        return (dir / name).string();
    };
    auto store = openCatalogStore((dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(store);
    ImportOptions options;
    options.origin = "dbt";
    ASSERT_TRUE((*store)->importCatalog(importDbt(write("a.json"))->catalog, options));
    manifest["nodes"]["model.jaffle_shop.stg_customers"]["compiled_sql"] = "select 1 as customer_id";
    manifest["nodes"]["model.jaffle_shop.orders"]["description"] = "changed description only";
    auto changed = (*store)->importCatalog(importDbt(write("b.json"))->catalog, options);
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_TRUE(changed->recorded);
    // stg_customers and customers (which reads it) get new content versions; orders a revision.
    EXPECT_EQ(changed->record.counts.added, 2u);
    EXPECT_EQ(changed->record.counts.removed, 2u);
    EXPECT_EQ(changed->record.counts.revised, 1u);
}

TEST(DbtImport, PiiOwnerAndOwnVersionFromAProjectManifest)
{
    const std::string text = R"({
  "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
  "nodes": {
    "model.shop.dim_customers.v2": {
      "resource_type": "model", "name": "dim_customers", "version": 2,
      "database": "db", "schema": "core", "alias": "dim_customers_v2",
      "config": {"meta": {"owner": "crm-team"}}, "tags": ["core"],
      "raw_code": "select * from {{ ref('stg') }}",
      "depends_on": {"nodes": ["seed.shop.stg", "test.shop.not_null"]},
      "columns": {
        "email": {"name": "email", "meta": {"contains_pii": true}, "tags": []},
        "phone": {"name": "phone", "tags": ["PII"]},
        "id": {"name": "id", "meta": {"pii": false}}
      }
    },
    "seed.shop.stg": {"resource_type": "seed", "database": "db", "schema": "raw", "alias": "stg",
                      "columns": {}},
    "test.shop.not_null": {"resource_type": "test"}
  },
  "sources": {}
})";
    auto imported = importDbtText("m.json", text);
    ASSERT_TRUE(imported) << imported.error().message;
    ASSERT_EQ(imported->catalog.resources.size(), 2u);
    const Resource &model = imported->catalog.resources[0];
    EXPECT_EQ(model.ref.name, "shop.dim_customers");
    EXPECT_EQ(model.ref.version, "2");
    EXPECT_EQ(model.meta.owner, "crm-team");
    const auto *spec = model.as<SourceSpec>();
    EXPECT_EQ(spec->location, "db.core.dim_customers_v2");
    ASSERT_EQ(spec->columns.size(), 3u);
    EXPECT_EQ(spec->columns[0].name, "email"); // file order, not sorted
    EXPECT_EQ(spec->columns[0].tags, std::vector<std::string>{"pii"});
    EXPECT_EQ(spec->columns[0].where.line, 11);
    EXPECT_EQ(spec->columns[1].tags, (std::vector<std::string>{"PII", "pii"}));
    EXPECT_TRUE(spec->columns[2].tags.empty());
    ASSERT_EQ(spec->inputs.size(), 1u);
    EXPECT_EQ(spec->inputs[0].ref, imported->catalog.resources[1].ref);
    EXPECT_EQ(imported->skipped.at("test"), 1u);
    EXPECT_EQ(model.meta.properties.at("dbt.sql"), "raw");
    EXPECT_FALSE(imported->warnings.empty());
}

TEST(DbtImport, MalformedManifestsSayWhere)
{
    auto truncated = importDbtText("m.json", "{\n  \"nodes\": {\n    \"model.a.b\": {\"name\": ");
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().code, ErrorCode::Invalid);
    EXPECT_EQ(truncated.error().where.substr(0, 9), "m.json:3:");

    auto wrongType = importDbtText("m.json",
                                   "{\"nodes\": {\n\n  \"model.a.b\": {\"resource_type\": \"model\", "
                                   "\"description\": 7}}}");
    ASSERT_FALSE(wrongType);
    EXPECT_EQ(wrongType.error().code, ErrorCode::Invalid);
    EXPECT_EQ(wrongType.error().where, "m.json:3:3");

    auto notManifest = importDbtText("m.json", "[1, 2]");
    ASSERT_FALSE(notManifest);
    EXPECT_EQ(notManifest.error().where, "m.json");
}

// A number beyond double is an Invalid error with a place, in the manifest and in catalog.json
// alike; it used to escape importDbtText as nlohmann's out_of_range (found by tests/fuzz dbt).
TEST(DbtImport, NumberTooLargeIsAnErrorWithAPlace)
{
    auto manifest = importDbtText("m.json", "{\"nodes\": {\n  \"a\": {\"x\": 1e400}}}");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().code, ErrorCode::Invalid);
    EXPECT_EQ(manifest.error().where.substr(0, 9), "m.json:2:") << manifest.error().where;
    EXPECT_NE(manifest.error().message.find("1e400"), std::string::npos);

    auto catalog = importDbtText("m.json", "{\"metadata\": {}, \"nodes\": {}}", "c.json",
                                 "{\"nodes\": 1e400}");
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().code, ErrorCode::Invalid);
    EXPECT_EQ(catalog.error().where.substr(0, 9), "c.json:1:") << catalog.error().where;
}

// Not a timing assertion: prints parse speed for the biggest fixture and a generated manifest.
TEST(DbtImport, ParseSpeedPerMegabyte)
{
    const auto measure = [](const std::string &label, const std::string &text) {
        const auto start = std::chrono::steady_clock::now();
        auto imported = importDbtText(label, text);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        const double seconds = std::chrono::duration<double>(elapsed).count();
        EXPECT_TRUE(imported);
        const double mb = double(text.size()) / 1e6;
        std::printf("[ dbt perf ] %s: %.2f MB, %zu resources, %.3f s, %.3f s/MB\n", label.c_str(), mb,
                    imported ? imported->catalog.resources.size() : 0, seconds, seconds / mb);
        return imported ? imported->catalog.resources.size() : 0;
    };
    if (!manifests().empty()) {
        std::ifstream in(dbtFixtures() / "openlineage-tests/postgres/manifest.json");
        std::stringstream text;
        text << in.rdbuf();
        measure("postgres fixture", text.str());
    }
    const char *v12 = "https://schemas.getdbt.com/dbt/manifest/v12.json";
    json manifest = {{"metadata", {{"dbt_schema_version", v12}}},
                     {"nodes", json::object()}, {"sources", json::object()}};
    const int models = 4000;
    for (int i = 0; i < models; ++i) {
        json node = {{"resource_type", "model"}, {"database", "db"}, {"schema", "s"},
                     {"alias", "m" + std::to_string(i)}, {"description", "generated model"},
                     {"compiled_code", "select a, b, c, d from db.s.m" + std::to_string(i / 2)
                                           + " where a > 0 group by 1, 2, 3, 4"},
                     {"depends_on", {{"nodes", json::array()}}}, {"columns", json::object()}};
        if (i > 0)
            node["depends_on"]["nodes"].push_back("model.p.m" + std::to_string(i / 2));
        for (int c = 0; c < 8; ++c)
            node["columns"]["col" + std::to_string(c)] = {{"name", "col" + std::to_string(c)},
                                                          {"description", "a generated column"},
                                                          {"tags", json::array()}, {"meta", json::object()}};
        manifest["nodes"]["model.p.m" + std::to_string(i)] = node;
    }
    EXPECT_EQ(measure("generated manifest", manifest.dump(2)), std::size_t(models));
}

} // namespace
} // namespace tributary
