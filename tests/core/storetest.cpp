// SPDX-License-Identifier: Apache-2.0
// The catalog store on every backend (SQLite, PostgreSQL): migrations, import round trip,
// immutability, history and as-of, search. PostgreSQL cases skip when the test server cannot be
// reached (see support/pgtestschema.h), unless TRIBUTARY_TEST_POSTGRES_REQUIRED=1.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "support/pgtestschema.h"
#include "support/smallcatalog.h"
#include "support/tempcatalog.h"
#include "tributary/model/canonical.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

using testing::TempDir;

// Counts the rows of every table, to show that a refused import wrote nothing.
std::string sqliteTableCounts(const std::filesystem::path &file)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string counts;
    for (const char *table : {"imports", "import_files", "resources", "revisions", "revision_tags",
             "columns", "resource_edges", "column_edges", "search"}) {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(
            db, (std::string("SELECT count(*) FROM ") + table).c_str(), -1, &statement, nullptr);
        sqlite3_step(statement);
        counts
            += std::string(table) + "=" + std::to_string(sqlite3_column_int64(statement, 0)) + " ";
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return counts;
}

enum class Backend { Sqlite, Postgres };

const char *backendName(Backend backend)
{
    return backend == Backend::Sqlite ? "Sqlite" : "Postgres";
}
// For test names and messages: "Sqlite", not the enum's bytes.
void PrintTo(Backend backend, std::ostream *out)
{
    *out << backendName(backend);
}

class StoreTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        if (postgres()) {
            m_schema = std::make_unique<testing::PgTestSchema>();
            TRIBUTARY_REQUIRE_POSTGRES(*m_schema);
        }
    }

    bool postgres() const { return GetParam() == Backend::Postgres; }
    std::string locator() const { return postgres() ? m_schema->locator() : m_file.string(); }

    std::unique_ptr<CatalogStore> open(OpenMode mode = OpenMode::Create)
    {
        auto store = openCatalogStore(locator(), mode);
        EXPECT_TRUE(store) << store.error().toString();
        return store ? std::move(*store) : nullptr;
    }

    // Where a second, empty store of the same backend lives.
    std::string otherLocator()
    {
        if (!postgres())
            return (m_dir / "other.sqlite").string();
        m_otherSchema = std::make_unique<testing::PgTestSchema>();
        return m_otherSchema->locator();
    }

    std::string tableCounts() const
    {
        return postgres() ? m_schema->tableCounts() : sqliteTableCounts(m_file);
    }

    Catalog write(const std::string &folder, const std::string &yaml)
    {
        return testing::loadClean(m_dir.writeCatalog(folder, {{"catalog.yaml", yaml}}));
    }

    ImportSummary import(CatalogStore &store, const Catalog &catalog, const char *at)
    {
        ImportOptions options;
        options.at = *Timestamp::parse(at);
        options.author = "tester";
        options.toolVersion = "test";
        auto summary = store.importCatalog(catalog, options);
        EXPECT_TRUE(summary) << summary.error().toString();
        return summary ? *summary : ImportSummary{};
    }

    static std::vector<std::string> refs(const Result<std::vector<ResourceSummary>> &rows)
    {
        std::vector<std::string> out;
        for (const ResourceSummary &row : *rows)
            out.push_back(row.ref.toString());
        return out;
    }

    TempDir m_dir;
    std::filesystem::path m_file = m_dir / "catalog.sqlite";
    std::unique_ptr<testing::PgTestSchema> m_schema, m_otherSchema;
};

TEST_P(StoreTest, MigratesAnEmptyFileToTheCurrentSchema)
{
    ASSERT_TRUE(open());
    if (postgres()) {
        // Numbered migrations in the schema's own version table; trigrams for fuzzy names.
        EXPECT_EQ(m_schema->value("SELECT max(version) FROM tributary_schema"), "2");
        EXPECT_EQ(
            m_schema->value("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"), "1");
        EXPECT_EQ(m_schema->value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                                  " AND tablename = 'resources'"),
            "0")
            << "the tables are in the connection's schema, not in public";
    } else {
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(m_file.c_str(), &db), SQLITE_OK);
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
        sqlite3_step(statement);
        EXPECT_EQ(sqlite3_column_int(statement, 0), 1);
        sqlite3_finalize(statement);
        sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
        sqlite3_step(statement);
        EXPECT_STREQ(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)), "wal");
        sqlite3_finalize(statement);
        sqlite3_close(db);
    }
    // Opening again is a no-op, read-only too.
    EXPECT_TRUE(open(OpenMode::ReadWrite));
    EXPECT_TRUE(open(OpenMode::ReadOnly));
}

// PostgreSQL's counterparts of the files that are not catalogs: a schema with no catalog, a
// database that does not exist, a schema holding another application's tables.
void expectPostgresRefusesWhatIsNotACatalog(testing::PgTestSchema &schema)
{
    const auto empty = openCatalogStore(schema.locator(), OpenMode::ReadOnly);
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::NotFound) << empty.error().toString();

    const auto missing = openCatalogStore(
        testing::withKeyword(schema.locator(), "dbname", "tributary_no_such_database"),
        OpenMode::ReadOnly);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound) << missing.error().toString();

    const auto noSchema = openCatalogStore(
        testing::inSchema(testing::pgAdminLocator(), "tributary_no_such_schema"), OpenMode::Create);
    ASSERT_FALSE(noSchema);
    EXPECT_EQ(noSchema.error().code, ErrorCode::Invalid) << noSchema.error().toString();

    ASSERT_TRUE(schema.exec("CREATE TABLE resources (x integer)")) << schema.lastError();
    const auto foreign = openCatalogStore(schema.locator(), OpenMode::ReadWrite);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::Invalid);
    EXPECT_EQ(foreign.error().message, "not a Tributary catalog");
    EXPECT_EQ(
        schema.value("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), "1")
        << "nothing was created beside the foreign table";
}

TEST_P(StoreTest, RefusesFilesThatAreNotCatalogs)
{
    if (postgres())
        return expectPostgresRefusesWhatIsNotACatalog(*m_schema);
    const auto missing = openCatalogStore((m_dir / "absent.sqlite").string(), OpenMode::ReadOnly);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    const auto text = m_dir / "notes.sqlite";
    std::ofstream(text) << "just some text, long enough to look like a header of a database file\n";
    const auto notDatabase = openCatalogStore(text.string(), OpenMode::ReadWrite);
    ASSERT_FALSE(notDatabase);
    EXPECT_EQ(notDatabase.error().code, ErrorCode::Invalid);
    EXPECT_EQ(notDatabase.error().message, "not a Tributary catalog");

    const auto folder = openCatalogStore(m_dir.path().string(), OpenMode::ReadOnly);
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().message, "is a folder, not a catalog file");

    const auto other = m_dir / "other.sqlite";
    sqlite3 *db = nullptr;
    sqlite3_open(other.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const auto foreign = openCatalogStore(other.string(), OpenMode::ReadWrite);
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code, ErrorCode::Invalid);
    EXPECT_EQ(foreign.error().message, "not a Tributary catalog");
}

TEST_P(StoreTest, ImportRoundTripsTheSampleCatalog)
{
    const Catalog catalog = testing::loadClean(testing::sampleCatalogDir());
    auto store = open();
    const ImportSummary summary = import(*store, catalog, "2024-01-01T00:00:00Z");
    EXPECT_TRUE(summary.recorded);
    EXPECT_EQ(summary.record.counts.added, catalog.resources.size());
    for (const Resource &resource : catalog.resources) {
        const auto stored = store->get(resource.ref, AsOf::latest());
        ASSERT_TRUE(stored) << stored.error().toString();
        EXPECT_EQ(definitionJson(stored->resource), definitionJson(resource));
        EXPECT_EQ(metadataJson(stored->resource), metadataJson(resource));
        EXPECT_EQ(stored->created.import.value, summary.record.id.value);
        EXPECT_EQ(stored->created.fileSha256.size(), 64u)
            << "file evidence for " << resource.ref.toString();
    }
    EXPECT_EQ(store->list({}, AsOf::latest())->size(), catalog.resources.size());

    const auto records = store->imports();
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().author, "tester");
    EXPECT_EQ(records->front().files.size(), catalog.files.size());
    EXPECT_EQ(records->front().fingerprint, *store->fingerprint(AsOf::latest()));

    // The same content in another store, read in another order, has the same fingerprint.
    Catalog reversed = catalog;
    std::reverse(reversed.resources.begin(), reversed.resources.end());
    auto other = openCatalogStore(otherLocator(), OpenMode::Create);
    ASSERT_TRUE(other);
    import(**other, reversed, "2025-06-01T00:00:00Z");
    EXPECT_EQ(*(*other)->fingerprint(AsOf::latest()), *store->fingerprint(AsOf::latest()));

    // Importing the same files again records nothing.
    const ImportSummary again = import(*store, catalog, "2024-02-01T00:00:00Z");
    EXPECT_FALSE(again.recorded);
    EXPECT_EQ(again.record.counts.unchanged, catalog.resources.size());
    EXPECT_EQ(store->imports()->size(), 1u);
}

TEST_P(StoreTest, RefusesAChangedDefinitionAndWritesNothing)
{
    auto store = open();
    import(*store, write("v1", testing::kSmallCatalog), "2024-01-01T00:00:00Z");
    const std::string before = *store->fingerprint(AsOf::latest());
    const std::string counts = tableCounts();

    // avg_spend@v1 now reads another column, and a new resource comes along in the same import.
    std::string changed = testing::kSmallCatalog;
    changed.replace(changed.find("column: amount"), 14, "column: email");
    changed += "  - {name: extra, version: v1, entity: customer, source: raw@v1, column: amount}\n";
    ImportOptions options;
    options.at = *Timestamp::parse("2024-02-01T00:00:00Z");
    const auto refused = store->importCatalog(write("v2", changed), options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    ASSERT_EQ(refused.error().details.size(), 1u);
    const std::string &detail = refused.error().details[0];
    EXPECT_NE(
        detail.find("v2/catalog.yaml:17:5: error: feature:avg_spend@v1 changes the definition"),
        std::string::npos)
        << detail;
    EXPECT_NE(detail.find("import 1 from catalog.yaml:17): column \"amount\" -> \"email\""),
        std::string::npos)
        << detail;

    EXPECT_EQ(*store->fingerprint(AsOf::latest()), before);
    EXPECT_EQ(tableCounts(), counts);
    EXPECT_FALSE(store->get({ResourceKind::Feature, "extra", "v1"}, AsOf::latest()));
}

TEST_P(StoreTest, KeepsHistoryAndAnswersAsOf)
{
    auto store = open();
    const Catalog v1 = write("v1", testing::kSmallCatalog);
    import(*store, v1, "2024-01-01T00:00:00Z");

    // Import 2: alice hands avg_spend to carol; contact disappears; a new version arrives.
    std::string second = testing::kSmallCatalog;
    second.replace(second.find("owner: alice"), 12, "owner: carol");
    second.erase(second.find("  - {name: contact"));
    second
        += "  - {name: avg_spend, version: v2, entity: customer, source: raw@v1, column: amount}\n";
    const ImportSummary two = import(*store, write("v2", second), "2024-03-01T00:00:00Z");
    EXPECT_EQ(two.record.counts.added, 1u);
    EXPECT_EQ(two.record.counts.revised, 1u);
    EXPECT_EQ(two.record.counts.removed, 1u);

    // Import 3: contact is back.
    const ImportSummary three = import(*store, v1, "2024-05-01T00:00:00Z");
    EXPECT_EQ(three.record.counts.revised, 2u); // avg_spend's owner back to alice, contact restored
    EXPECT_EQ(three.record.counts.removed, 1u); // avg_spend@v2 gone again

    const Ref avg{ResourceKind::Feature, "avg_spend", "v1"};
    const Ref contact{ResourceKind::Feature, "contact", "v1"};
    EXPECT_EQ(store->get(avg, AsOf::import({1}))->resource.meta.owner, "alice");
    EXPECT_EQ(store->get(avg, AsOf::import({2}))->resource.meta.owner, "carol");
    EXPECT_EQ(
        store->get(avg, AsOf::time(*Timestamp::parse("2024-04-15")))->resource.meta.owner, "carol");
    EXPECT_EQ(store->get(avg, AsOf::latest())->resource.meta.owner, "alice");

    const auto atTwo = store->get(contact, AsOf::import({2}));
    ASSERT_FALSE(atTwo);
    EXPECT_EQ(atTwo.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(store->get(contact, AsOf::latest()));
    EXPECT_FALSE(store->get(contact, AsOf::time(*Timestamp::parse("2023-12-31"))));

    ResourceFilter features;
    features.kind = ResourceKind::Feature;
    EXPECT_EQ(refs(store->list(features, AsOf::import({2}))),
        (std::vector<std::string>{"feature:avg_spend@v1", "feature:avg_spend@v2"}));
    EXPECT_EQ(refs(store->list(features, AsOf::time(*Timestamp::parse("2024-01-01")))),
        (std::vector<std::string>{"feature:avg_spend@v1", "feature:contact@v1"}));
    EXPECT_TRUE(store->list({}, AsOf::time(*Timestamp::parse("2023-06-01")))->empty());

    // Fingerprints follow content: import 3 restored import 1's content exactly.
    EXPECT_EQ(*store->fingerprint(AsOf::import({3})), *store->fingerprint(AsOf::import({1})));
    EXPECT_NE(*store->fingerprint(AsOf::import({2})), *store->fingerprint(AsOf::import({1})));

    const auto history = store->history(contact);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[0].change, RevisionChange::Created);
    EXPECT_EQ((*history)[1].change, RevisionChange::Removed);
    EXPECT_EQ((*history)[1].provenance.import.value, 2);
    EXPECT_EQ((*history)[2].change, RevisionChange::Restored);
    EXPECT_EQ((*history)[0].provenance.file, "catalog.yaml");

    EXPECT_EQ(store->resolve(AsOf::import({9})).error().code, ErrorCode::NotFound);
}

TEST_P(StoreTest, CountsWhatEachImportCreatedRemovedAndRestored)
{
    auto store = open();
    EXPECT_TRUE(store->importChanges(AsOf::latest())->empty()) << "no import yet";
    const Catalog v1 = write("v1", testing::kSmallCatalog);
    import(*store, v1, "2024-01-01T00:00:00Z");
    // 2: contact removed, avg_spend@v2 new. 3: only metadata. 4: contact back, v2 gone.
    std::string second = testing::kSmallCatalog;
    second.erase(second.find("  - {name: contact"));
    second
        += "  - {name: avg_spend, version: v2, entity: customer, source: raw@v1, column: amount}\n";
    import(*store, write("v2", second), "2024-02-01T00:00:00Z");
    std::string third = second;
    third.replace(third.find("owner: alice"), 12, "owner: carol");
    import(*store, write("v3", third), "2024-03-01T00:00:00Z");
    import(*store, v1, "2024-04-01T00:00:00Z");

    const auto changes = store->importChanges(AsOf::latest());
    ASSERT_TRUE(changes) << changes.error().toString();
    ASSERT_EQ(changes->size(), 4u);
    using K = ResourceKind;
    EXPECT_EQ((*changes)[0].byKind, (std::map<K, KindChanges>{{K::Provider, {1, 0, 0}},
        {K::Entity, {1, 0, 0}}, {K::Source, {1, 0, 0}}, {K::Feature, {2, 0, 0}}}));
    EXPECT_EQ((*changes)[1].byKind, (std::map<K, KindChanges>{{K::Feature, {1, 1, 0}}}));
    EXPECT_TRUE((*changes)[2].byKind.empty()) << "a revision of metadata creates nothing";
    EXPECT_EQ((*changes)[3].byKind, (std::map<K, KindChanges>{{K::Feature, {0, 1, 1}}}));
    const auto imports = store->imports();
    for (std::size_t i = 0; i < changes->size(); ++i) {
        EXPECT_EQ((*changes)[i].import, (*imports)[i].id);
        EXPECT_EQ((*changes)[i].at, (*imports)[i].at);
    }
    // What is present after each import follows from the changes.
    std::map<K, long> present;
    for (const ImportChanges &import : *changes) {
        for (const auto &[kind, counts] : import.byKind)
            present[kind] += long(counts.created + counts.restored) - long(counts.removed);
        ResourceFilter features;
        features.kind = K::Feature;
        const auto listed = store->list(features, AsOf::import(import.import));
        EXPECT_EQ(present[K::Feature], long(listed->size()));
    }

    const auto two = store->importChanges(AsOf::time(*Timestamp::parse("2024-02-15")));
    ASSERT_TRUE(two);
    EXPECT_EQ(two->size(), 2u) << "only the imports up to the as-of point";
    EXPECT_EQ(store->importChanges(AsOf::import({9})).error().code, ErrorCode::NotFound);
}

TEST_P(StoreTest, RefusesAnImportDatedBeforeTheLastOne)
{
    auto store = open();
    const Catalog catalog = write("v1", testing::kSmallCatalog);
    import(*store, catalog, "2024-03-01T00:00:00Z");
    ImportOptions options;
    options.at = *Timestamp::parse("2024-02-01T00:00:00Z");
    std::string changed = testing::kSmallCatalog;
    changed.replace(changed.find("owner: bob"), 10, "owner: dan");
    const auto early = store->importCatalog(write("v2", changed), options);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::Invalid);
    EXPECT_EQ(store->imports()->size(), 1u);
}

TEST_P(StoreTest, FiltersByTagOwnerAndKind)
{
    auto store = open();
    import(*store, write("v1", testing::kSmallCatalog), "2024-01-01T00:00:00Z");
    ResourceFilter pii;
    pii.tag = "pii";
    EXPECT_EQ(refs(store->list(pii, AsOf::latest())), std::vector<std::string>{"source:raw@v1"});
    pii.tag = "pii:direct";
    EXPECT_EQ(refs(store->list(pii, AsOf::latest())), std::vector<std::string>{"source:raw@v1"});
    pii.tag = "pii:dir*";
    EXPECT_EQ(refs(store->list(pii, AsOf::latest())), std::vector<std::string>{"source:raw@v1"});
    pii.tag = "pii:other";
    EXPECT_TRUE(store->list(pii, AsOf::latest())->empty());
    ResourceFilter owner;
    owner.owner = "ALICE";
    EXPECT_EQ(
        refs(store->list(owner, AsOf::latest())), std::vector<std::string>{"feature:avg_spend@v1"});
    ResourceFilter name;
    name.name = "contact";
    EXPECT_EQ(
        refs(store->list(name, AsOf::latest())), std::vector<std::string>{"feature:contact@v1"});
    name.name = "contac";
    EXPECT_TRUE(store->list(name, AsOf::latest())->empty()) << "a name filter is exact";
}

TEST_P(StoreTest, SearchesNamesDocsOwnersTagsAndColumns)
{
    auto store = open();
    import(*store, write("v1", testing::kSmallCatalog), "2024-01-01T00:00:00Z");
    const auto search = [&](const std::string &text) {
        std::vector<std::string> out;
        const auto hits = store->search(*parseSearchQuery(text));
        EXPECT_TRUE(hits) << hits.error().toString();
        for (const SearchHit &hit : *hits)
            out.push_back(hit.summary.ref.toString());
        return out;
    };
    EXPECT_EQ(search("spend"), std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(search("ninety"), std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(search("basket val"), std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(search("bob"), std::vector<std::string>{"feature:contact@v1"});
    EXPECT_EQ(search("email"), std::vector<std::string>{"source:raw@v1"});
    EXPECT_EQ(search("gdpr"), std::vector<std::string>{"feature:contact@v1"});
    EXPECT_EQ(search("kind:source tag:pii"), std::vector<std::string>{"source:raw@v1"});
    EXPECT_TRUE(search("kind:model").empty());
    EXPECT_TRUE(search("\"unbalanced").empty());
    EXPECT_TRUE(search("NEAR(x y) OR *").empty()); // FTS syntax in user text is just text

    // A removed resource is no longer found.
    std::string second = testing::kSmallCatalog;
    second.erase(second.find("  - {name: contact"));
    import(*store, write("v2", second), "2024-02-01T00:00:00Z");
    EXPECT_TRUE(search("bob").empty());
}

TEST_P(StoreTest, SearchesTheCatalogAsItStood)
{
    auto store = open();
    import(*store, write("v1", testing::kSmallCatalog), "2024-01-01T00:00:00Z");
    std::string second = testing::kSmallCatalog;
    second.erase(second.find("  - {name: contact"));
    second.replace(second.find("ninety"), 6, "sixty");
    import(*store, write("v2", second), "2024-02-01T00:00:00Z");
    const auto search = [&](const std::string &text, const AsOf &asOf) {
        std::vector<std::string> out;
        const auto hits = store->search(*parseSearchQuery(text), asOf);
        EXPECT_TRUE(hits) << hits.error().toString();
        for (const SearchHit &hit : *hits)
            out.push_back(hit.summary.ref.toString());
        return out;
    };
    const AsOf first = AsOf::import({1});
    EXPECT_EQ(search("bob", first), std::vector<std::string>{"feature:contact@v1"})
        << "removed later";
    EXPECT_EQ(search("ninety", first), std::vector<std::string>{"feature:avg_spend@v1"})
        << "the old text";
    EXPECT_TRUE(search("sixty", first).empty()) << "text written later";
    EXPECT_EQ(search("sixty", AsOf::latest()), std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(search("mail kind:source", first), std::vector<std::string>{"source:raw@v1"})
        << "a column's name";
    EXPECT_EQ(search("100%_", first), std::vector<std::string>{}) << "LIKE wildcards are text";
    // A name match ranks above a match in prose.
    EXPECT_EQ(search("contact", first).front(), "feature:contact@v1");
    EXPECT_EQ(
        store->search(*parseSearchQuery("x"), AsOf::import({7})).error().code, ErrorCode::NotFound);
}

TEST_P(StoreTest, ReportsWriteProgressAndCancelsWithoutWritingAnything)
{
    auto store = open();
    const Catalog catalog = write("v1", testing::kSmallCatalog);
    const std::string before = tableCounts();
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    ImportOptions options;
    options.progress = [&](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return false; // cancel at the first report
    };
    const auto cancelled = store->importCatalog(catalog, options);
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(tableCounts(), before) << "a cancelled import leaves nothing behind";
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].first, calls[0].second) << "a small catalog reports once, at the end";
    EXPECT_EQ(calls[0].second, catalog.resources.size());

    calls.clear();
    options.progress = [&](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    ASSERT_TRUE(store->importCatalog(catalog, options));
    EXPECT_EQ(calls.size(), 1u);
    EXPECT_EQ(store->imports()->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
    [](const ::testing::TestParamInfo<Backend> &param) { return backendName(param.param); });

} // namespace
} // namespace tributary
