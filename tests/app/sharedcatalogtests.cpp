// SPDX-License-Identifier: Apache-2.0
// Shared catalogs in the app: connection strings without passwords, news of imports made
// elsewhere, a lost connection shown and brought back, offline copies.
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QThreadPool>

#include "../core/support/pgtestschema.h"
#include "apptestsupport.h"
#include "catalogactions.h"
#include "catalogmonitor.h"
#include "connectdialog.h"
#include "detailview.h"
#include "diagnosticsdock.h"
#include "mainwindow.h"
#include "noticebar.h"
#include "resourcelistmodel.h"
#include "sessionsecrets.h"
#include "tcprelay.h"

namespace tributary::ui {
namespace {

using testing::waitFor;

TEST(ConnectDialog, BuildsAConnectionStringWithoutAPassword)
{
    EXPECT_EQ(ConnectDialog::locatorFor({}, QStringLiteral("db.example.com"), 5433, QStringLiteral("catalog"),
                                        QStringLiteral("ana"), QStringLiteral("verify-full")),
              QStringLiteral("host=db.example.com port=5433 dbname=catalog user=ana sslmode=verify-full "
                             "connect_timeout=10"));
    EXPECT_EQ(ConnectDialog::locatorFor(QStringLiteral("team"), {}, 5432, {}, {}, QStringLiteral("prefer")),
              QStringLiteral("service=team sslmode=prefer connect_timeout=10"))
        << "a service needs no host, and no port without one";
    EXPECT_EQ(ConnectDialog::locatorFor({}, QStringLiteral("h"), 5432, QStringLiteral("my catalog"),
                                        QStringLiteral("o'neil"), QStringLiteral("require")),
              QStringLiteral("host=h port=5432 dbname='my catalog' user='o\\'neil' sslmode=require connect_timeout=10"))
        << "values quoted as libpq wants";
    EXPECT_TRUE(isServerLocator(ConnectDialog::locatorFor(QStringLiteral("team"), {}, 0, {}, {}, {}).toStdString()));
    ConnectDialog dialog;
    dialog.show();
    testing::screenshot(dialog, "connect-dialog");
}

TEST(SessionSecrets, KeepPasswordsInMemoryOnly)
{
    QStandardPaths::setTestModeEnabled(true);
    const QString locator = QStringLiteral("host=db dbname=catalog user=ana");
    EXPECT_EQ(connectionString(locator), locator.toStdString());
    rememberPassword(locator, QStringLiteral("s3 'cr3t"));
    EXPECT_EQ(connectionString(locator), "host=db dbname=catalog user=ana password='s3 \\'cr3t'");
    // What the app remembers names the catalog, never its password.
    CatalogActions::rememberPolicy(locator, QStringLiteral("/policies/pii.yaml"));
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << settings.fileName().toStdString();
    EXPECT_FALSE(file.readAll().contains("s3")) << "no password in the settings file";
    rememberPassword(locator, {});
    EXPECT_EQ(connectionString(locator), locator.toStdString());

    // A URI typed with its password: named without it, opened with it.
    const QString typed = QStringLiteral("postgresql://ana:s3cr3t@db/catalog?sslmode=require");
    const QString named = keepPasswordAside(typed);
    EXPECT_EQ(named, QStringLiteral("postgresql://ana@db/catalog?sslmode=require"));
    EXPECT_EQ(connectionString(named), typed.toStdString());
    const QString uri = QStringLiteral("postgresql://ana@db/catalog");
    rememberPassword(uri, QStringLiteral("p&w d"));
    EXPECT_EQ(connectionString(uri), "postgresql://ana@db/catalog?password=p%26w%20d");
    EXPECT_EQ(keepPasswordAside(QStringLiteral("/data/acme.sqlite")), QStringLiteral("/data/acme.sqlite"));
}

TEST(CatalogMonitor, NoticesAnImportMadeElsewhere)
{
    testing::TempDir dir;
    const std::string file = testing::sampleCatalog(dir);
    CatalogMonitor monitor;
    QSignalSpy news(&monitor, &CatalogMonitor::newImport);
    monitor.watch(QString::fromStdString(file));
    monitor.setLatest(ImportId{1});
    monitor.checkNow();
    EXPECT_FALSE(news.wait(500)) << "nothing new yet";
    {
        auto store = openCatalogStore(file, OpenMode::ReadWrite);
        ASSERT_TRUE(store);
        const auto shop = std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "tests/data/cli/catalogs/shop_v1";
        ImportOptions options;
        options.author = "ci-job";
        options.origin = "shop"; // another origin: the sample stays, the shop comes in beside it
        ASSERT_TRUE((*store)->importCatalog(tributary::testing::loadClean(shop), options));
    }
    monitor.checkNow();
    ASSERT_TRUE(news.count() == 1 || news.wait(5000));
    const auto latest = news.at(0).at(0).value<ImportRecord>();
    EXPECT_EQ(latest.id.value, 2);
    EXPECT_EQ(latest.author, "ci-job");
    monitor.checkNow();
    EXPECT_FALSE(news.wait(500)) << "told once";
    waitForBackgroundWork();
}

// A probe that fails as a dropped server does, `failures` times, then answers.
CatalogMonitor::Probe flaky(std::shared_ptr<std::atomic_int> failures)
{
    return [failures](const std::string &, std::optional<ImportId>) -> Result<std::optional<ImportRecord>> {
        if (failures->fetch_sub(1) > 0)
            return fail(ErrorCode::Unavailable, "server closed the connection unexpectedly", "host=db");
        return std::optional<ImportRecord>();
    };
}

TEST(CatalogMonitor, TriesAgainWithGrowingPausesUntilTheCatalogAnswers)
{
    CatalogMonitor monitor;
    auto failures = std::make_shared<std::atomic_int>(2);
    monitor.setProbe(flaky(failures));
    QSignalSpy lost(&monitor, &CatalogMonitor::lost);
    QSignalSpy restored(&monitor, &CatalogMonitor::restored);
    monitor.watch(QStringLiteral("host=db dbname=catalog"));
    monitor.setLatest(ImportId{3});
    monitor.connectionLost(QStringLiteral("a request found the server gone"));
    EXPECT_TRUE(monitor.isLost());
    ASSERT_EQ(lost.count(), 1);
    EXPECT_EQ(lost.at(0).at(1).toInt(), 1) << "first retry after a second";
    monitor.retryNow(); // fails again: a longer pause
    ASSERT_TRUE(waitFor([&] { return lost.count() == 2; }));
    EXPECT_EQ(lost.at(1).at(1).toInt(), 2);
    monitor.retryNow(); // fails a last time
    ASSERT_TRUE(waitFor([&] { return lost.count() == 3; }));
    EXPECT_EQ(lost.at(2).at(1).toInt(), 4);
    monitor.retryNow(); // answers
    ASSERT_TRUE(waitFor([&] { return restored.count() == 1; }));
    EXPECT_FALSE(monitor.isLost());
    EXPECT_EQ(monitor.backoffSeconds(), 1);
    waitForBackgroundWork();
}

// The connection can drop while the catalog is still being opened: the retries go on all the
// same, and the first answer is not news (the window reads the catalog again anyway).
TEST(CatalogMonitor, RetriesAConnectionLostBeforeTheCatalogWasRead)
{
    CatalogMonitor monitor;
    monitor.setProbe([](const std::string &, std::optional<ImportId>) -> Result<std::optional<ImportRecord>> {
        ImportRecord newest;
        newest.id = ImportId{7};
        return std::optional<ImportRecord>(newest);
    });
    QSignalSpy restored(&monitor, &CatalogMonitor::restored);
    QSignalSpy news(&monitor, &CatalogMonitor::newImport);
    monitor.watch(QStringLiteral("host=db dbname=catalog"));
    monitor.connectionLost(QStringLiteral("server closed the connection unexpectedly"));
    monitor.retryNow();
    ASSERT_TRUE(waitFor([&] { return restored.count() == 1; }));
    EXPECT_FALSE(monitor.isLost());
    EXPECT_EQ(news.count(), 0);
    waitForBackgroundWork();
}

TEST(MainWindow, ShowsALostConnectionAndRecovers)
{
    QStandardPaths::setTestModeEnabled(true);
    testing::TempDir dir;
    const std::string file = testing::sampleCatalog(dir);
    MainWindow window;
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 83; }));
    auto failures = std::make_shared<std::atomic_int>(1);
    window.session().monitor().setProbe(flaky(failures));
    window.session().monitor().connectionLost(QStringLiteral("server closed the connection unexpectedly"));
    NoticeBar *bar = nullptr;
    for (NoticeBar *candidate : window.findChildren<NoticeBar *>()) {
        if (candidate->isVisible())
            bar = candidate;
    }
    ASSERT_TRUE(bar) << "a strip says the catalog cannot be reached";
    EXPECT_TRUE(bar->text().contains(QStringLiteral("Cannot reach the catalog")));
    testing::screenshot(window, "connection-lost");
    window.session().monitor().retryNow(); // still down
    ASSERT_TRUE(waitFor([&] { return bar->text().contains(QStringLiteral("2 second")); })) << bar->text().toStdString();
    window.session().monitor().retryNow(); // back
    ASSERT_TRUE(waitFor([&] { return !bar->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 83; })) << "read again";
    waitForBackgroundWork();
}

// A real PostgreSQL catalog behind a relay that the test cuts and restores, as a network or a
// server restart would: the window says so, keeps what it shows, and recovers without a restart.
TEST(MainWindow, RecoversWhenTheServerComesBack)
{
    QStandardPaths::setTestModeEnabled(true);
    tributary::testing::PgTestSchema schema;
    TRIBUTARY_REQUIRE_POSTGRES(schema);
    {
        auto store = openCatalogStore(schema.locator(), OpenMode::Create);
        ASSERT_TRUE(store) << store.error().toString();
        ASSERT_TRUE((*store)->importCatalog(tributary::testing::loadClean(tributary::testing::sampleCatalogDir()), {}));
    }
    testing::TcpRelay relay(QStringLiteral("127.0.0.1"), 5432);
    ASSERT_TRUE(relay.start());
    const std::string viaRelay = tributary::testing::inSchema(
        "postgresql://tributary:tributary@127.0.0.1:" + std::to_string(relay.port()) + "/tributary_test",
        schema.name());
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.openCatalog(QString::fromStdString(viaRelay));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 83; }, 20000))
        << window.detailView().toPlainText().toStdString();
    EXPECT_FALSE(window.session().locator().contains(QStringLiteral("tributary:tributary")))
        << "the window names the catalog without its password";
    window.navigateTo({ResourceKind::Feature, "customer_age", "v1"});
    ASSERT_TRUE(waitFor([&] { return window.detailView().toPlainText().contains(QStringLiteral("customer_age")); }));
    testing::screenshot(window, "shared-catalog");

    relay.cut(); // the server is gone
    window.navigateTo({ResourceKind::Feature, "spend_30d", "v2"});
    ASSERT_TRUE(waitFor([&] { return window.session().monitor().isLost(); }, 20000)) << "the request noticed";
    EXPECT_EQ(window.listModel().totalRows(), 83) << "what was shown stays";
    ASSERT_TRUE(relay.start()); // back, on the same port
    window.session().monitor().retryNow();
    ASSERT_TRUE(waitFor([&] { return !window.session().monitor().isLost(); }, 20000));
    QSignalSpy lostAgain(&window.session().monitor(), &CatalogMonitor::lost);
    window.navigateTo({ResourceKind::Feature, "customer_age", "v1"});
    ASSERT_TRUE(waitFor([&] {
        return window.detailView().toPlainText().contains(QStringLiteral("customer_age"));
    }, 20000)) << "browsing works again, with no restart";
    // Every worker thread had a connection through the relay; none may be used again.
    window.search(QStringLiteral("customer"));
    window.navigateTo({ResourceKind::Model, "churn_model", "2"});
    window.showLineageTab(true);
    ASSERT_TRUE(waitFor([&] {
        return window.detailView().toPlainText().contains(QStringLiteral("churn_model"));
    }, 20000)) << "lost: " << window.session().monitor().isLost();
    EXPECT_TRUE(testing::drainBackgroundWork());
    EXPECT_EQ(lostAgain.count(), 0) << "no request met a connection from before the cut";
    // The catalog is read again after the reconnection; whenever that lands, the search stays.
    EXPECT_TRUE(waitFor([&] {
        return window.listModel().totalRows() > 0 && window.listModel().totalRows() < 83;
    })) << window.listModel().totalRows() << " rows: the search stays when the catalog is read again";
}

TEST(CatalogActions, WritesAnOfflineCopyOnAWorker)
{
    QStandardPaths::setTestModeEnabled(true);
    testing::TempDir dir;
    const std::string file = testing::sampleCatalog(dir);
    QWidget window;
    DiagnosticsDock dock;
    CatalogActions actions(&window, &dock);
    QSignalSpy finished(&actions, &CatalogActions::offlineCopyFinished);
    const QString copy = QString::fromStdString((dir / "copy.sqlite").string());
    actions.writeOfflineCopyTo(QString::fromStdString(file), copy);
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_EQ(finished.at(0).at(1).toString(), QString());
    auto source = openCatalogStore(file, OpenMode::ReadOnly);
    auto copied = openCatalogStore(copy.toStdString(), OpenMode::ReadOnly);
    ASSERT_TRUE(source && copied);
    EXPECT_EQ(*(*copied)->fingerprint(AsOf::latest()), *(*source)->fingerprint(AsOf::latest()));
    // A place it cannot write: the error, and nothing else.
    actions.writeOfflineCopyTo(QString::fromStdString(file), QString::fromStdString((dir / "no/such/dir/c.sqlite").string()));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 2; }));
    EXPECT_FALSE(finished.at(1).at(1).toString().isEmpty());
    waitForBackgroundWork();
}

TEST(CatalogActions, RemembersServerCatalogsThoughNoFileExists)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().setValue(QStringLiteral("catalogs/recent"),
                         QStringList{QStringLiteral("service=team"), QStringLiteral("/no/such/file.sqlite")});
    EXPECT_EQ(CatalogActions::recentCatalogs(), QStringList{QStringLiteral("service=team")});
    QSettings().remove(QStringLiteral("catalogs/recent"));
}

} // namespace
} // namespace tributary::ui
