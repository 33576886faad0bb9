// SPDX-License-Identifier: Apache-2.0
// Lineage answers on a generated catalog, checked against independent computations: closures
// against recursive SQL over the store, and tag evidence against the graph's own edges.
#include <sqlite3.h>

#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

class GeneratedLineageTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new testing::TempDir;
        const std::string command = std::string(TRIBUTARY_GEN_PATH) + " --scale S --seed 7 --output "
                                    + (s_dir->path() / "catalog").string() + " > /dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
        auto store = openCatalogStore((s_dir->path() / "c.sqlite").string(), OpenMode::Create);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->importCatalog(testing::loadClean(s_dir->path() / "catalog"), ImportOptions{}));
        auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
        ASSERT_TRUE(snapshot);
        s_graph = new LineageGraph(LineageGraph::build(std::move(*snapshot)));
    }
    static void TearDownTestSuite()
    {
        delete s_graph;
        delete s_dir;
    }

    static testing::TempDir *s_dir;
    static LineageGraph *s_graph;
};

testing::TempDir *GeneratedLineageTest::s_dir = nullptr;
LineageGraph *GeneratedLineageTest::s_graph = nullptr;

TEST_F(GeneratedLineageTest, ClosuresEqualRecursiveSql)
{
    ASSERT_TRUE(s_graph);
    const LineageGraph &graph = *s_graph;
    EXPECT_EQ(graph.droppedEdges(), 0u);
    sqlite3 *db = nullptr;
    sqlite3_open_v2((s_dir->path() / "c.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *down = nullptr;
    sqlite3_prepare_v2(db,
                       "WITH RECURSIVE refs(id, ref) AS (SELECT id, kind || ':' || name || '@' || version"
                       " FROM resources), down(id) AS (SELECT id FROM refs WHERE ref = ?1 UNION"
                       " SELECT e.to_resource FROM down d JOIN refs r ON r.id = d.id"
                       " JOIN resource_edges e ON e.from_ref = r.ref)"
                       " SELECT r.ref FROM down d JOIN refs r ON r.id = d.id WHERE r.ref <> ?1",
                       -1, &down, nullptr);
    ASSERT_TRUE(down);
    Traversal traversal(graph);
    std::size_t checked = 0;
    for (NodeId node = 0; node < graph.nodeCount(); node += 3) {
        const Ref &ref = graph.resource(node).ref;
        if (!isVersioned(ref.kind))
            continue;
        std::set<std::string> expected;
        sqlite3_reset(down);
        const std::string text = ref.toString();
        sqlite3_bind_text(down, 1, text.c_str(), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(down) == SQLITE_ROW)
            expected.insert(reinterpret_cast<const char *>(sqlite3_column_text(down, 0)));
        std::set<std::string> actual;
        for (const ReachedNode &reached : traversal.closure({node, Direction::Down, -1, {}}))
            actual.insert(graph.resource(reached.node).ref.toString());
        EXPECT_EQ(actual, expected) << text;
        ++checked;
    }
    sqlite3_finalize(down);
    sqlite3_close(db);
    EXPECT_GT(checked, 250u);
}

// Every hop of every evidence path is an edge of the graph, and what a tag reaches lies
// downstream of where it is written.
TEST_F(GeneratedLineageTest, TagEvidenceFollowsRealEdges)
{
    ASSERT_TRUE(s_graph);
    const LineageGraph &graph = *s_graph;
    const auto tags = propagateTags(graph, PropagationPolicy{}, {"pii"});
    ASSERT_FALSE(tags.empty());
    std::size_t models = 0;
    Traversal traversal(graph);
    for (const PropagatedTag &tag : tags) {
        ASSERT_FALSE(tag.path.empty());
        EXPECT_EQ(tag.path.back().resource, tag.resource);
        for (std::size_t i = 1; i < tag.path.size(); ++i) {
            const EvidenceHop &from = tag.path[i - 1], &to = tag.path[i];
            bool edge = false;
            if (from.column != kNoId && to.column != kNoId) {
                for (const ColumnStep &step : graph.columnDownstream(from.column))
                    edge = edge || step.column == to.column;
            } else {
                for (const LineageStep &step : graph.downstream(from.resource))
                    edge = edge || step.node == to.resource;
                edge = edge || from.resource == to.resource; // a column of the resource itself
            }
            EXPECT_TRUE(edge) << tag.tag << " hop " << i << " of the path to "
                              << graph.resource(tag.resource).ref.toString();
        }
        const NodeId origin = tag.path.front().resource;
        if (origin != tag.resource) {
            bool downstream = false;
            for (const ReachedNode &r : traversal.closure({origin, Direction::Down, -1, {}}))
                downstream = downstream || r.node == tag.resource;
            EXPECT_TRUE(downstream);
        }
        models += graph.resource(tag.resource).ref.kind == ResourceKind::Model;
    }
    EXPECT_GT(models, 0u) << "a generated catalog has pii reaching models";
}

} // namespace
} // namespace tributary
