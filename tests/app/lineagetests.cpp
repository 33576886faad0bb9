// SPDX-License-Identifier: Apache-2.0
// The lineage graph view on the sample, offscreen: what it draws, expand and fold keeping what
// was on screen in place, paths between two nodes, the tag overlay, columns, exports, saved
// views, as-of.
#include <set>

#include <QApplication>
#include <QFile>
#include <QGraphicsItem>
#include <QImage>
#include <QStandardPaths>
#include <QThreadPool>
#include <QXmlStreamReader>

#include "apptestsupport.h"
#include "lineageedgeitem.h"
#include "lineagenodeitem.h"
#include "lineagepanel.h"
#include "lineagescene.h"
#include "lineageview.h"
#include "mainwindow.h"
#include "resourcelistmodel.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary::ui {
namespace {

using testing::waitFor;

class LineageWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        m_file = testing::sampleCatalog(m_dir);
        open();
    }
    void TearDown() override { waitForBackgroundWork(); }

    void open()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        m_window->openCatalog(QString::fromStdString(m_file));
        ASSERT_TRUE(waitFor([&] { return m_window->listModel().totalRows() == 83; }));
        m_window->showLineageTab(true);
    }
    LineagePanel &panel() { return m_window->lineagePanel(); }
    LineageScene &scene() { return panel().scene(); }

    // Shows `ref` and waits for its graph to be drawn.
    bool draw(const Ref &ref)
    {
        int drawn = 0;
        const auto connection = QObject::connect(&panel(), &LineagePanel::drawn, [&] { ++drawn; });
        m_window->navigateTo(ref);
        const bool ok = waitFor([&] { return drawn > 0 && !panel().busy(); });
        QObject::disconnect(connection);
        return ok;
    }
    // Runs `action` and waits for the drawing it causes.
    bool redraw(const std::function<void()> &action)
    {
        int drawn = 0;
        const auto connection = QObject::connect(&panel(), &LineagePanel::drawn, [&] { ++drawn; });
        action();
        const bool ok = waitFor([&] { return drawn > 0 && !panel().busy(); });
        QObject::disconnect(connection);
        return ok;
    }
    NodeId id(const Ref &ref) { return *panel().graph()->find(ref); }
    std::set<std::string> shownRefs()
    {
        std::set<std::string> refs;
        for (LineageNodeItem *item : scene().nodeItems())
            refs.insert(item->node().ref.toString());
        return refs;
    }
    std::map<NodeId, QPointF> places()
    {
        std::map<NodeId, QPointF> at;
        for (LineageNodeItem *item : scene().nodeItems())
            at[item->node().node] = item->pos();
        return at;
    }

    testing::TempDir m_dir;
    std::string m_file;
    std::unique_ptr<MainWindow> m_window;
    const Ref m_feature{ResourceKind::Feature, "spend_30d", "v2"};
};

TEST_F(LineageWindow, OpensOnTheAssetWithOneHopEachWay)
{
    ASSERT_TRUE(draw(m_feature));
    const LineageGraph &graph = *panel().graph();
    const NodeId centre = id(m_feature);
    std::set<std::string> expected{m_feature.toString()};
    for (const LineageStep &step : graph.upstream(centre))
        expected.insert(graph.resource(step.node).ref.toString());
    for (const LineageStep &step : graph.downstream(centre))
        expected.insert(graph.resource(step.node).ref.toString());
    EXPECT_EQ(shownRefs(), expected);
    // Every node says how many neighbours it hides, and the count is right.
    for (LineageNodeItem *item : scene().nodeItems()) {
        const NodeId node = item->node().node;
        std::size_t up = 0, down = 0;
        for (const LineageStep &step : graph.upstream(node))
            up += !expected.count(graph.resource(step.node).ref.toString());
        for (const LineageStep &step : graph.downstream(node))
            down += !expected.count(graph.resource(step.node).ref.toString());
        EXPECT_EQ(item->node().hiddenUp, up) << item->node().ref.toString();
        EXPECT_EQ(item->node().hiddenDown, down) << item->node().ref.toString();
    }
    // Lineage runs left to right.
    for (LineageEdgeItem *edge : scene().edgeItems())
        EXPECT_LT(edge->fromItem()->pos().x(), edge->toItem()->pos().x());
    EXPECT_TRUE(panel().statusText().contains(QStringLiteral("crossing")))
        << panel().statusText().toStdString();
    testing::screenshot(*m_window, "lineage-small");
}

TEST_F(LineageWindow, ExpandsAndFoldsKeepingWhatWasOnScreenInPlace)
{
    ASSERT_TRUE(draw(m_feature));
    LineageNodeItem *hiding = nullptr;
    for (LineageNodeItem *item : scene().nodeItems()) {
        if (item->node().hiddenDown > 0 && !item->node().centreNode)
            hiding = item;
    }
    ASSERT_TRUE(hiding) << "a neighbour with hidden downstream nodes";
    const NodeId node = hiding->node().node;
    const std::size_t hidden = hiding->node().hiddenDown;
    const auto before = places();
    ASSERT_TRUE(redraw([&] { scene().requestExpand(node, Direction::Down); }));
    EXPECT_EQ(places().size(), before.size() + hidden);
    for (const auto &[shown, at] : before)
        EXPECT_EQ(places().at(shown), at) << "what was on screen stays where it was";
    EXPECT_EQ(scene().nodeItem(node)->node().hiddenDown, 0u);

    const auto expanded = places();
    ASSERT_TRUE(redraw([&] { scene().requestCollapse(node, Direction::Down); }));
    EXPECT_EQ(places().size(), before.size());
    for (const auto &[shown, at] : places())
        EXPECT_EQ(at, expanded.at(shown));
}

TEST_F(LineageWindow, HighlightsEveryPathBetweenTwoNodes)
{
    ASSERT_TRUE(draw({ResourceKind::Source, "transactions", "2024-07"}));
    ASSERT_TRUE(redraw([&] { panel().setDepth(0, -1); })) << "everything downstream";
    for (LineageNodeItem *item : scene().nodeItems())
        EXPECT_EQ(item->node().hiddenDown, 0u)
            << "all downstream is shown: " << item->node().ref.toString();
    const NodeId from = id({ResourceKind::Source, "transactions", "2024-07"});
    const NodeId to = id({ResourceKind::Model, "churn_model", "2"});
    ASSERT_TRUE(scene().nodeItem(to));
    scene().nodeItem(from)->setSelected(true);
    scene().nodeItem(to)->setSelected(true); // two selected: the paths light up
    std::size_t lit = 0;
    for (LineageNodeItem *item : scene().nodeItems())
        lit += item->mark() == LineageNodeItem::Highlighted;
    EXPECT_GE(lit, 4u) << "source, its derived table, a feature, a training set, the model";
    EXPECT_EQ(scene().nodeItem(from)->mark(), LineageNodeItem::Highlighted);
    EXPECT_TRUE(panel().statusText().contains(QStringLiteral("path")))
        << panel().statusText().toStdString();
    std::size_t litEdges = 0;
    for (LineageEdgeItem *edge : scene().edgeItems()) {
        if (edge->mark() == LineageEdgeItem::Highlighted) {
            ++litEdges;
            EXPECT_EQ(edge->fromItem()->mark(), LineageNodeItem::Highlighted);
            EXPECT_EQ(edge->toItem()->mark(), LineageNodeItem::Highlighted);
        }
    }
    EXPECT_GE(litEdges, lit - 1);
    panel().setFocusMode(true);
    std::size_t dimmed = 0;
    for (LineageNodeItem *item : scene().nodeItems())
        dimmed += item->mark() == LineageNodeItem::Dimmed;
    EXPECT_EQ(dimmed, scene().nodeItems().size() - lit) << "focus dims everything off the paths";
    testing::screenshot(*m_window, "lineage-paths");
    panel().setFocusMode(false);
    scene().clearSelection();
    for (LineageNodeItem *item : scene().nodeItems())
        EXPECT_EQ(item->mark(), LineageNodeItem::Normal);
}

TEST_F(LineageWindow, ColoursWhatATagReaches)
{
    ASSERT_TRUE(draw({ResourceKind::Source, "customers", "v1"}));
    ASSERT_TRUE(redraw([&] { panel().setDepth(0, -1); }));
    panel().setOverlay(QStringLiteral("pii"));
    ASSERT_TRUE(waitFor([&] { return panel().statusText().contains(QStringLiteral("reaches")); }));
    const LineageNodeItem *customers
        = scene().nodeItem(id({ResourceKind::Source, "customers", "v1"}));
    EXPECT_TRUE(customers->overlaid()) << "where pii is written";
    std::size_t reached = 0;
    for (LineageNodeItem *item : scene().nodeItems())
        reached += item->overlaid();
    EXPECT_GT(reached, 3u);
    testing::screenshot(*m_window, "lineage-overlay");
    panel().setOverlay(QString());
    for (LineageNodeItem *item : scene().nodeItems())
        EXPECT_FALSE(item->overlaid());
}

TEST_F(LineageWindow, ShowsColumnsAndTheirEdges)
{
    const Ref profile{ResourceKind::Source, "customer_profile", "v1"};
    ASSERT_TRUE(draw(profile));
    const NodeId node = id(profile);
    const double folded = scene().nodeItem(node)->node().height;
    ASSERT_TRUE(redraw([&] { panel().toggleColumns(node); }));
    const DrawingNode &open = scene().nodeItem(node)->node();
    EXPECT_EQ(open.columns.size(), int(panel().graph()->columnsOf(node).size()));
    EXPECT_GT(open.height, folded);
    std::size_t columnEdges = 0, masked = 0;
    for (LineageEdgeItem *edge : scene().edgeItems()) {
        if (!edge->isColumnEdge())
            continue;
        ++columnEdges;
        masked += edge->columnEdge().transform == TransformKind::Masked;
        EXPECT_TRUE(edge->columnEdge().toRow >= 0 || edge->columnEdge().fromRow >= 0);
    }
    EXPECT_GT(columnEdges, 3u);
    EXPECT_GE(masked, 1u) << "email -> email_sha256 is masked";
    testing::screenshot(*m_window, "lineage-columns");
}

TEST_F(LineageWindow, ExportsExactlyWhatIsShown)
{
    ASSERT_TRUE(draw(m_feature));
    const std::size_t shown = scene().nodeItems().size();
    const auto path
        = [&](const char *name) { return QString::fromStdString((m_dir / name).string()); };
    ASSERT_EQ(panel().exportAs(LineageExportFormat::Png, path("g.png"), 2), QString());
    const QImage image(path("g.png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), qRound(scene().sceneRect().width() * 2)) << "at the scale asked for";
    ASSERT_EQ(panel().exportAs(LineageExportFormat::Svg, path("g.svg")), QString());
    ASSERT_EQ(panel().exportAs(LineageExportFormat::Pdf, path("g.pdf")), QString());
    ASSERT_EQ(panel().exportAs(LineageExportFormat::Dot, path("g.dot")), QString());
    ASSERT_EQ(panel().exportAs(LineageExportFormat::GraphMl, path("g.graphml")), QString());
    const auto read = [&](const char *name) {
        QFile file(path(name));
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
        return file.readAll();
    };
    EXPECT_TRUE(read("g.pdf").startsWith("%PDF"));
    QXmlStreamReader svg(read("g.svg"));
    bool sawSvg = false;
    while (!svg.atEnd())
        sawSvg |= svg.readNext() == QXmlStreamReader::StartElement
            && svg.name() == QLatin1String("svg");
    EXPECT_FALSE(svg.hasError()) << svg.errorString().toStdString();
    EXPECT_TRUE(sawSvg);
    const QByteArray dot = read("g.dot");
    for (LineageNodeItem *item : scene().nodeItems())
        EXPECT_TRUE(
            dot.contains(QByteArray::fromStdString("id=\"" + item->node().ref.toString() + "\"")));
    QXmlStreamReader graphml(read("g.graphml"));
    std::size_t nodes = 0, edges = 0;
    while (!graphml.atEnd()) {
        if (graphml.readNext() != QXmlStreamReader::StartElement)
            continue;
        nodes += graphml.name() == QLatin1String("node");
        edges += graphml.name() == QLatin1String("edge");
    }
    EXPECT_FALSE(graphml.hasError()) << graphml.errorString().toStdString();
    EXPECT_EQ(nodes, shown);
    EXPECT_EQ(edges, scene().edgeItems().size());
}

TEST_F(LineageWindow, KeepsASavedViewForTheAsset)
{
    ASSERT_TRUE(draw(m_feature));
    LineageNodeItem *moved = nullptr;
    for (LineageNodeItem *item : scene().nodeItems()) {
        if (!item->node().centreNode)
            moved = item;
    }
    ASSERT_TRUE(moved);
    const QPointF pin = moved->pos() + QPointF(0, 300);
    moved->setPos(pin);
    scene().notifyMoved(moved->node().node, pin); // as a drag ends
    ASSERT_TRUE(redraw([&] { panel().setDepth(2, 2); }));
    const auto saved = places();
    EXPECT_EQ(saved.at(moved->node().node), pin) << "a pinned node stays where it was put";
    panel().saveView();
    ASSERT_TRUE(
        waitFor([&] { return panel().statusText().contains(QStringLiteral("View saved")); }));

    // A new window on the same catalog draws the asset as it was saved.
    m_window.reset();
    open();
    ASSERT_TRUE(draw(m_feature));
    EXPECT_EQ(places(), saved);
    EXPECT_TRUE(std::filesystem::exists(UserDataStore::pathBeside(m_file))) << "beside the catalog";
    // Reset forgets it.
    ASSERT_TRUE(redraw([&] { panel().forgetView(); }));
    EXPECT_LT(places().size(), saved.size());
}

// The graph follows the as-of selector: a resource removed later is drawn as it stood.
TEST(LineageAsOf, DrawsTheLineageAsItStood)
{
    QStandardPaths::setTestModeEnabled(true);
    testing::TempDir dir;
    const std::string file = (dir / "shop.sqlite").string();
    {
        auto store = openCatalogStore(file, OpenMode::Create);
        ASSERT_TRUE(store);
        const std::filesystem::path catalogs
            = std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "tests/data/cli/catalogs";
        ImportOptions first, second;
        first.at = *Timestamp::parse("2024-01-01T00:00:00Z");
        second.at = *Timestamp::parse("2024-02-01T00:00:00Z");
        ASSERT_TRUE(
            (*store)->importCatalog(tributary::testing::loadClean(catalogs / "shop_v1"), first));
        ASSERT_TRUE(
            (*store)->importCatalog(tributary::testing::loadClean(catalogs / "shop_v2"), second));
    }
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() > 0; }));
    window.showLineageTab(true);
    window.setAsOf(AsOf::import({1}));
    const Ref legacy{ResourceKind::Source, "legacy_orders", "v1"};
    window.navigateTo(legacy);
    ASSERT_TRUE(waitFor([&] {
        return !window.lineagePanel().busy() && window.lineagePanel().graph()
            && window.lineagePanel().scene().nodeItems().size() > 0;
    }));
    bool drawn = false;
    for (LineageNodeItem *item : window.lineagePanel().scene().nodeItems())
        drawn |= item->node().ref == legacy;
    EXPECT_TRUE(drawn);
    window.setAsOf(AsOf::latest());
    ASSERT_TRUE(waitFor([&] {
        return window.lineagePanel().statusText().contains(QStringLiteral("no lineage"));
    })) << "removed by import 2: "
        << window.lineagePanel().statusText().toStdString();
    waitForBackgroundWork();
}

} // namespace
} // namespace tributary::ui
