// SPDX-License-Identifier: Apache-2.0
// The desktop app's models and window, driven for real, offscreen.
#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTextDocument>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>

#include <functional>

#include <gtest/gtest.h>

#include "../core/support/tempcatalog.h"
#include "assetaddress.h"
#include "catalogactions.h"
#include "compliancepanel.h"
#include "reportexport.h"
#include "reportmodel.h"
#include "diagnosticsdock.h"
#include "diffview.h"
#include "detailview.h"
#include "mainwindow.h"
#include "navigationhistory.h"
#include "navigatormodel.h"
#include "resourcelistmodel.h"

namespace tributary::ui {
namespace {

// Lets queued results arrive until `done` holds or the time runs out.
bool waitFor(const std::function<bool()> &done, int milliseconds = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

ResourceSummary summary(ResourceKind kind, const char *name, const char *version)
{
    return {{kind, name, version}, "owner", {"pii:direct"}, ResourceStatus::Active, std::nullopt, "docs"};
}

TEST(ResourceListModel, PassesTheModelTester)
{
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows({summary(ResourceKind::Feature, "a", "v1"), summary(ResourceKind::Model, "m", "2")});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.data(model.index(1, ResourceListModel::RefColumn)).toString(), QStringLiteral("m@2"));
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::TagsColumn)).toString(), QStringLiteral("pii:direct"));
    EXPECT_EQ(model.data(model.index(1, 0), ResourceListModel::RefRole).toString(), QStringLiteral("tributary://model/m@2"));
    model.setRows({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(NavigatorModel, CountsKindsStagesTagsAndOwners)
{
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ResourceSummary production = summary(ResourceKind::Model, "m", "1");
    production.stage = ModelStage::Production;
    production.owner = "ml-team";
    model.setCounts({summary(ResourceKind::Feature, "a", "v1"), summary(ResourceKind::Feature, "b", "v1"), production});
    const auto find = [&](const QString &label) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row)).toString().startsWith(label))
                return model.index(row);
        }
        return QModelIndex();
    };
    EXPECT_TRUE(model.data(model.index(0)).toString().endsWith(QStringLiteral("(3)")));
    const QModelIndex features = find(QStringLiteral("Features"));
    ASSERT_TRUE(features.isValid());
    EXPECT_TRUE(model.data(features).toString().endsWith(QStringLiteral("(2)")));
    EXPECT_EQ(model.filterAt(features).kind, ResourceKind::Feature);
    const QModelIndex stage = find(QStringLiteral("production"));
    ASSERT_TRUE(stage.isValid());
    EXPECT_EQ(model.filterAt(stage).stage, ModelStage::Production);
    const QModelIndex tag = find(QStringLiteral("pii:direct"));
    ASSERT_TRUE(tag.isValid());
    EXPECT_EQ(model.data(tag).toString(), QStringLiteral("pii:direct")) << "no count: columns' tags match too";
    EXPECT_EQ(model.filterAt(tag).tag, "pii:direct");
    const QModelIndex owner = find(QStringLiteral("ml-team"));
    ASSERT_TRUE(owner.isValid());
    EXPECT_EQ(model.filterAt(owner).owner, "ml-team");
    const QModelIndex heading = find(QStringLiteral("Tags"));
    ASSERT_TRUE(heading.isValid());
    EXPECT_FALSE(model.flags(heading) & Qt::ItemIsSelectable) << "headings are not filters";
    EXPECT_FALSE(model.filterAt(model.index(0)).kind);
}

TEST(AssetAddress, RoundTripsEveryKind)
{
    for (const Ref &ref : {Ref{ResourceKind::Feature, "avg_spend", "v2"}, Ref{ResourceKind::TrainingSet, "t", "2024-q1"},
                           Ref{ResourceKind::Provider, "warehouse", ""}}) {
        const QUrl url = addressOf(ref);
        EXPECT_EQ(refFromAddress(url), ref) << url.toString().toStdString();
        EXPECT_EQ(refFromText(url.toString()), ref);
    }
    EXPECT_EQ(addressOf({ResourceKind::Feature, "avg_spend", "v2"}).toString(), QStringLiteral("tributary://feature/avg_spend@v2"));
    EXPECT_EQ(refFromText(QStringLiteral("model:churn@3")), (Ref{ResourceKind::Model, "churn", "3"}));
    EXPECT_FALSE(refFromText(QStringLiteral("churn@3"))); // which kind? the window searches instead
    EXPECT_FALSE(refFromAddress(QUrl(QStringLiteral("https://example.com/feature/x@v1"))));
}

TEST(NavigationHistory, WorksLikeABrowser)
{
    NavigationHistory history;
    const Ref a{ResourceKind::Feature, "a", "v1"}, b{ResourceKind::Feature, "b", "v1"}, c{ResourceKind::Feature, "c", "v1"};
    EXPECT_FALSE(history.canGoBack());
    history.visit(a);
    history.visit(b);
    history.visit(c);
    EXPECT_EQ(history.back(), b);
    EXPECT_EQ(history.back(), a);
    EXPECT_FALSE(history.back());
    EXPECT_EQ(history.forward(), b);
    history.visit(a); // drops c
    EXPECT_FALSE(history.canGoForward());
    EXPECT_EQ(history.back(), b);
}

TEST(DetailView, TurnsCatalogLinksIntoAddresses)
{
    EXPECT_EQ(linkedMarkdown("See [[feature:a@v1]] and [[bad name]]."),
              QStringLiteral("See [feature:a@v1](tributary://feature/a@v1) and [[bad name]]."));
}

// The window on the sample catalog: browse, search, follow a link, go back and forward.
TEST(MainWindow, BrowsesSearchesAndNavigatesTheSample)
{
    testing::TempDir dir;
    const std::string file = (dir / "acme.sqlite").string();
    {
        auto store = openCatalogStore(file, OpenMode::Create);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->importCatalog(testing::loadClean(testing::sampleCatalogDir()), ImportOptions{}));
    }
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() == 83; })) << window.listModel().rowCount();

    window.search(QStringLiteral("spend kind:feature"));
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() > 0 && window.listModel().rowCount() < 83; }));
    for (int row = 0; row < window.listModel().rowCount(); ++row)
        EXPECT_EQ(window.listModel().summaryAt(window.listModel().index(row, 0)).ref.kind, ResourceKind::Feature);

    const Ref feature{ResourceKind::Feature, "spend_30d", "v2"};
    window.navigateTo(feature);
    const auto showing = [&](const char *text) {
        return window.detailView().toPlainText().contains(QString::fromUtf8(text));
    };
    ASSERT_TRUE(waitFor([&] { return showing("feature:spend_30d@v2") && showing("Used by"); }));
    EXPECT_TRUE(showing("Depends on"));
    EXPECT_TRUE(showing("Versions"));
    QDir(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR)).mkpath(QStringLiteral("."));
    window.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/feature.png"));

    // Follow a link in the docs, as a click would.
    Q_EMIT window.detailView().assetRequested(QUrl(QStringLiteral("tributary://source/customer_spend@v2")));
    ASSERT_TRUE(waitFor([&] { return showing("source:customer_spend@v2") && showing("Columns"); }));
    window.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/source.png"));
    window.goBack();
    ASSERT_TRUE(waitFor([&] { return showing("feature:spend_30d@v2"); }));
    EXPECT_TRUE(window.history().canGoForward());
    window.goForward();
    ASSERT_TRUE(waitFor([&] { return showing("source:customer_spend@v2"); }));
    QTest::mouseClick(window.detailView().viewport(), Qt::BackButton); // the mouse's back button
    ASSERT_TRUE(waitFor([&] { return showing("feature:spend_30d@v2") && !showing("Columns"); }));
    window.goForward();
    ASSERT_TRUE(waitFor([&] { return showing("source:customer_spend@v2"); }));

    // Propagated tags: a column derived from a personal-data column carries its tag, and says how.
    window.navigateTo({ResourceKind::Source, "customer_profile", "v1"});
    ASSERT_TRUE(waitFor([&] { return showing("source:customer_profile@v1") && showing("Propagated tags"); }));
    EXPECT_TRUE(showing("source:customers@v1#date_of_birth -[transformed]-> source:customer_profile@v1#age_years"));
    window.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/propagated.png"));
    window.navigateTo({ResourceKind::Feature, "customer_age", "v1"});
    ASSERT_TRUE(waitFor([&] { return showing("feature:customer_age@v1") && showing("on the whole resource"); }));
    window.navigateTo(feature);
    ASSERT_TRUE(waitFor([&] { return showing("feature:spend_30d@v2"); }));

    // History and versions: compare two versions side by side, as the "compare" link does.
    EXPECT_TRUE(showing("History"));
    Q_EMIT window.detailView().compareRequested(feature, {ResourceKind::Feature, "spend_30d", "v3"});
    ASSERT_TRUE(waitFor([&] { return window.diffView().toPlainText().contains(QStringLiteral("spend_30d_net")); }));
    EXPECT_TRUE(window.diffView().toPlainText().contains(QStringLiteral("feature:spend_30d@v2")));
    window.diffView().grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/diff.png"));

    // Compliance: which models did the feature reach, with evidence; exports carry the stamps.
    window.navigateTo(feature);
    ASSERT_TRUE(waitFor([&] { return showing("feature:spend_30d@v2"); }));
    window.compliancePanel().run();
    ReportModel &report = window.compliancePanel().model();
    ASSERT_TRUE(waitFor([&] { return report.rowCount() > 0; }));
    for (int row = 0; row < report.rowCount(); ++row) {
        EXPECT_TRUE(report.data(report.index(row, ReportModel::RefColumn)).toString().startsWith(QStringLiteral("model:")));
        EXPECT_GE(report.rowCount(report.index(row, 0)), 1) << "every fact has an evidence path";
    }
    const std::string fingerprint = report.report().fingerprint;
    ASSERT_EQ(fingerprint.size(), 64u);
    window.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/compliance.png"));
    for (auto [format, name] : {std::pair{ExportFormat::Csv, "trace.csv"}, {ExportFormat::Html, "trace.html"},
                                {ExportFormat::Pdf, "trace.pdf"}}) {
        const QString path = QString::fromStdString((dir / name).string());
        EXPECT_TRUE(exportReport(report.report(), format, path).isEmpty()) << name;
        QFile exported(path);
        ASSERT_TRUE(exported.open(QIODevice::ReadOnly)) << name;
        const QByteArray bytes = exported.readAll();
        if (format == ExportFormat::Pdf)
            EXPECT_TRUE(bytes.startsWith("%PDF")) << "a PDF";
        else
            EXPECT_TRUE(bytes.contains(QByteArray::fromStdString(fingerprint))) << name;
    }
    QThreadPool::globalInstance()->waitForDone(); // workers close their connections first
}

// Opens a catalog with a replayed history and switches the whole window to an earlier import.
TEST(MainWindow, AsOfShowsTheCatalogAsItStood)
{
    testing::TempDir dir;
    const std::string file = (dir / "shop.sqlite").string();
    {
        auto store = openCatalogStore(file, OpenMode::Create);
        ASSERT_TRUE(store);
        const std::filesystem::path catalogs = std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "tests/data/cli/catalogs";
        ImportOptions first;
        first.at = *Timestamp::parse("2024-01-01T00:00:00Z");
        ASSERT_TRUE((*store)->importCatalog(testing::loadClean(catalogs / "shop_v1"), first));
        ImportOptions second;
        second.at = *Timestamp::parse("2024-02-01T00:00:00Z");
        ASSERT_TRUE((*store)->importCatalog(testing::loadClean(catalogs / "shop_v2"), second));
    }
    const auto latest = (*openCatalogStore(file, OpenMode::ReadOnly))->list({}, AsOf::latest())->size();
    const auto early = (*openCatalogStore(file, OpenMode::ReadOnly))->list({}, AsOf::import({1}))->size();
    ASSERT_NE(latest, early);
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() == int(latest); }));
    window.setAsOf(AsOf::import({1}));
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() == int(early); }));
    // legacy_orders@v1 was removed by import 2: it shows as of import 1.
    window.navigateTo({ResourceKind::Source, "legacy_orders", "v1"});
    ASSERT_TRUE(waitFor([&] { return window.detailView().toPlainText().contains(QStringLiteral("legacy_orders@v1")); }));
    QDir(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR)).mkpath(QStringLiteral("."));
    window.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/as-of.png"));
    window.setAsOf(AsOf::latest());
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() == int(latest); }));
    QThreadPool::globalInstance()->waitForDone();
}

// Importing a broken folder lists its problems with places; a good one opens.
TEST(MainWindow, ImportsFoldersAndListsProblems)
{
    QStandardPaths::setTestModeEnabled(true); // recent catalogs go to a test location
    testing::TempDir dir;
    MainWindow window;
    window.show();
    const QString broken = QStringLiteral(TRIBUTARY_SOURCE_DIR "/tests/data/diagnostics/several_mistakes_in_several_files/catalog");
    QSignalSpy finished(&window.catalogActions(), &CatalogActions::importFinished);
    window.catalogActions().importFolder(broken, QString::fromStdString((dir / "broken.sqlite").string()));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_GE(window.diagnosticsDock().model().rowCount(), 7);
    EXPECT_FALSE(std::filesystem::exists(dir / "broken.sqlite")) << "bad input creates no catalog";
    const QString first = window.diagnosticsDock().model().data(window.diagnosticsDock().model().index(0)).toString();
    EXPECT_TRUE(first.contains(QStringLiteral(".yaml:"))) << first.toStdString();
    window.diagnosticsDock().showSource(window.diagnosticsDock().model().diagnosticAt(window.diagnosticsDock().model().index(0)));
    EXPECT_FALSE(window.diagnosticsDock().sourceView().textCursor().selectedText().isEmpty());

    window.catalogActions().importFolder(QString::fromStdString(testing::sampleCatalogDir().string()),
                                         QString::fromStdString((dir / "acme.sqlite").string()));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 2; }));
    EXPECT_TRUE(finished.at(1).at(0).toBool());
    ASSERT_TRUE(waitFor([&] { return window.listModel().rowCount() == 83; }));
    EXPECT_EQ(CatalogActions::recentCatalogs().value(0), QString::fromStdString((dir / "acme.sqlite").string()));
    QThreadPool::globalInstance()->waitForDone();
}

} // namespace
} // namespace tributary::ui
