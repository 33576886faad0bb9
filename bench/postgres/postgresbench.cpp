// SPDX-License-Identifier: Apache-2.0
// The PostgreSQL store beside the SQLite store, in the same run and on the same catalog: the
// import (one transaction each), the same searches, and lineage (the snapshot read, the graph
// built from it, the closure of its busiest source). The server comes from
// TRIBUTARY_BENCH_POSTGRES; the catalog goes into a fresh schema that is dropped afterwards.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include <libpq-fe.h>

#include "../common/benchnames.h"
#include "tributary/format/catalogreader.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/store/catalogstore.h"

namespace {

namespace fs = std::filesystem;
using tributary::bench::Clock;
using tributary::bench::secondsSince;
using namespace tributary;

// A fresh schema on the benchmark server, dropped at the end.
class BenchSchema
{
public:
    explicit BenchSchema(std::string server)
        : m_server(std::move(server))
        , m_name("tributary_bench_" + std::to_string(getpid()))
    {
        m_connection = PQconnectdb(m_server.c_str());
        if (PQstatus(m_connection) != CONNECTION_OK) {
            m_problem = PQerrorMessage(m_connection);
            return;
        }
        PQsetNoticeProcessor(
            m_connection, [](void *, const char *) {}, nullptr);
        const std::vector<std::string> setup
            = {"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
                "DROP SCHEMA IF EXISTS " + m_name + " CASCADE", "CREATE SCHEMA " + m_name};
        for (const std::string &sql : setup) {
            PGresult *result = PQexec(m_connection, sql.c_str());
            if (PQresultStatus(result) != PGRES_COMMAND_OK)
                m_problem = PQresultErrorMessage(result);
            PQclear(result);
        }
    }
    ~BenchSchema()
    {
        if (PQstatus(m_connection) == CONNECTION_OK)
            PQclear(PQexec(m_connection, ("DROP SCHEMA IF EXISTS " + m_name + " CASCADE").c_str()));
        PQfinish(m_connection);
    }
    BenchSchema(const BenchSchema &) = delete;
    BenchSchema &operator=(const BenchSchema &) = delete;

    const std::string &problem() const { return m_problem; }
    std::string locator() const
    {
        const std::string options = "options=-csearch_path%3D" + m_name;
        if (m_server.starts_with("postgresql://") || m_server.starts_with("postgres://"))
            return m_server + (m_server.find('?') == std::string::npos ? "?" : "&") + options;
        return m_server + " options='-csearch_path=" + m_name + "'";
    }

private:
    std::string m_server, m_name, m_problem;
    PGconn *m_connection = nullptr;
};

// How many of the searches are also run without a limit, to compare every match.
constexpr std::size_t kComparedQueries = 40;

struct Figures {
    double importSeconds = 0;
    std::string fingerprint;
    std::vector<double> searchMs; // one per query run
    std::vector<std::vector<std::string>> hits;
    double snapshotSeconds = 0;
    double buildSeconds = 0;
    double closureMs = 0;
    std::size_t closureNodes = 0;
    std::string closureOf;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

// Searches a person would type: words from names (whole and as a prefix), and filters.
std::vector<SearchQuery> searchesFor(const Catalog &catalog, std::size_t count)
{
    std::vector<SearchQuery> queries;
    std::mt19937 random(42);
    for (std::size_t i = 0; i < count && !catalog.resources.empty(); ++i) {
        const std::string &name = catalog.resources[random() % catalog.resources.size()].ref.name;
        const std::string word = name.substr(0, name.find('_'));
        std::string text;
        switch (i % 4) {
        case 0: text = word; break;
        case 1: text = word.substr(0, std::max<std::size_t>(3, word.size() / 2)); break;
        case 2: text = name; break;
        default: text = "kind:feature tag:pii " + word; break;
        }
        queries.push_back(*parseSearchQuery(text));
    }
    return queries;
}

// The source with the most resources downstream, among the 200 with most edges out.
NodeId busiestSource(const LineageGraph &graph, Traversal &traversal)
{
    std::vector<std::pair<std::size_t, NodeId>> candidates;
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        if (graph.resource(node).ref.kind == ResourceKind::Source)
            candidates.emplace_back(graph.downstream(node).size(), node);
    }
    std::sort(candidates.rbegin(), candidates.rend());
    candidates.resize(std::min<std::size_t>(candidates.size(), 200));
    NodeId best = kNoId;
    std::size_t largest = 0;
    for (const auto &[degree, node] : candidates) {
        const std::size_t size = traversal.closure({node, Direction::Down, -1, {}}).size();
        if (best == kNoId || size > largest) {
            best = node;
            largest = size;
        }
    }
    return best;
}

// Imports `catalog` into the store at `locator`, then runs the searches and the lineage work.
Result<Figures> measure(const std::string &locator, const Catalog &catalog,
    const std::vector<SearchQuery> &queries, const fs::path &catalogDir)
{
    Figures figures;
    auto start = Clock::now();
    auto store = openCatalogStore(locator, OpenMode::Create);
    if (!store)
        return tl::unexpected(store.error());
    ImportOptions options;
    options.author = "bench";
    options.toolVersion = "bench";
    options.sourcePath = catalogDir.string();
    auto summary = (*store)->importCatalog(catalog, options);
    if (!summary)
        return tl::unexpected(summary.error());
    figures.importSeconds = secondsSince(start);
    figures.fingerprint = summary->record.fingerprint;

    for (int round = 0; round < 3; ++round) {
        for (const SearchQuery &query : queries) {
            start = Clock::now();
            auto hits = (*store)->search(query);
            figures.searchMs.push_back(secondsSince(start) * 1000);
            if (!hits)
                return tl::unexpected(hits.error());
        }
    }
    // Untimed: every match of the first queries, to compare what the two stores find.
    for (std::size_t i = 0; i < std::min<std::size_t>(queries.size(), kComparedQueries); ++i) {
        SearchQuery all = queries[i];
        all.limit = 1000000;
        auto hits = (*store)->search(all);
        if (!hits)
            return tl::unexpected(hits.error());
        std::vector<std::string> refs;
        for (const SearchHit &hit : *hits)
            refs.push_back(hit.summary.ref.toString());
        std::sort(refs.begin(), refs.end());
        figures.hits.push_back(std::move(refs));
    }

    figures.snapshotSeconds = 1e300;
    std::optional<LineageSnapshot> kept;
    for (int round = 0; round < 3; ++round) {
        start = Clock::now();
        auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
        if (!snapshot)
            return tl::unexpected(snapshot.error());
        figures.snapshotSeconds = std::min(figures.snapshotSeconds, secondsSince(start));
        kept = std::move(*snapshot);
    }
    start = Clock::now();
    const LineageGraph graph = LineageGraph::build(std::move(*kept));
    figures.buildSeconds = secondsSince(start);
    Traversal traversal(graph);
    const NodeId source = busiestSource(graph, traversal);
    if (source == kNoId)
        return figures;
    constexpr int kRounds = 200;
    start = Clock::now();
    for (int i = 0; i < kRounds; ++i)
        figures.closureNodes = traversal.closure({source, Direction::Both, -1, {}}).size();
    figures.closureMs = secondsSince(start) * 1000 / kRounds;
    figures.closureOf = graph.resource(source).ref.toString();
    return figures;
}

} // namespace

int main(int argc, char **argv)
{
    fs::path catalogDir;
    std::string scale;
    std::size_t searches = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--catalog-dir")
            catalogDir = argv[i + 1];
        else if (arg == "--scale")
            scale = argv[i + 1];
        else if (arg == "--searches")
            searches = std::max(1, std::atoi(argv[i + 1]));
    }
    if (catalogDir.empty()) {
        std::cerr << "usage: bench-postgres --catalog-dir DIR [--scale NAME] [--searches N]\n"
                     "  the server: TRIBUTARY_BENCH_POSTGRES (default "
                     "postgresql://tributary:tributary@localhost/tributary_test)\n";
        return 2;
    }
    if (scale.empty())
        scale = tributary::bench::scaleOf(catalogDir);
    const char *env = std::getenv("TRIBUTARY_BENCH_POSTGRES");
    BenchSchema schema(
        env && *env ? env : "postgresql://tributary:tributary@localhost/tributary_test");
    if (!schema.problem().empty()) {
        std::cerr << "bench-postgres: no PostgreSQL server to measure: " << schema.problem()
                  << "\nrun packaging/setup-test-postgres.sh or set TRIBUTARY_BENCH_POSTGRES\n";
        return 1;
    }

    auto start = Clock::now();
    const CatalogLoad load = loadCatalog(catalogDir);
    const double loadSeconds = secondsSince(start);
    if (!load.ok()) {
        std::cerr << "the generated catalog has errors\n";
        return 1;
    }
    const std::vector<SearchQuery> queries = searchesFor(load.catalog, searches);
    const fs::path sqlitePath = fs::temp_directory_path()
        / ("tributary-bench-postgres-" + std::to_string(getpid()) + ".sqlite");
    std::cerr << "importing into SQLite\n";
    auto sqlite = measure(sqlitePath.string(), load.catalog, queries, catalogDir);
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(sqlitePath.string() + suffix);
    std::cerr << "importing into PostgreSQL\n";
    auto pg = measure(schema.locator(), load.catalog, queries, catalogDir);
    if (!sqlite || !pg) {
        std::cerr << (sqlite ? pg.error() : sqlite.error()).toString() << '\n';
        return 1;
    }
    std::size_t sameHits = 0;
    for (std::size_t i = 0; i < pg->hits.size(); ++i)
        sameHits += pg->hits[i] == sqlite->hits[i];

    const std::size_t resources = load.catalog.resources.size();
    const auto rate = [&](const Figures &f) { return double(resources) / f.importSeconds; };
    const double pgP50 = percentile(pg->searchMs, 0.5),
                 sqliteP50 = percentile(sqlite->searchMs, 0.5);
    std::printf("PostgreSQL beside SQLite, scale %s (%s), %zu resources\n\n", scale.c_str(),
        catalogDir.c_str(), resources);
    std::printf("  %-36s %14s %14s %10s\n", "", "PostgreSQL", "SQLite", "PG/SQLite");
    const auto row = [](const char *what, double a, double b, const char *unit) {
        std::printf("  %-36s %11.3f %-2s %11.3f %-2s %9.2fx\n", what, a, unit, b, unit, a / b);
    };
    std::printf("  %-36s %12.3f s (once, not in the figures below)\n", "read + validate the folder",
        loadSeconds);
    row("import (one transaction)", pg->importSeconds, sqlite->importSeconds, "s");
    std::printf(
        "  %-36s %11.0f /s %11.0f /s\n", "import rate (resources)", rate(*pg), rate(*sqlite));
    row("search p50", pgP50, sqliteP50, "ms");
    row("search p99", percentile(pg->searchMs, 0.99), percentile(sqlite->searchMs, 0.99), "ms");
    row("lineage snapshot read (best of 3)", pg->snapshotSeconds, sqlite->snapshotSeconds, "s");
    row("graph build from the snapshot", pg->buildSeconds, sqlite->buildSeconds, "s");
    row("closure up+down of the busiest source", pg->closureMs, sqlite->closureMs, "ms");
    std::printf("\n  %zu searches, 3 rounds. Every match of the first %zu, without a limit: the\n"
                "  same on both for %zu (the order of the best 50 differs: ts_rank is not bm25).\n"
                "  Closure of %s: %zu and %zu nodes.\n",
        queries.size(), pg->hits.size(), sameHits, pg->closureOf.c_str(), pg->closureNodes,
        sqlite->closureNodes);
    std::printf(
        "  fingerprints %s\n\n", pg->fingerprint == sqlite->fingerprint ? "equal" : "DIFFER");
    if (pg->fingerprint != sqlite->fingerprint || pg->closureNodes != sqlite->closureNodes) {
        std::fprintf(stderr, "the two stores disagree\n");
        return 1;
    }
    const char *s = scale.c_str();
    std::printf("BENCH pg_import_s_%s %.3f s\n", s, pg->importSeconds);
    std::printf("BENCH sqlite_import_s_%s %.3f s\n", s, sqlite->importSeconds);
    std::printf("BENCH pg_to_sqlite_import_ratio_%s %.2f x\n", s,
        pg->importSeconds / sqlite->importSeconds);
    std::printf("BENCH pg_import_rate_%s %.0f resources/s\n", s, rate(*pg));
    std::printf("BENCH sqlite_import_rate_%s %.0f resources/s\n", s, rate(*sqlite));
    std::printf("BENCH pg_search_p50_%s %.3f ms\n", s, pgP50);
    std::printf("BENCH sqlite_search_p50_%s %.3f ms\n", s, sqliteP50);
    std::printf("BENCH pg_snapshot_read_%s %.3f s\n", s, pg->snapshotSeconds);
    std::printf("BENCH sqlite_snapshot_read_%s %.3f s\n", s, sqlite->snapshotSeconds);
    std::printf("BENCH pg_closure_%s %.3f ms\n", s, pg->closureMs);
    std::printf("BENCH sqlite_closure_%s %.3f ms\n", s, sqlite->closureMs);
    return 0;
}
