// SPDX-License-Identifier: Apache-2.0
// The dashboard on the sample catalog imported twice (the second time with one more model):
// every chart's series hold core's numbers, the as-of selector changes them, charts save as
// PNG and SVG, and a feature's statistics chart shows under its documentation.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QLineSeries>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTest>

#include "apptestsupport.h"
#include "catalogactions.h"
#include "chartpanel.h"
#include "dashboardview.h"
#include "featurestatschart.h"
#include "kindnames.h"
#include "mainwindow.h"
#include "resourcelistmodel.h"

namespace tributary::ui {
namespace {

using testing::waitFor;
using Stats = CatalogStatistics;

bool horizontal(const ChartPanel &panel)
{
    return panel.spec().shape == ChartPanel::Shape::Bars
        || panel.spec().shape == ChartPanel::Shape::StackedBars;
}

// The values of bar set `set` of a bar chart, by category from the top (horizontal bars) or the
// left.
std::vector<double> barValues(const ChartPanel &panel, int set)
{
    const auto *bars = qobject_cast<QAbstractBarSeries *>(panel.chart().series().value(0));
    std::vector<double> values;
    if (!bars || set >= int(bars->barSets().size()))
        return values;
    const QBarSet *barSet = bars->barSets()[set];
    for (int i = 0; i < barSet->count(); ++i)
        values.push_back(barSet->at(i));
    if (horizontal(panel))
        std::reverse(values.begin(), values.end()); // drawn bottom up
    return values;
}

QStringList categories(const ChartPanel &panel)
{
    for (QAbstractAxis *axis : panel.chart().axes()) {
        if (auto *categoryAxis = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList names = categoryAxis->categories();
            if (horizontal(panel))
                std::reverse(names.begin(), names.end());
            return names;
        }
    }
    return {};
}

std::vector<double> distribution(const std::map<std::size_t, std::size_t> &counts)
{
    std::vector<double> values;
    for (std::size_t n = counts.begin()->first; n <= counts.rbegin()->first; ++n)
        values.push_back(counts.contains(n) ? double(counts.at(n)) : 0.0);
    return values;
}

// Every chart of `dashboard` shows `stats`.
void expectChartsShow(const DashboardView &dashboard, const Stats &stats)
{
    using C = DashboardView;
    std::vector<double> kinds;
    QStringList kindNames;
    for (ResourceKind kind : kAllKinds) {
        kinds.push_back(double(stats.byKind.at(kind)));
        kindNames << kindListName(kind);
    }
    EXPECT_EQ(barValues(dashboard.chart(C::Kinds), 0), kinds);
    EXPECT_EQ(categories(dashboard.chart(C::Kinds)), kindNames);
    std::vector<double> stages;
    for (const auto &[stage, count] : stats.modelsByStage)
        stages.push_back(double(count));
    EXPECT_EQ(barValues(dashboard.chart(C::Stages), 0), stages);

    std::vector<double> sets, models;
    QStringList features;
    for (const Stats::FeatureReuse &feature : stats.reuse) {
        if (int(sets.size()) == C::kTop || feature.uses() == 0)
            break;
        sets.push_back(double(feature.trainingSets));
        models.push_back(double(feature.models));
        features << QString::fromStdString(feature.feature.shortString());
    }
    EXPECT_EQ(barValues(dashboard.chart(C::Reuse), 0), sets);
    EXPECT_EQ(barValues(dashboard.chart(C::Reuse), 1), models);
    EXPECT_EQ(categories(dashboard.chart(C::Reuse)), features);
    EXPECT_EQ(
        barValues(dashboard.chart(C::ReuseDistribution), 0), distribution(stats.reuseDistribution));
    EXPECT_EQ(barValues(dashboard.chart(C::Versions), 0), distribution(stats.versionsPerAsset));

    std::vector<double> exposures;
    for (const Stats::ModelExposure &model : stats.piiExposure) {
        if (int(exposures.size()) < C::kTop)
            exposures.push_back(double(model.exposures));
    }
    EXPECT_EQ(barValues(dashboard.chart(C::Exposure), 0), exposures);

    // One line per kind, one point per import: (import, resources present after it).
    const auto lines = dashboard.chart(C::Growth).chart().series();
    ASSERT_EQ(lines.size(), qsizetype(std::size(kAllKinds)));
    for (std::size_t k = 0; k < std::size(kAllKinds); ++k) {
        const auto *line = qobject_cast<QLineSeries *>(lines[qsizetype(k)]);
        ASSERT_TRUE(line);
        EXPECT_EQ(line->name(), kindListName(kAllKinds[k]));
        ASSERT_EQ(line->count(), int(stats.growth.size()));
        for (std::size_t i = 0; i < stats.growth.size(); ++i) {
            EXPECT_EQ(line->at(int(i)).x(), double(stats.growth[i].import.value));
            EXPECT_EQ(line->at(int(i)).y(), double(stats.growth[i].present.at(kAllKinds[k])));
        }
    }
}

class Dashboard : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        // Import 1: the sample. Import 2: the sample and one more model in staging.
        m_file = testing::sampleCatalog(m_dir);
        const std::filesystem::path copy = m_dir / "acme";
        std::filesystem::copy(
            tributary::testing::sampleCatalogDir(), copy, std::filesystem::copy_options::recursive);
        std::ofstream(copy / "extra.yaml")
            << "apiVersion: tributary/v1\nmodels:\n  - {name: churn_model, version: \"4\","
               " stage: staging, training_sets: [churn_training@2024-q3]}\n";
        auto store = openCatalogStore(m_file, OpenMode::ReadWrite);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->importCatalog(tributary::testing::loadClean(copy), {}));
        Diagnostics problems;
        m_policyPath = tributary::testing::sampleCatalogDir() / "policy.yaml";
        m_policy = readPropagationPolicy(m_policyPath.string(), problems);
        CatalogActions::rememberPolicy(
            QString::fromStdString(m_file), QString::fromStdString(m_policyPath.string()));

        m_window.resize(1400, 860);
        m_window.show();
        m_window.openCatalog(QString::fromStdString(m_file));
        ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 84; }))
            << m_window.listModel().totalRows();
    }
    void TearDown() override { waitForBackgroundWork(); }

    // Core's numbers at `asOf`, read here on their own.
    Stats expected(const AsOf &asOf)
    {
        auto store = openCatalogStore(m_file, OpenMode::ReadOnly);
        auto stats = readCatalogStatistics(**store, asOf, m_policy);
        EXPECT_TRUE(stats) << stats.error().toString();
        return *stats;
    }
    // Waits until the dashboard shows the numbers of `import` under the sample's policy: the
    // policy is read after the catalog opens, and numbers asked for before it are superseded.
    bool showsImport(std::int64_t import)
    {
        if (!waitFor([&] {
                return m_window.session().policyPath().endsWith(QStringLiteral("policy.yaml"));
            }))
            return false;
        return waitFor([&] {
            const Stats &shown = m_window.dashboard().statistics();
            return shown.import && shown.import->value == import
                && !m_window.dashboard().headerText().startsWith(QStringLiteral("Counting"));
        });
    }

    testing::TempDir m_dir;
    std::string m_file;
    std::filesystem::path m_policyPath;
    PropagationPolicy m_policy;
    MainWindow m_window;
};

TEST_F(Dashboard, ChartsShowCoreNumbersAndFollowTheAsOfPoint)
{
    // View > Dashboard from the keyboard: the tab comes forward with a chart focused.
    QApplication::setActiveWindow(&m_window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&m_window));
    QTest::keyClick(&m_window, Qt::Key_D, Qt::ControlModifier);
    ASSERT_TRUE(m_window.dashboard().isVisible());
    ASSERT_TRUE(showsImport(2));
    EXPECT_TRUE(m_window.dashboard().chart(DashboardView::Kinds).view().hasFocus());
    EXPECT_FALSE(m_window.dashboard().showsEmptyState());
    const Stats latest = expected(AsOf::latest());
    expectChartsShow(m_window.dashboard(), latest);
    EXPECT_TRUE(m_window.dashboard().headerText().contains(QStringLiteral("import 2")));
    for (int chart = 0; chart < DashboardView::ChartCount; ++chart) {
        const ChartPanel &panel = m_window.dashboard().chart(DashboardView::Chart(chart));
        EXPECT_TRUE(panel.showsChart()) << panel.spec().title.toStdString();
        EXPECT_FALSE(panel.chart().title().isEmpty());
        const auto actions = panel.actions();
        EXPECT_TRUE(std::any_of(actions.begin(), actions.end(), [](const QAction *a) {
            return a->shortcut() == QKeySequence::Save;
        })) << "Ctrl+S saves the focused chart";
        for (QAbstractAxis *axis : panel.chart().axes()) {
            EXPECT_FALSE(axis->titleText().isEmpty()) << panel.spec().title.toStdString();
            EXPECT_FALSE(axis->labelsTruncated()) << panel.spec().title.toStdString();
        }
    }
    testing::screenshot(m_window, "dashboard");
    testing::screenshot(m_window.dashboard(), "dashboard-tab");
    // Every chart at once, as the scroll area holds them.
    if (auto *area = m_window.dashboard().findChild<QScrollArea *>())
        testing::screenshot(*area->widget(), "dashboard-charts");

    m_window.setAsOf(AsOf::import({1}));
    ASSERT_TRUE(showsImport(1));
    const Stats first = expected(AsOf::import({1}));
    expectChartsShow(m_window.dashboard(), first);
    EXPECT_NE(first.byKind.at(ResourceKind::Model), latest.byKind.at(ResourceKind::Model));
    EXPECT_EQ(first.growth.size(), 1u);
    EXPECT_TRUE(m_window.dashboard().headerText().contains(QStringLiteral("import 1")));

    // Hidden, the dashboard waits; shown again, it catches up with the as-of point.
    m_window.showLineageTab(false);
    m_window.setAsOf(AsOf::latest());
    ASSERT_TRUE(testing::drainBackgroundWork());
    EXPECT_EQ(m_window.dashboard().statistics().import->value, 1) << "not asked while hidden";
    m_window.showDashboard();
    ASSERT_TRUE(showsImport(2));
    expectChartsShow(m_window.dashboard(), latest);
}

TEST_F(Dashboard, SavesChartsAsPngAndSvg)
{
    m_window.showDashboard();
    ASSERT_TRUE(showsImport(2));
    ChartPanel &chart = m_window.dashboard().chart(DashboardView::Reuse);
    QSignalSpy saved(&m_window.dashboard(), &DashboardView::chartSaved);
    const QString png = QString::fromStdString((m_dir / "reuse.png").string());
    const QString svg = QString::fromStdString((m_dir / "reuse.svg").string());
    QSize size = chart.view().size(); // as drawn when saved
    chart.saveTo(png);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 1; }));
    EXPECT_EQ(saved[0][0].toString(), png);
    EXPECT_EQ(saved[0][1].toString(), QString());
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), size);
    EXPECT_GT(size.width(), 300);

    size = chart.view().size();
    chart.saveTo(svg);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 2; }));
    EXPECT_EQ(saved[1][1].toString(), QString());
    QSvgRenderer renderer(svg);
    ASSERT_TRUE(renderer.isValid());
    EXPECT_EQ(renderer.viewBox().size(), size);
    QFile text(svg);
    ASSERT_TRUE(text.open(QIODevice::ReadOnly));
    EXPECT_TRUE(text.readAll().contains("Most reused features")) << "the title is in the SVG";

    chart.saveTo(QString::fromStdString((m_dir / "reuse.jpeg").string()));
    ASSERT_EQ(saved.count(), 3);
    EXPECT_TRUE(saved[2][1].toString().contains(QStringLiteral(".png or .svg")));
    const QString missing = QString::fromStdString((m_dir / "no/such/folder/x.png").string());
    chart.saveTo(missing);
    ASSERT_TRUE(waitFor([&] { return saved.count() == 4; }));
    EXPECT_TRUE(saved[3][1].toString().contains(missing)) << "the error says where";
    EXPECT_FALSE(std::filesystem::exists(m_dir / "no")) << "nothing half written";
}

TEST_F(Dashboard, ShowsAFeatureHistogramOnlyWhereThereAreStats)
{
    const Ref withStats{ResourceKind::Feature, "customer_age", "v1"};
    const Ref without{ResourceKind::Feature, "loyalty_tier", "v1"};
    FeatureStatsChart &stats = m_window.featureStatsChart();
    m_window.navigateTo(withStats);
    ASSERT_TRUE(waitFor([&] { return stats.hasStatistics() && stats.isVisible(); }));
    auto store = openCatalogStore(m_file, OpenMode::ReadOnly);
    const FeatureStats expectedStats
        = *(*store)->get(withStats, AsOf::latest())->resource.as<FeatureSpec>()->stats;
    std::vector<double> buckets;
    QStringList names;
    for (const HistogramBucket &bucket : expectedStats.histogram) {
        buckets.push_back(bucket.count);
        names << QString::fromStdString(bucket.bucket);
    }
    EXPECT_EQ(barValues(stats.chart(), 0), buckets);
    EXPECT_EQ(categories(stats.chart()), names);
    EXPECT_TRUE(stats.chart().chart().title().contains(QStringLiteral("customer_age@v1")));
    EXPECT_EQ(stats.summaryText(), statisticsSummary(expectedStats));
    EXPECT_TRUE(stats.summaryText().contains(QStringLiteral("mean 38.4")));
    testing::screenshot(m_window, "feature-stats");

    m_window.navigateTo(without);
    ASSERT_TRUE(waitFor([&] { return !stats.hasStatistics(); }));
    EXPECT_FALSE(stats.isVisible());
    m_window.navigateTo({ResourceKind::Model, "churn_model", "2"});
    m_window.navigateTo(withStats);
    ASSERT_TRUE(waitFor([&] { return stats.isVisible(); }));
}

TEST(DashboardEmpty, AnEmptyCatalogSaysSoInsteadOfDrawing)
{
    testing::TempDir dir;
    const std::string file = (dir / "empty.sqlite").string();
    ASSERT_TRUE(openCatalogStore(file, OpenMode::Create));
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    window.showDashboard();
    ASSERT_TRUE(waitFor(
        [&] { return window.dashboard().headerText().contains(QStringLiteral("no imports")); }));
    EXPECT_TRUE(window.dashboard().showsEmptyState());
    testing::screenshot(window.dashboard(), "dashboard-empty");
    waitForBackgroundWork();
}

TEST(StatsTableModel, PassesTheModelTester)
{
    StatsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTable({QStringLiteral("Kind"), {QStringLiteral("A"), QStringLiteral("B")},
        {{QStringLiteral("x"), {1, 2}}, {QStringLiteral("y"), {3}}}});
    EXPECT_EQ(model.columnCount(), 3);
    EXPECT_EQ(model.valueAt(1, 1), 0) << "short rows are padded";
    EXPECT_EQ(model.data(model.index(1, 1)).toDouble(), 3);
    EXPECT_EQ(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("B"));
    EXPECT_FALSE(model.isBlank());
    model.setTable({});
    EXPECT_TRUE(model.isBlank());
}

} // namespace
} // namespace tributary::ui
