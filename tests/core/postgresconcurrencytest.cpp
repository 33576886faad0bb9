// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL store with several clients at once: imports queue on the advisory lock and
// each is all or nothing, readers see the last committed import while another writes, and an
// import whose process is killed half-way leaves the catalog as it was.
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/pgstorefixture.h"

namespace tributary {
namespace {

using testing::PostgresStoreTest;

constexpr const char *kOther = R"(apiVersion: tributary/v1
providers:
  - {name: lake, type: s3}
entities:
  - {name: merchant}
sources:
  - name: events
    version: v1
    provider: lake
    type: table
    owner: web
    columns:
      - {name: merchant_id, type: string}
      - {name: clicks, type: int64}
features:
  - {name: clicks_7d, version: v1, entity: merchant, source: events@v1, column: clicks}
)";

// Polls `done` until it holds; false after a minute (a hung server, not a slow one: nothing
// here measures time).
template <typename Predicate> bool eventually(Predicate done)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

// The fingerprints a SQLite store records for the same imports, as the reference.
std::vector<std::string> sqliteFingerprints(
    const std::string &path, const std::vector<std::pair<Catalog, ImportOptions>> &imports)
{
    std::vector<std::string> fingerprints;
    auto store = openCatalogStore(path, OpenMode::Create);
    for (const auto &[catalog, options] : imports) {
        auto summary = (*store)->importCatalog(catalog, options);
        fingerprints.push_back(summary ? summary->record.fingerprint : summary.error().toString());
    }
    return fingerprints;
}

TEST_F(PostgresStoreTest, ConcurrentImportsQueueAndEachIsAllOrNothing)
{
    const Catalog first = write("a", testing::pgBase()), second = write("b", kOther);
    const std::string waiter = "trib-b-" + m_schema.name();
    auto a = open(OpenMode::Create), b = open(OpenMode::ReadWrite, waiter);
    ASSERT_TRUE(a && b);

    // A holds the lock, inside its transaction with every row sent, until B is seen waiting
    // for it: then A commits and B goes on.
    std::atomic<bool> aHoldsTheLock = false, sawBWaiting = false;
    ImportOptions aOptions = at("2024-01-01T00:00:00Z", "a");
    aOptions.progress = [&](std::size_t done, std::size_t total) {
        if (done == total) {
            aHoldsTheLock = true;
            sawBWaiting = eventually([&] {
                return m_schema.value("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s"
                                      " ON s.pid = l.pid WHERE l.locktype = 'advisory'"
                                      " AND NOT l.granted AND s.application_name = '"
                           + waiter + "'")
                    == "1";
            });
        }
        return true;
    };
    const ImportOptions bOptions = at("2024-01-02T00:00:00Z", "b");
    Result<ImportSummary> aResult = fail(ErrorCode::Internal, "not run"), bResult = aResult;
    std::thread aThread([&] { aResult = a->importCatalog(first, aOptions); });
    std::thread bThread([&] {
        eventually([&] { return aHoldsTheLock.load(); });
        bResult = b->importCatalog(second, bOptions);
    });
    aThread.join();
    bThread.join();

    ASSERT_TRUE(aResult) << aResult.error().toString();
    ASSERT_TRUE(bResult) << bResult.error().toString();
    EXPECT_TRUE(sawBWaiting) << "B queued behind A's lock";
    EXPECT_EQ(aResult->record.id.value, 1);
    EXPECT_EQ(bResult->record.id.value, 2);
    EXPECT_EQ(bResult->record.counts.added, second.resources.size());
    EXPECT_EQ(bResult->record.counts.removed, 0u) << "B planned against A's committed import";

    ImportOptions aReference = aOptions;
    aReference.progress = {};
    const auto expected = sqliteFingerprints(
        (m_dir / "ref.sqlite").string(), {{first, aReference}, {second, bOptions}});
    EXPECT_EQ(*a->fingerprint(AsOf::import({1})), expected[0]);
    EXPECT_EQ(*a->fingerprint(AsOf::import({2})), expected[1]);
    EXPECT_EQ(
        a->list({}, AsOf::latest())->size(), first.resources.size() + second.resources.size());
}

TEST_F(PostgresStoreTest, ReadersSeeTheLastCommittedImportWhileAnotherWrites)
{
    const std::vector<Catalog> catalogs = history();
    auto writer = open();
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->importCatalog(catalogs[0], at("2024-01-01")));
    auto reader = open(OpenMode::ReadOnly);
    ASSERT_TRUE(reader);
    const std::string fingerprint = *reader->fingerprint(AsOf::latest());
    const std::string snapshot = testing::snapshotText(*reader->lineageSnapshot(AsOf::latest()));
    const std::size_t revisions = reader->content()->revisions.size();

    std::string seenFingerprint, seenSnapshot;
    std::size_t seenRevisions = 0, seenImports = 0;
    ImportOptions options = at("2024-02-01");
    options.progress = [&](std::size_t done, std::size_t total) {
        if (done == total) { // every row of import 2 is written, not committed
            seenFingerprint = *reader->fingerprint(AsOf::latest());
            seenSnapshot = testing::snapshotText(*reader->lineageSnapshot(AsOf::latest()));
            seenRevisions = reader->content()->revisions.size();
            seenImports = reader->imports()->size();
        }
        return true;
    };
    const auto second = writer->importCatalog(catalogs[1], options);
    ASSERT_TRUE(second) << second.error().toString();
    EXPECT_EQ(seenFingerprint, fingerprint);
    EXPECT_EQ(seenSnapshot, snapshot);
    EXPECT_EQ(seenRevisions, revisions);
    EXPECT_EQ(seenImports, 1u);
    EXPECT_EQ(*reader->fingerprint(AsOf::latest()), second->record.fingerprint)
        << "and the commit once it is made";
}

TEST_F(PostgresStoreTest, AKilledImportLeavesNothingAndTheNextOneWorks)
{
    // A catalog that takes the CLI a few seconds to write.
    const auto generated = m_dir / "generated";
    const std::string generate = std::string(TRIBUTARY_GEN_PATH) + " --resources 12000 --seed 5"
        + " --output " + generated.string() + " > /dev/null";
    ASSERT_EQ(std::system(generate.c_str()), 0) << generate;
    {
        auto store = open();
        ASSERT_TRUE(store);
        ASSERT_TRUE(store->importCatalog(write("v1", testing::pgBase()), at("2024-01-01")));
    }
    const std::string counts = m_schema.tableCounts();
    const std::string fingerprint = *open(OpenMode::ReadOnly)->fingerprint(AsOf::latest());

    const std::string application = "trib-kill-" + m_schema.name();
    const std::string locator = m_schema.locator(application);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(TRIBUTARY_CLI_PATH, TRIBUTARY_CLI_PATH, "import", generated.c_str(), "--catalog",
            locator.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    // Writing: it holds the import lock and is sending rows.
    const std::string writing = "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s"
                                " ON s.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                                " AND s.application_name = '"
        + application + "' AND s.query LIKE 'COPY%'";
    int status = 0;
    bool exited = false;
    const bool caught = eventually([&] {
        exited = waitpid(child, &status, WNOHANG) == child;
        return exited || m_schema.value(writing) == "1";
    });
    ASSERT_FALSE(exited) << "the import ended before it could be killed; make the catalog bigger";
    ASSERT_TRUE(caught) << "the import never started writing";
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status));

    // The server rolls back once it notices the connection is gone.
    EXPECT_TRUE(eventually([&] {
        return m_schema.value("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                   + application + "'")
            == "0";
    }));
    EXPECT_EQ(m_schema.tableCounts(), counts);
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(*store->fingerprint(AsOf::latest()), fingerprint);
    EXPECT_EQ(store->imports()->size(), 1u);

    const auto next = store->importCatalog(history()[1], at("2024-02-01"));
    ASSERT_TRUE(next) << next.error().toString();
    EXPECT_EQ(next->record.id.value, 2);
}

} // namespace
} // namespace tributary
