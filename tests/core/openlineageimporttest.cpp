// SPDX-License-Identifier: Apache-2.0
// The OpenLineage importer over the real fixtures in ../shared/fixtures/openlineage: counts and
// column lineage checked against the JSON read independently here, store round trips, errors.
#include <chrono>
#include <fstream>
#include <functional>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/tempcatalog.h"
#include "tributary/import/openlineage.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

using nlohmann::json;
using testing::TempDir;
namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(TRIBUTARY_SHARED_FIXTURES) / "openlineage";

#define REQUIRE_FIXTURES()                                                                         \
    if (!fs::is_directory(kFixtures))                                                              \
    GTEST_SKIP() << "shared OpenLineage fixtures not found at " << kFixtures.string()

json readJson(const fs::path &path)
{
    std::ifstream in(path);
    return json::parse(in);
}

void writeText(const fs::path &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

using Key = std::pair<std::string, std::string>;
using Edge = std::tuple<Key, std::string, Key, std::string>; // to, column, from, column

// What the seed says, read straight from the JSON: datasets, jobs and DIRECT column edges.
struct Expected {
    std::set<Key> datasets;
    std::set<Key> jobs;
    std::set<Edge> directEdges;
    std::size_t indirect = 0;
};

std::string str(const json &value)
{
    return value.get<std::string>();
}

Expected expectedFrom(const json &events)
{
    Expected e;
    const auto dataset = [&](const json &d) {
        const Key key{str(d["namespace"]), str(d["name"])};
        e.datasets.insert(key);
        if (!d.contains("facets") || !d["facets"].contains("columnLineage"))
            return;
        for (const auto &[column, entry] : d["facets"]["columnLineage"]["fields"].items()) {
            for (const json &input : entry["inputFields"]) {
                const Key from{str(input["namespace"]), str(input["name"])};
                e.datasets.insert(from);
                bool direct
                    = !input.contains("transformations") || input["transformations"].empty();
                for (const json &t : input.value("transformations", json::array())) {
                    direct = direct || t["type"] == "DIRECT";
                    e.indirect += t["type"] == "INDIRECT" ? 1 : 0;
                }
                if (direct)
                    e.directEdges.insert({key, column, from, str(input["field"])});
            }
        }
    };
    for (const json &event : events) {
        e.jobs.insert(Key{str(event["job"]["namespace"]), str(event["job"]["name"])});
        for (const char *side : {"inputs", "outputs"}) {
            for (const json &d : event.value(side, json::array()))
                dataset(d);
        }
    }
    return e;
}

Key identity(const Resource &r)
{
    return {
        r.meta.properties.at("openlineage.namespace"), r.meta.properties.at("openlineage.name")};
}

std::set<Edge> importedEdges(const Catalog &catalog)
{
    std::map<Ref, Key> byRef;
    for (const Resource &r : catalog.resources)
        byRef[r.ref] = identity(r);
    std::set<Edge> edges;
    for (const Resource &r : catalog.resources) {
        for (const Column &c : r.as<SourceSpec>()->columns) {
            for (const ColumnDerivation &d : c.derivedFrom)
                edges.insert(
                    {identity(r), c.name, byRef.at(d.from.ref.resource), d.from.ref.column});
        }
    }
    return edges;
}

TEST(OpenLineageImport, MarquezSeedMatchesTheFileEdgeByEdge)
{
    REQUIRE_FIXTURES();
    // The {{...}} placeholders sit in eventTime only, which the importer does not interpret.
    const fs::path seed = kFixtures / "marquez" / "metadata.template.json";
    const Expected expected = expectedFrom(readJson(seed));
    auto imported = readOpenLineage({seed.string()});
    ASSERT_TRUE(imported) << imported.error().toString();
    std::set<Key> datasets, jobs;
    for (const Resource &r : imported->catalog.resources) {
        const bool job = r.as<SourceSpec>()->type == SourceType::Transformation;
        (job ? jobs : datasets).insert(identity(r));
        EXPECT_EQ(r.where.file.str(), seed.string());
        EXPECT_GT(r.where.line, 0) << r.ref.toString();
    }
    EXPECT_EQ(datasets, expected.datasets);
    EXPECT_EQ(jobs, expected.jobs);
    EXPECT_FALSE(expected.directEdges.empty());
    EXPECT_EQ(importedEdges(imported->catalog), expected.directEdges);
    EXPECT_EQ(imported->events, readJson(seed).size());
    ASSERT_EQ(imported->catalog.files.size(), 1u);
    EXPECT_EQ(imported->catalog.files[0].sha256.size(), 64u);
}

TEST(OpenLineageImport, StoreRoundTripAndLineageReachesThrough)
{
    REQUIRE_FIXTURES();
    TempDir dir;
    auto store = openCatalogStore((dir.path() / "c.sqlite").string(), OpenMode::Create).value();
    const std::vector<std::string> paths{
        (kFixtures / "marquez").string(), (kFixtures / "example_full_event.json").string()};
    auto imported = readOpenLineage(paths);
    ASSERT_TRUE(imported) << imported.error().toString();
    const ImportOptions options{{}, "test", "test", "openlineage", "fixtures", {}};
    auto first = store->importCatalog(imported->catalog, options);
    ASSERT_TRUE(first) << first.error().toString();
    EXPECT_TRUE(first->recorded);
    auto again = store->importCatalog(readOpenLineage(paths).value().catalog, options);
    ASSERT_TRUE(again) << again.error().toString();
    EXPECT_FALSE(again->recorded);

    const LineageGraph graph = LineageGraph::build(store->lineageSnapshot(AsOf::latest()).value());
    EXPECT_EQ(graph.nodeCount(), imported->catalog.resources.size());
    // Some dataset is reached from another through the job that writes it.
    bool throughJob = false;
    for (const Resource &r : imported->catalog.resources) {
        const auto node = graph.find(r.ref);
        ASSERT_TRUE(node);
        if (r.as<SourceSpec>()->type != SourceType::Table)
            continue;
        for (const LineageStep &step : graph.upstream(*node))
            throughJob = throughJob || !graph.upstream(step.node).empty();
    }
    EXPECT_TRUE(throughJob);
    EXPECT_GT(graph.columnEdgeCount(), 0u);
}

TEST(OpenLineageImport, ChangedEventRecordsANewImportAndRunsMerge)
{
    TempDir dir;
    const fs::path file = dir.path() / "events.ndjson";
    const std::string start
        = R"({"eventType":"START","run":{"runId":"r1"},"job":{"namespace":"s","name":"j"},)"
          R"("inputs":[{"namespace":"db","name":"a","facets":{"documentation":{"description":)"
          R"("Plain *text* with [[no:link]] <b>"},"schema":{"fields":[)"
          R"({"name":"x","type":"int"}]}}}]})";
    const std::string complete
        = R"({"eventType":"COMPLETE","run":{"runId":"r1"},"job":{"namespace":"s","name":"j"},)"
          R"("outputs":[{"namespace":"db","name":"b","facets":{"columnLineage":{"fields":{"y":{)"
          R"("inputFields":[{"namespace":"db","name":"a","field":"x","transformations":[)"
          R"({"type":"DIRECT","subtype":"AGGREGATION"},{"type":"INDIRECT","subtype":"FILTER"}]}]}}}}}]})";
    writeText(file, start + "\n" + complete + "\n");
    auto imported = readOpenLineage({file.string()});
    ASSERT_TRUE(imported) << imported.error().toString();
    ASSERT_EQ(imported->catalog.resources.size(), 3u); // a, b and one job for both events
    const Resource *b = nullptr;
    for (const Resource &r : imported->catalog.resources)
        b = r.meta.properties.at("openlineage.name") == "b" ? &r : b;
    ASSERT_TRUE(b);
    EXPECT_EQ(b->where.line, 2);
    const auto *spec = b->as<SourceSpec>();
    ASSERT_EQ(spec->inputs.size(), 1u); // hangs off its job
    ASSERT_EQ(spec->columns.size(), 1u);
    ASSERT_EQ(spec->columns[0].derivedFrom.size(), 1u);
    EXPECT_EQ(spec->columns[0].derivedFrom[0].transform, TransformKind::Aggregated);
    EXPECT_EQ(b->meta.properties.at("openlineage.indirect.y"), "db/a#x (FILTER)");
    const Resource *a = nullptr;
    for (const Resource &r : imported->catalog.resources)
        a = r.meta.properties.at("openlineage.name") == "a" ? &r : a;
    ASSERT_TRUE(a);
    EXPECT_EQ(a->meta.description, "Plain \\*text\\* with \\[\\[no:link\\]\\] \\<b\\>");

    auto store = openCatalogStore((dir.path() / "c.sqlite").string(), OpenMode::Create).value();
    const ImportOptions options{{}, "test", "test", "openlineage", file.string(), {}};
    ASSERT_TRUE(store->importCatalog(imported->catalog, options));
    std::string changed = complete;
    changed.replace(changed.find("AGGREGATION"), 11, "IDENTITY");
    writeText(file, start + "\n" + changed + "\n");
    auto second = store->importCatalog(readOpenLineage({file.string()}).value().catalog, options);
    ASSERT_TRUE(second) << second.error().toString();
    EXPECT_TRUE(second->recorded);
}

TEST(OpenLineageImport, MalformedInputSaysWhere)
{
    TempDir dir;
    const fs::path truncated = dir.path() / "truncated.json";
    writeText(truncated, "[\n  {\"job\": {\"namespace\": \"a\",\n");
    auto bad = readOpenLineage({truncated.string()});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::Invalid);
    EXPECT_EQ(bad.error().where.rfind(truncated.string() + ":3:", 0), 0u) << bad.error().where;

    const fs::path wrongType = dir.path() / "wrong.json";
    writeText(wrongType,
        "[\n  {\"job\": {\"namespace\": \"a\", \"name\": \"j\"}},\n"
        "  {\"job\": {\"namespace\": \"a\", \"name\": \"j\"}, \"inputs\": \"x\"}\n]\n");
    bad = readOpenLineage({wrongType.string()});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where, wrongType.string() + ":3:3");
    EXPECT_NE(bad.error().message.find("inputs"), std::string::npos);

    const fs::path ndjson = dir.path() / "bad.ndjson";
    writeText(ndjson, "{\"job\": {\"namespace\": \"a\", \"name\": \"j\"}}\n{\"job\": {\n");
    bad = readOpenLineage({ndjson.string()});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where.rfind(ndjson.string() + ":2:", 0), 0u) << bad.error().where;
}

// Texts already in memory read exactly as the same bytes in a file, named by their label.
TEST(OpenLineageImport, TextsReadLikeFiles)
{
    TempDir dir;
    const std::string text = "{\"job\": {\"namespace\": \"a\", \"name\": \"j\"},"
                             " \"inputs\": [{\"namespace\": \"a\", \"name\": \"t\"}]}\n";
    const fs::path file = dir.path() / "one.json";
    writeText(file, text);
    const auto fromFile = readOpenLineage({file.string()});
    const auto fromText = readOpenLineageTexts({{file.string(), text}});
    ASSERT_TRUE(fromFile) << fromFile.error().toString();
    ASSERT_TRUE(fromText) << fromText.error().toString();
    EXPECT_EQ(fromText->events, fromFile->events);
    ASSERT_EQ(fromText->catalog.resources.size(), fromFile->catalog.resources.size());
    for (std::size_t i = 0; i < fromText->catalog.resources.size(); ++i) {
        EXPECT_EQ(fromText->catalog.resources[i].ref, fromFile->catalog.resources[i].ref);
        EXPECT_EQ(fromText->catalog.resources[i].where, fromFile->catalog.resources[i].where);
    }
    ASSERT_EQ(fromText->catalog.files.size(), 1u);
    EXPECT_EQ(fromText->catalog.files[0].sha256, fromFile->catalog.files[0].sha256);

    const auto bad = readOpenLineageTexts({{"memory.json", "[\n  {\"job\": 1,\n"}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().where.rfind("memory.json:3:", 0), 0u) << bad.error().where;
}

// A number beyond double is an Invalid error with a place; it used to escape readOpenLineage as
// nlohmann's out_of_range (found by tests/fuzz openlineage), in a whole file and in NDJSON.
TEST(OpenLineageImport, NumberTooLargeIsAnErrorWithAPlace)
{
    auto whole = readOpenLineageTexts({{"big.json", "{\"job\": {\"x\":\n 1e400}}"}});
    ASSERT_FALSE(whole);
    EXPECT_EQ(whole.error().code, ErrorCode::Invalid);
    EXPECT_EQ(whole.error().where.rfind("big.json:2:", 0), 0u) << whole.error().where;
    EXPECT_NE(whole.error().message.find("1e400"), std::string::npos);

    auto lines = readOpenLineageTexts(
        {{"big.ndjson", "{\"job\": {\"namespace\": \"a\", \"name\": \"j\"}}\n{\"x\": -1e999}\n"}});
    ASSERT_FALSE(lines);
    EXPECT_EQ(lines.error().code, ErrorCode::Invalid);
    EXPECT_EQ(lines.error().where.rfind("big.ndjson:2:", 0), 0u) << lines.error().where;
}

// The spec's own facet examples, put on one dataset event: each mapped as docs/importers.md says.
TEST(OpenLineageImport, SpecFacetExamplesMap)
{
    REQUIRE_FIXTURES();
    const fs::path spec = kFixtures / "spec" / "tests";
    json facets = json::object();
    for (const char *name : {"SchemaDatasetFacet", "TagsDatasetFacet", "OwnershipDatasetFacet",
             "DocumentationDatasetFacet", "DatasetVersionDatasetFacet"})
        facets.update(readJson(spec / name / "1.json"));
    facets["schema"]["fields"].push_back(
        {{"name", "email"}, {"type", "string"}}); // the tag's field
    TempDir dir;
    const fs::path file = dir.path() / "dataset.json";
    writeText(
        file, json{{"dataset", {{"namespace", "ns"}, {"name", "d"}, {"facets", facets}}}}.dump(2));
    auto imported = readOpenLineage({file.string()});
    ASSERT_TRUE(imported) << imported.error().toString();
    ASSERT_EQ(imported->catalog.resources.size(), 1u);
    const Resource &r = imported->catalog.resources[0];
    EXPECT_EQ(r.ref.version, str(facets["version"]["datasetVersion"]));
    EXPECT_EQ(r.meta.owner, str(facets["ownership"]["owners"][0]["name"]));
    EXPECT_EQ(r.meta.description, str(facets["documentation"]["description"]));
    // Every field, nested ones as parent.child, in order.
    std::vector<std::string> expected;
    const std::function<void(const json &, const std::string &)> walk
        = [&](const json &fields, const std::string &prefix) {
              for (const json &f : fields) {
                  expected.push_back(prefix + str(f["name"]));
                  if (f.contains("fields"))
                      walk(f["fields"], prefix + str(f["name"]) + ".");
              }
          };
    walk(facets["schema"]["fields"], "");
    std::vector<std::string> columns;
    for (const Column &c : r.as<SourceSpec>()->columns)
        columns.push_back(c.name);
    EXPECT_EQ(columns, expected);
    EXPECT_NE(std::find(columns.begin(), columns.end(), "addresses.zip"), columns.end());
    // The unscoped tag is the dataset's; the one scoped to "email" lands on that column.
    EXPECT_EQ(r.meta.tags, std::vector<std::string>{"test_tag2:test_value2"});
    EXPECT_EQ(r.as<SourceSpec>()->findColumn("email")->tags,
        std::vector<std::string>{"test_tag:test_value"});
    EXPECT_TRUE(imported->warnings.empty());

    // Column lineage example: DIRECT edges become derivations, INDIRECT ones a property.
    json lineage = readJson(spec / "ColumnLineageDatasetFacet" / "1.json");
    const fs::path out = dir.path() / "lineage.json";
    writeText(out,
        json{{"dataset",
                 {{"namespace", "SnowflakeOpenLineage"}, {"name", "OUT"}, {"facets", lineage}}}}
            .dump(2));
    imported = readOpenLineage({out.string()});
    ASSERT_TRUE(imported) << imported.error().toString();
    const Resource *target = nullptr;
    for (const Resource &res : imported->catalog.resources)
        target = res.meta.properties.at("openlineage.name") == "OUT" ? &res : target;
    ASSERT_TRUE(target);
    const Column *name = target->as<SourceSpec>()->findColumn("NAME");
    ASSERT_TRUE(name);
    ASSERT_EQ(name->derivedFrom.size(), 1u);
    EXPECT_EQ(name->derivedFrom[0].transform, TransformKind::Identity);
    EXPECT_EQ(name->derivedFrom[0].from.ref.column, "NAME");
    EXPECT_EQ(target->meta.properties.at("openlineage.indirect.NAME"),
        "SnowflakeOpenLineage/CUSTOMERS#ID (JOIN); SnowflakeOpenLineage/DISCOUNTS#CUSTOMERS_ID "
        "(JOIN)");
}

TEST(OpenLineageImport, ParseSpeedIsPrinted)
{
    REQUIRE_FIXTURES();
    TempDir dir;
    const fs::path large = kFixtures / "marquez" / "event_large.json";
    const std::string event = [&] {
        std::ifstream in(large);
        return json::parse(in).dump();
    }();
    std::string big;
    for (int i = 0; big.size() < 20'000'000; ++i) {
        std::string e = event;
        const auto at = e.find("\"name\"");
        e.insert(at, "\"x\":" + std::to_string(i) + ",");
        big += e + "\n";
    }
    writeText(dir.path() / "big.ndjson", big);
    for (const fs::path &path : {large, dir.path() / "big.ndjson"}) {
        const auto started = std::chrono::steady_clock::now();
        auto imported = readOpenLineage({path.string()});
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
        ASSERT_TRUE(imported) << imported.error().toString();
        const double mb = double(fs::file_size(path)) / 1e6;
        std::cout << path.filename().string() << ": " << mb << " MB, " << imported->events
                  << " events in " << seconds.count() << " s (" << seconds.count() / mb
                  << " s/MB)\n";
    }
}

} // namespace
} // namespace tributary
