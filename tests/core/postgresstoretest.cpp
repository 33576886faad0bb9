// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL store beside the SQLite one: the same answers and fingerprints, offline
// copies, schema versions, the read-only role, and what connection failures look like.
#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/pgstorefixture.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/model/canonical.h"

namespace tributary {
namespace {

using testing::PostgresStoreTest;

std::vector<std::string> refsOf(const Result<std::vector<SearchHit>> &hits)
{
    std::vector<std::string> refs;
    if (hits) {
        for (const SearchHit &hit : *hits)
            refs.push_back(hit.summary.ref.toString());
    }
    return refs;
}

TEST_F(PostgresStoreTest, GivesTheSameAnswersAndFingerprintsAsSqliteAtEveryImport)
{
    auto pg = open();
    auto sqlite = openCatalogStore((m_dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(pg && sqlite);
    std::vector<Catalog> catalogs = history();
    catalogs.push_back(testing::loadClean(testing::sampleCatalogDir()));
    const char *times[] = {"2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z",
        "2024-04-01T00:00:00Z"};
    for (std::size_t i = 0; i < catalogs.size(); ++i) {
        // The sample comes from another importer, so it adds to the small catalog.
        const ImportOptions options
            = testing::PostgresStoreTest::at(times[i], i < 3 ? "yaml" : "acme");
        const auto a = pg->importCatalog(catalogs[i], options);
        const auto b = (*sqlite)->importCatalog(catalogs[i], options);
        ASSERT_TRUE(a && b) << (a ? b.error().toString() : a.error().toString());
        EXPECT_EQ(a->record.fingerprint, b->record.fingerprint) << "import " << i + 1;
        EXPECT_EQ(a->record.id.value, b->record.id.value);
    }
    EXPECT_EQ(testing::importsText(*pg->imports()), testing::importsText(*(*sqlite)->imports()));
    for (std::int64_t id = 1; id <= 4; ++id) {
        const AsOf asOf = AsOf::import({id});
        EXPECT_EQ(*pg->fingerprint(asOf), *(*sqlite)->fingerprint(asOf)) << "import " << id;
        EXPECT_EQ(testing::snapshotText(*pg->lineageSnapshot(asOf)),
            testing::snapshotText(*(*sqlite)->lineageSnapshot(asOf)))
            << "import " << id;
        const auto pgList = pg->list({}, asOf), sqliteList = (*sqlite)->list({}, asOf);
        ASSERT_EQ(pgList->size(), sqliteList->size());
        for (std::size_t i = 0; i < pgList->size(); ++i) {
            const Ref &ref = (*pgList)[i].ref;
            EXPECT_EQ(ref, (*sqliteList)[i].ref);
            const auto x = pg->get(ref, asOf), y = (*sqlite)->get(ref, asOf);
            ASSERT_TRUE(x && y) << ref.toString();
            EXPECT_EQ(definitionJson(x->resource), definitionJson(y->resource));
            EXPECT_EQ(metadataJson(x->resource), metadataJson(y->resource));
            EXPECT_EQ(x->created.fileSha256, y->created.fileSha256);
            EXPECT_EQ(x->revised.import, y->revised.import);
        }
        // An earlier point is searched by substrings, the same way on both.
        if (id < 4) {
            for (const char *text : {"spend", "sixty", "mail", "a", "pii kind:source", "finance"}) {
                EXPECT_EQ(refsOf(pg->search(*parseSearchQuery(text), asOf)),
                    refsOf((*sqlite)->search(*parseSearchQuery(text), asOf)))
                    << text << " as of import " << id;
            }
        }
    }
    for (const Ref &ref : {Ref{ResourceKind::Feature, "contact", "v1"},
             Ref{ResourceKind::Feature, "avg_spend", "v2"}}) {
        const auto a = pg->history(ref), b = (*sqlite)->history(ref);
        ASSERT_TRUE(a && b);
        ASSERT_EQ(a->size(), b->size());
        for (std::size_t i = 0; i < a->size(); ++i) {
            EXPECT_EQ((*a)[i].change, (*b)[i].change);
            EXPECT_EQ((*a)[i].provenance.import, (*b)[i].provenance.import);
            EXPECT_EQ((*a)[i].owner, (*b)[i].owner);
        }
    }
    // Row for row the same content, ids included.
    const auto x = pg->content(), y = (*sqlite)->content();
    ASSERT_TRUE(x && y);
    EXPECT_EQ(x->revisions.size(), y->revisions.size());
    for (std::size_t i = 0; i < std::min(x->revisions.size(), y->revisions.size()); ++i) {
        EXPECT_EQ(x->revisions[i].id, y->revisions[i].id);
        EXPECT_EQ(x->revisions[i].metadataHash, y->revisions[i].metadataHash);
        EXPECT_EQ(x->revisions[i].change, y->revisions[i].change);
    }
    EXPECT_EQ(x->resources.size(), y->resources.size());
    EXPECT_EQ(x->revisionTags.size(), y->revisionTags.size());
    EXPECT_EQ(x->columns.size(), y->columns.size());
    EXPECT_EQ(x->resourceEdges.size(), y->resourceEdges.size());
    EXPECT_EQ(x->columnEdges.size(), y->columnEdges.size());
}

TEST_F(PostgresStoreTest, SplitsAndFoldsWordsAsSqliteDoes)
{
    std::string yaml = testing::pgBase();
    yaml += "  - {name: visits, version: v1, entity: customer, source: raw@v1, column: amount,"
            " owner: web-team, description: \"Überblick of the CAFÉ at shop.example.com,"
            " 100% of v1.2 (weekly)\"}\n";
    const Catalog catalog = write("v1", yaml);
    auto pg = open();
    auto sqlite = openCatalogStore((m_dir / "c.sqlite").string(), OpenMode::Create);
    ASSERT_TRUE(pg && sqlite);
    ASSERT_TRUE(pg->importCatalog(catalog, at("2024-01-01")));
    ASSERT_TRUE((*sqlite)->importCatalog(catalog, at("2024-01-01")));
    for (const char *text : {"überblick", "ÜBER", "café", "shop", "example.com", "com", "v1",
             "weekly", "web", "team", "web-team", "\"shop example\"", "\"example shop\"",
             "avg_spend", "avg spend", "pii", "direct", "'", "100%", "a:*", "x | y", "!", "("}) {
        // The same matches; their order is bm25's on SQLite, ts_rank's here.
        auto a = refsOf(pg->search(*parseSearchQuery(text)));
        auto b = refsOf((*sqlite)->search(*parseSearchQuery(text)));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        EXPECT_EQ(a, b) << text;
    }
}

TEST_F(PostgresStoreTest, AnOfflineCopyKeepsEveryImportAndFingerprint)
{
    auto pg = open();
    ASSERT_TRUE(pg);
    const std::vector<Catalog> catalogs = history();
    const char *times[] = {"2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"};
    for (std::size_t i = 0; i < catalogs.size(); ++i)
        ASSERT_TRUE(pg->importCatalog(catalogs[i], at(times[i])));
    const std::string path = (m_dir / "offline.sqlite").string();
    const auto written = writeOfflineCopy(*pg, path);
    ASSERT_TRUE(written) << written.error().toString();

    auto copy = openCatalogStore(path, OpenMode::ReadOnly);
    ASSERT_TRUE(copy) << copy.error().toString();
    EXPECT_EQ(testing::importsText(*(*copy)->imports()), testing::importsText(*pg->imports()));
    for (std::int64_t id = 1; id <= 3; ++id) {
        const AsOf asOf = AsOf::import({id});
        EXPECT_EQ(*(*copy)->fingerprint(asOf), *pg->fingerprint(asOf)) << "import " << id;
        EXPECT_EQ(testing::snapshotText(*(*copy)->lineageSnapshot(asOf)),
            testing::snapshotText(*pg->lineageSnapshot(asOf)));
    }
    EXPECT_EQ(refsOf((*copy)->search(*parseSearchQuery("ninety"))),
        std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(refsOf((*copy)->search(*parseSearchQuery("sixty"), AsOf::import({2}))),
        std::vector<std::string>{"feature:avg_spend@v1"});
}

TEST_F(PostgresStoreTest, ReadOnlyRoleBrowsesButCannotImport)
{
    {
        auto store = open();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->importCatalog(write("v1", testing::pgBase()), at("2024-01-01")));
    }
    ASSERT_TRUE(m_schema.grantReader()) << m_schema.lastError();
    const std::string counts = m_schema.tableCounts();

    auto opened = openCatalogStore(m_schema.readerLocator(), OpenMode::ReadOnly);
    ASSERT_TRUE(opened) << opened.error().toString();
    CatalogStore &reader = **opened;
    EXPECT_EQ(reader.list({}, AsOf::latest())->size(), 5u);
    const auto stored = reader.get({ResourceKind::Feature, "avg_spend", "v1"}, AsOf::latest());
    ASSERT_TRUE(stored) << stored.error().toString();
    EXPECT_EQ(stored->resource.meta.owner, "alice");
    EXPECT_EQ(refsOf(reader.search(*parseSearchQuery("ninety"))),
        std::vector<std::string>{"feature:avg_spend@v1"});
    EXPECT_EQ(refsOf(reader.search(*parseSearchQuery("custmer"))),
        std::vector<std::string>{"entity:customer"})
        << "a near miss of a name, through pg_trgm";
    auto snapshot = reader.lineageSnapshot(AsOf::latest());
    ASSERT_TRUE(snapshot) << snapshot.error().toString();
    const LineageGraph graph = LineageGraph::build(std::move(*snapshot));
    Traversal traversal(graph);
    const auto raw = graph.find({ResourceKind::Source, "raw", "v1"});
    ASSERT_TRUE(raw);
    EXPECT_EQ(traversal.closure({*raw, Direction::Down, -1, {}}).size(), 2u);
    EXPECT_TRUE(reader.content());

    const auto refused = reader.importCatalog(write("v2", testing::pgBase()), at("2024-02-01"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    EXPECT_NE(refused.error().message.find("read-only"), std::string::npos);

    // Opened for writing, the role still cannot write: the server says so, and nothing changes.
    auto writer = openCatalogStore(m_schema.readerLocator(), OpenMode::ReadWrite);
    ASSERT_TRUE(writer) << writer.error().toString();
    std::string changed = testing::pgBase();
    changed.replace(changed.find("owner: bob"), 10, "owner: dan");
    const auto denied = (*writer)->importCatalog(write("v3", changed), at("2024-03-01"));
    ASSERT_FALSE(denied);
    EXPECT_EQ(denied.error().code, ErrorCode::Database);
    EXPECT_NE(denied.error().message.find("SQLSTATE 42501"), std::string::npos)
        << denied.error().toString();
    EXPECT_FALSE(denied.error().hint.empty());
    EXPECT_EQ(m_schema.tableCounts(), counts);
}

TEST_F(PostgresStoreTest, MigratesOlderSchemasOnlyWhenWritingAndRefusesNewerOnes)
{
    ASSERT_TRUE(open());
    ASSERT_TRUE(m_schema.exec("DELETE FROM tributary_schema WHERE version = 2"));
    ASSERT_TRUE(m_schema.exec("DROP TABLE search"));
    const auto older = openCatalogStore(m_schema.locator(), OpenMode::ReadOnly);
    ASSERT_FALSE(older);
    EXPECT_EQ(older.error().code, ErrorCode::Invalid);
    EXPECT_NE(older.error().hint.find("tributary import"), std::string::npos);
    EXPECT_EQ(m_schema.value("SELECT max(version) FROM tributary_schema"), "1")
        << "a read-only open writes nothing";

    auto migrated = open(OpenMode::ReadWrite);
    ASSERT_TRUE(migrated);
    EXPECT_EQ(m_schema.value("SELECT max(version) FROM tributary_schema"), "2");
    EXPECT_TRUE(migrated->importCatalog(write("v1", testing::pgBase()), at("2024-01-01")));

    ASSERT_TRUE(m_schema.exec("INSERT INTO tributary_schema VALUES (99, 0, 'future')"));
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::Create}) {
        const auto newer = openCatalogStore(m_schema.locator(), mode);
        ASSERT_FALSE(newer);
        EXPECT_EQ(newer.error().code, ErrorCode::Invalid);
        EXPECT_NE(newer.error().message.find("newer"), std::string::npos);
    }
}

TEST_F(PostgresStoreTest, NeverShowsAPassword)
{
    auto store = open();
    ASSERT_TRUE(store);
    const std::string locator = store->locator();
    EXPECT_EQ(locator.find("password"), std::string::npos) << locator;
    EXPECT_EQ(locator.find(":tributary@"), std::string::npos) << locator;
    EXPECT_NE(locator.find(m_schema.name()), std::string::npos) << "the schema is part of it";

    const std::string secret = "Wr0ng-Secret-4711";
    for (const std::string &wrong :
        {std::string("postgresql://tributary:") + secret + "@localhost/tributary_test",
            std::string("host=localhost dbname=tributary_test user=tributary password=") + secret,
            std::string("host=localhost user=tributary password='") + secret + "' dbname=x",
            std::string("postgresql://tributary@localhost/tributary_test?password=") + secret}) {
        const auto refused = openCatalogStore(wrong, OpenMode::ReadOnly);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::Invalid) << refused.error().toString();
        EXPECT_NE(refused.error().hint.find(".pgpass"), std::string::npos);
        std::string everything = refused.error().toString() + refused.error().where;
        for (const std::string &detail : refused.error().details)
            everything += detail;
        EXPECT_EQ(everything.find(secret), std::string::npos) << everything;
        EXPECT_EQ(everything.find("password="), std::string::npos) << everything;
    }
}

TEST_F(PostgresStoreTest, ALostConnectionIsUnavailableAndANewStoreWorks)
{
    const std::string application = "trib-lost-" + m_schema.name();
    auto store = open(OpenMode::Create, application);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->importCatalog(write("v1", testing::pgBase()), at("2024-01-01")));
    ASSERT_EQ(m_schema.value("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                             " WHERE application_name = '"
                  + application + "'"),
        "1");
    const auto lost = store->list({}, AsOf::latest());
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, ErrorCode::Unavailable) << lost.error().toString();
    EXPECT_EQ(lost.error().where, store->locator());
    EXPECT_FALSE(lost.error().hint.empty());
    EXPECT_EQ(store->fingerprint(AsOf::latest()).error().code, ErrorCode::Unavailable)
        << "and stays so";
    auto again = open(OpenMode::ReadOnly);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->list({}, AsOf::latest())->size(), 5u);
}

TEST(PostgresLocatorTest, ARefusedConnectionIsUnavailable)
{
    const auto refused = openCatalogStore(
        "postgresql://tributary:secret-pw@127.0.0.1:1/catalog", OpenMode::ReadOnly);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Unavailable) << refused.error().toString();
    EXPECT_EQ(refused.error().where, "postgresql://tributary@127.0.0.1:1/catalog");
    EXPECT_EQ(refused.error().toString().find("secret-pw"), std::string::npos);
    EXPECT_FALSE(refused.error().hint.empty());
}

TEST(PostgresLocatorTest, TellsServersFromFiles)
{
    for (const char *server : {"postgresql://db/cat", "postgres://u@db:5433/cat?sslmode=require",
             "service=team", "host=db dbname=cat", "  dbname = cat"})
        EXPECT_TRUE(isServerLocator(server)) << server;
    for (const char *file : {"catalog.sqlite", "/tmp/a=b.sqlite", "./x=1", "", "=oops"})
        EXPECT_FALSE(isServerLocator(file)) << file;
}

} // namespace
} // namespace tributary
