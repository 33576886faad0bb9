// SPDX-License-Identifier: Apache-2.0
// Lineage queries on the CSR graph against a SQLite recursive CTE over the same store, in the
// same run: full up+down closure of the busiest source and of the busiest model, exposure of
// pii over the whole catalog, and the graph's build time and memory.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "../common/benchnames.h"
#include "../common/benchstore.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/catalogstore.h"

namespace {

namespace fs = std::filesystem;
using tributary::bench::Clock;
using tributary::bench::secondsSince;
using namespace tributary;

// Recursive CTEs over an id-to-id edge table, the best a SQL-only design would do. Building
// that table is timed apart.
class CteClosure
{
public:
    explicit CteClosure(const fs::path &store)
    {
        sqlite3_open_v2(store.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_exec(m_db, "PRAGMA cache_size = -262144", nullptr, nullptr, nullptr);
        const auto start = Clock::now();
        sqlite3_exec(m_db,
                     "CREATE TEMP TABLE ref_ids(ref TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;"
                     "INSERT INTO ref_ids SELECT kind || ':' || name || CASE version WHEN '' THEN '' "
                     "ELSE '@' || version END, id FROM resources;"
                     "CREATE TEMP TABLE edge_ids AS SELECT r.id AS from_id, e.to_resource AS to_id "
                     "FROM resource_edges e JOIN ref_ids r ON r.ref = e.from_ref;"
                     "CREATE INDEX temp.edge_from ON edge_ids(from_id);"
                     "CREATE INDEX temp.edge_to ON edge_ids(to_id);",
                     nullptr, nullptr, nullptr);
        m_setupSeconds = secondsSince(start);
        sqlite3_prepare_v2(m_db,
                           "WITH RECURSIVE down(id) AS (SELECT ?1 UNION SELECT e.to_id FROM down d "
                           "JOIN edge_ids e ON e.from_id = d.id), "
                           "up(id) AS (SELECT ?1 UNION SELECT e.from_id FROM up u "
                           "JOIN edge_ids e ON e.to_id = u.id) "
                           "SELECT (SELECT count(*) FROM down) + (SELECT count(*) FROM up) - 2",
                           -1, &m_query, nullptr);
    }
    ~CteClosure()
    {
        sqlite3_finalize(m_query);
        sqlite3_close(m_db);
    }

    std::int64_t closureSize(std::int64_t resourceId)
    {
        sqlite3_reset(m_query);
        sqlite3_bind_int64(m_query, 1, resourceId);
        sqlite3_step(m_query);
        return sqlite3_column_int64(m_query, 0);
    }
    std::int64_t idOf(const Ref &ref)
    {
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT id FROM temp.ref_ids WHERE ref = ?1", -1, &statement, nullptr);
        const std::string text = ref.toString();
        sqlite3_bind_text(statement, 1, text.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(statement);
        const std::int64_t id = sqlite3_column_int64(statement, 0);
        sqlite3_finalize(statement);
        return id;
    }
    double setupSeconds() const { return m_setupSeconds; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_query = nullptr;
    double m_setupSeconds = 0;
};

// The node of `kind` with the largest closure in one direction, among the 200 with most edges
// that way (closures cost microseconds, but there are tens of thousands of candidates).
NodeId busiest(const LineageGraph &graph, Traversal &traversal, ResourceKind kind, bool downstream)
{
    std::vector<std::pair<std::size_t, NodeId>> candidates;
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        if (graph.resource(node).ref.kind == kind)
            candidates.emplace_back(downstream ? graph.downstream(node).size() : graph.upstream(node).size(), node);
    }
    std::sort(candidates.rbegin(), candidates.rend());
    candidates.resize(std::min<std::size_t>(candidates.size(), 200));
    NodeId best = kNoId;
    std::size_t largest = 0;
    for (const auto &[degree, node] : candidates) {
        const std::size_t size =
            traversal.closure({node, downstream ? Direction::Down : Direction::Up, -1, {}}).size();
        if (best == kNoId || size > largest) {
            best = node;
            largest = size;
        }
    }
    return best;
}

struct Timing {
    double graphMs = 0;
    double cteMs = 0;
    std::size_t graphCount = 0;
    std::int64_t cteCount = 0;
};

Timing compare(const LineageGraph &graph, Traversal &traversal, CteClosure &cte, NodeId node, int rounds)
{
    Timing timing;
    const std::int64_t id = cte.idOf(graph.resource(node).ref);
    auto start = Clock::now();
    for (int i = 0; i < rounds; ++i)
        timing.graphCount = traversal.closure({node, Direction::Both, -1, {}}).size();
    timing.graphMs = secondsSince(start) * 1000 / rounds;
    const int cteRounds = std::max(1, rounds / 20);
    start = Clock::now();
    for (int i = 0; i < cteRounds; ++i)
        timing.cteCount = cte.closureSize(id);
    timing.cteMs = secondsSince(start) * 1000 / cteRounds;
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    fs::path catalogDir;
    std::string scale;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--catalog-dir")
            catalogDir = argv[i + 1];
        else if (arg == "--scale")
            scale = argv[i + 1];
    }
    if (catalogDir.empty()) {
        std::cerr << "usage: bench-lineage --catalog-dir DIR [--scale NAME]\n";
        return 2;
    }
    if (scale.empty())
        scale = tributary::bench::scaleOf(catalogDir);
    auto storePath = tributary::bench::storeFor(catalogDir);
    if (!storePath) {
        std::cerr << storePath.error().toString() << '\n';
        return 1;
    }
    auto store = openCatalogStore(storePath->string(), OpenMode::ReadOnly);
    if (!store) {
        std::cerr << store.error().toString() << '\n';
        return 1;
    }
    auto start = Clock::now();
    auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
    if (!snapshot) {
        std::cerr << snapshot.error().toString() << '\n';
        return 1;
    }
    const double readSeconds = secondsSince(start);
    start = Clock::now();
    const LineageGraph graph = LineageGraph::build(std::move(*snapshot));
    const double buildSeconds = secondsSince(start);
    const double megabytes = double(graph.memoryBytes()) / 1e6;

    Traversal traversal(graph);
    CteClosure cte(*storePath);
    const NodeId source = busiest(graph, traversal, ResourceKind::Source, true);
    const NodeId model = busiest(graph, traversal, ResourceKind::Model, false);
    const Timing sourceTiming = compare(graph, traversal, cte, source, 200);
    const Timing modelTiming = compare(graph, traversal, cte, model, 200);

    start = Clock::now();
    const auto exposure = propagateTags(graph, PropagationPolicy{}, {"pii"});
    const double exposureMs = secondsSince(start) * 1000;
    std::size_t models = 0;
    for (const PropagatedTag &tag : exposure)
        models += graph.resource(tag.resource).ref.kind == ResourceKind::Model && tag.column == kNoId;

    std::printf("lineage benchmark, scale %s (%s)\n\n", scale.c_str(), catalogDir.c_str());
    std::printf("  %-40s %12zu\n", "resources", graph.nodeCount());
    std::printf("  %-40s %12zu\n", "resource edges", graph.edgeCount());
    std::printf("  %-40s %12zu\n", "column nodes", graph.columnCount());
    std::printf("  %-40s %12zu\n", "column edges", graph.columnEdgeCount());
    std::printf("  %-40s %12.3f s\n", "snapshot read from SQLite", readSeconds);
    std::printf("  %-40s %12.3f s\n", "graph build", buildSeconds);
    std::printf("  %-40s %12.1f MB\n", "graph memory", megabytes);
    std::printf("  %-40s %12.3f s\n", "CTE edge table build (apart)", cte.setupSeconds());
    const auto row = [](const char *what, const std::string &ref, const Timing &t) {
        std::printf("  %-40s %s\n", what, ref.c_str());
        std::printf("    %-38s %12zu nodes, %10.3f ms\n", "graph closure up+down", t.graphCount, t.graphMs);
        std::printf("    %-38s %12lld nodes, %10.3f ms\n", "recursive CTE up+down", static_cast<long long>(t.cteCount),
                    t.cteMs);
        std::printf("    %-38s %12.1f x\n", "speed-up", t.cteMs / t.graphMs);
    };
    row("busiest source", graph.resource(source).ref.toString(), sourceTiming);
    row("busiest model", graph.resource(model).ref.toString(), modelTiming);
    std::printf("  %-40s %12.1f ms (%zu tagged places, %zu models)\n\n", "exposure of pii (no policy)", exposureMs,
                exposure.size(), models);
    if (std::int64_t(sourceTiming.graphCount) != sourceTiming.cteCount
        || std::int64_t(modelTiming.graphCount) != modelTiming.cteCount) {
        std::fprintf(stderr, "closure sizes differ between the graph and the CTE\n");
        return 1;
    }
    std::printf("BENCH closure_source_%s %.3f ms\n", scale.c_str(), sourceTiming.graphMs);
    std::printf("BENCH closure_model_%s %.3f ms\n", scale.c_str(), modelTiming.graphMs);
    std::printf("BENCH cte_source_%s %.1f ms\n", scale.c_str(), sourceTiming.cteMs);
    std::printf("BENCH cte_model_%s %.1f ms\n", scale.c_str(), modelTiming.cteMs);
    std::printf("BENCH speedup_source_vs_cte_%s %.1f x\n", scale.c_str(), sourceTiming.cteMs / sourceTiming.graphMs);
    std::printf("BENCH speedup_model_vs_cte_%s %.1f x\n", scale.c_str(), modelTiming.cteMs / modelTiming.graphMs);
    std::printf("BENCH exposure_pii_%s %.1f ms\n", scale.c_str(), exposureMs);
    std::printf("BENCH graph_build_%s %.3f s\n", scale.c_str(), readSeconds + buildSeconds);
    std::printf("BENCH graph_memory_%s %.1f MB\n", scale.c_str(), megabytes);
    return 0;
}
