// SPDX-License-Identifier: Apache-2.0
// The main window on real catalogs, driven as a person would, offscreen: browse, search,
// navigate, compare versions, trace for compliance and export, as-of, keyboard.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>

#include "apptestsupport.h"
#include "assetaddress.h"
#include "breadcrumbbar.h"
#include "catalogactions.h"
#include "compliancepanel.h"
#include "detailview.h"
#include "diagnosticsdock.h"
#include "diffview.h"
#include "importjob.h"
#include "mainwindow.h"
#include "reportexport.h"
#include "reportmodel.h"
#include "resourcelistmodel.h"

namespace tributary::ui {
namespace {

using testing::waitFor;

// A window on a fresh copy of the sample, its list filled.
class SampleWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // settings and recent catalogs go to a test place
        m_file = testing::sampleCatalog(m_dir);
        m_window.resize(1400, 860);
        m_window.show();
        m_window.openCatalog(QString::fromStdString(m_file));
        ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 83; }))
            << m_window.listModel().totalRows();
    }
    void TearDown() override
    {
        waitForBackgroundWork();
    } // workers close connections first

    bool showing(const char *text)
    {
        return m_window.detailView().toPlainText().contains(QString::fromUtf8(text));
    }
    bool open(const Ref &ref, const char *text)
    {
        m_window.navigateTo(ref);
        return waitFor([&] { return showing(text); });
    }

    testing::TempDir m_dir;
    std::string m_file;
    MainWindow m_window;
    const Ref m_feature{ResourceKind::Feature, "spend_30d", "v2"};
};

TEST_F(SampleWindow, BrowsesSearchesAndNavigates)
{
    m_window.search(QStringLiteral("spend kind:feature"));
    ASSERT_TRUE(waitFor([&] {
        return m_window.listModel().rowCount() > 0 && m_window.listModel().totalRows() < 83;
    }));
    for (int row = 0; row < m_window.listModel().rowCount(); ++row)
        EXPECT_EQ(m_window.listModel().summaryAt(m_window.listModel().index(row, 0)).ref.kind,
            ResourceKind::Feature);

    ASSERT_TRUE(open(m_feature, "Used by"));
    EXPECT_TRUE(showing("spend_30d@v2"));
    EXPECT_TRUE(showing("Depends on"));
    EXPECT_TRUE(showing("Versions"));
    EXPECT_TRUE(showing("Models it feeds")) << "a data scientist sees which models use the feature";
    EXPECT_TRUE(showing("model:churn_model@2"));
    EXPECT_EQ(m_window.breadcrumb().text(), QStringLiteral("Catalog › Features › spend_30d › v2"));
    testing::screenshot(m_window, "feature");

    // Follow a link in the docs, as a click would.
    Q_EMIT m_window.detailView().assetRequested(
        QUrl(QStringLiteral("tributary://source/customer_spend@v2")));
    ASSERT_TRUE(waitFor([&] { return showing("customer_spend@v2") && showing("Columns"); }));
    EXPECT_TRUE(showing("SELECT")) << "the definition";
    testing::screenshot(m_window, "source");
    m_window.goBack();
    ASSERT_TRUE(waitFor([&] { return showing("spend_30d@v2"); }));
    EXPECT_TRUE(m_window.history().canGoForward());
    m_window.goForward();
    ASSERT_TRUE(waitFor([&] { return showing("customer_spend@v2"); }));
    QTest::mouseClick(m_window.detailView().viewport(), Qt::BackButton); // the mouse's back button
    ASSERT_TRUE(waitFor([&] { return showing("spend_30d@v2") && !showing("Columns"); }));

    // The breadcrumb's name lists every version of it; its kind lists the kind.
    const auto parts = m_window.breadcrumb().findChildren<QToolButton *>();
    ASSERT_EQ(parts.size(), 4);
    parts[2]->click();
    ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 3; }))
        << m_window.listModel().totalRows();
    for (int row = 0; row < 3; ++row)
        EXPECT_EQ(m_window.listModel().summaryAt(m_window.listModel().index(row, 0)).ref.name,
            "spend_30d");
    m_window.breadcrumb().findChildren<QToolButton *>()[1]->click();
    ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 41; })) << "every feature";
}

TEST_F(SampleWindow, WorksFromTheKeyboard)
{
    QApplication::setActiveWindow(&m_window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&m_window));
    QTest::keyClick(&m_window, Qt::Key_K, Qt::ControlModifier);
    ASSERT_TRUE(m_window.searchField().hasFocus()) << "Ctrl+K goes to the search field";
    QTest::keyClicks(&m_window.searchField(), QStringLiteral("churn kind:model"));
    ASSERT_TRUE(waitFor([&] {
        return m_window.listModel().totalRows() > 0 && m_window.listModel().totalRows() < 83;
    }));
    QTest::keyClick(&m_window.searchField(), Qt::Key_Down);
    EXPECT_TRUE(m_window.listView().hasFocus()) << "Down goes to the results";
    ASSERT_TRUE(waitFor([&] { return showing("model:") || showing("MODEL"); }))
        << "and opens the first";
    const Ref first = *m_window.history().current();
    EXPECT_EQ(first.kind, ResourceKind::Model);
    QTest::keyClick(&m_window.listView(), Qt::Key_Down);
    ASSERT_TRUE(waitFor([&] { return m_window.history().current() != first; }))
        << "arrows walk the list";
    QTest::keyClick(&m_window, Qt::Key_Left, Qt::AltModifier);
    ASSERT_TRUE(waitFor([&] { return m_window.history().current() == first; }))
        << "Alt+Left goes back";

    QTest::keyClick(&m_window, Qt::Key_L, Qt::ControlModifier);
    QLineEdit *address = &m_window.addressField();
    ASSERT_TRUE(address && address->hasFocus()) << "Ctrl+L edits the address";
    address->setText(QStringLiteral("tributary://feature/spend_30d@v2"));
    QTest::keyClick(address, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return showing("spend_30d@v2"); })) << "a pasted address opens";
    QTest::keyClick(&m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(
        QApplication::clipboard()->text(), QStringLiteral("tributary://feature/spend_30d@v2"));

    QTest::keyClick(&m_window, Qt::Key_K, Qt::ControlModifier);
    QTest::keyClick(&m_window.searchField(), Qt::Key_Escape);
    EXPECT_TRUE(m_window.searchField().text().isEmpty());
    ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 83; }))
        << "Escape lists everything again";
}

TEST_F(SampleWindow, ComparesAnyTwoVersions)
{
    ASSERT_TRUE(open(m_feature, "Versions"));
    Q_EMIT m_window.detailView().compareRequested(
        m_feature, {ResourceKind::Feature, "spend_30d", "v3"});
    ASSERT_TRUE(waitFor([&] {
        return m_window.diffView().toPlainText().contains(QStringLiteral("spend_30d_net"));
    }));
    EXPECT_TRUE(m_window.diffView().toPlainText().contains(QStringLiteral("feature:spend_30d@v2")));
    testing::screenshot(m_window.diffView(), "diff");
    // Either side can be any version of the name.
    QComboBox &before = m_window.diffView().beforeChooser();
    ASSERT_EQ(before.count(), 3);
    const int v1 = before.findText(QStringLiteral("feature:spend_30d@v1"));
    ASSERT_GE(v1, 0);
    before.setCurrentIndex(v1);
    Q_EMIT before.activated(v1);
    ASSERT_TRUE(waitFor([&] {
        return m_window.diffView().toPlainText().contains(
            QStringLiteral("feature:spend_30d@v1 → feature:spend_30d@v3"));
    })) << m_window.diffView().toPlainText().left(200).toStdString();
}

TEST_F(SampleWindow, TracesForComplianceAndExportsWithTheStamps)
{
    ASSERT_TRUE(open(m_feature, "spend_30d@v2"));
    m_window.compliancePanel().run();
    ReportModel &report = m_window.compliancePanel().model();
    ASSERT_TRUE(waitFor([&] { return report.rowCount() > 0; }));
    for (int row = 0; row < report.rowCount(); ++row) {
        EXPECT_TRUE(report.data(report.index(row, ReportModel::RefColumn))
                        .toString()
                        .startsWith(QStringLiteral("model:")));
        EXPECT_GE(report.rowCount(report.index(row, 0)), 1) << "every fact has an evidence path";
    }
    const std::string fingerprint = report.report().fingerprint;
    ASSERT_EQ(fingerprint.size(), 64u);
    testing::screenshot(m_window, "compliance");
    for (auto [format, name] : {std::pair{ExportFormat::Csv, "trace.csv"},
             {ExportFormat::Html, "trace.html"}, {ExportFormat::Pdf, "trace.pdf"}}) {
        const QString path = QString::fromStdString((m_dir / name).string());
        EXPECT_TRUE(exportReport(report.report(), format, path).isEmpty()) << name;
        QFile exported(path);
        ASSERT_TRUE(exported.open(QIODevice::ReadOnly)) << name;
        const QByteArray bytes = exported.readAll();
        if (format == ExportFormat::Pdf)
            EXPECT_TRUE(bytes.startsWith("%PDF")) << "a PDF";
        else
            EXPECT_TRUE(bytes.contains(QByteArray::fromStdString(fingerprint))) << name;
    }

    // The PDF's text, read back as a reader would see it: title, stamps, every model reached.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: the PDF's text is not checked";
    QProcess process;
    process.start(
        pdftotext, {QString::fromStdString((m_dir / "trace.pdf").string()), QStringLiteral("-")});
    ASSERT_TRUE(process.waitForFinished(30000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    EXPECT_TRUE(text.contains(QStringLiteral("spend_30d@v2"))) << text.left(400).toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(fingerprint.substr(0, 16))))
        << "the fingerprint\n"
        << text.toStdString();
    for (const ReportFact &result : report.report().results)
        EXPECT_TRUE(text.contains(QString::fromStdString(result.ref.toString())))
            << result.ref.toString();
    QProcess info;
    info.start(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")),
        {QString::fromStdString((m_dir / "trace.pdf").string())});
    ASSERT_TRUE(info.waitForFinished(30000));
    const QString pages = QString::fromUtf8(info.readAllStandardOutput())
                              .section(QStringLiteral("Pages:"), 1)
                              .section(QLatin1Char('\n'), 0, 0);
    EXPECT_EQ(pages.trimmed().toInt(), 1) << "three results fit one page";
}

TEST_F(SampleWindow, FollowsThePropagationPolicy)
{
    const Ref profile{ResourceKind::Source, "customer_profile", "v1"};
    // pii:direct on the e-mail column reaches its hash through a masked transform; gdpr does too.
    const char *masked = "pii:direct on column email_sha256";
    ASSERT_TRUE(open(profile, "Propagated tags"));
    EXPECT_TRUE(showing("no propagation policy"));
    EXPECT_TRUE(showing(masked)) << "without a policy, masking does not stop pii";
    testing::screenshot(m_window, "propagated");

    // The sample's policy stops pii at masked columns.
    QSignalSpy changed(&m_window.session(), &CatalogSession::policyChanged);
    Q_EMIT m_window.compliancePanel().policyChosen(
        QString::fromStdString((tributary::testing::sampleCatalogDir() / "policy.yaml").string()));
    ASSERT_TRUE(waitFor([&] { return changed.count() == 1 && showing("stop rules of"); }));
    EXPECT_FALSE(showing(masked));
    EXPECT_TRUE(showing("gdpr on column email_sha256")) << "the policy stops pii only";
    EXPECT_TRUE(m_window.compliancePanel().policyText().contains(QStringLiteral("(2 rule")))
        << m_window.compliancePanel().policyText().toStdString();
    EXPECT_EQ(CatalogActions::policyFor(QString::fromStdString(m_file)),
        QString::fromStdString((tributary::testing::sampleCatalogDir() / "policy.yaml").string()))
        << "remembered for this catalog";

    // A broken policy is not used, and its problems are listed with their places.
    const auto broken = m_dir.writeCatalog(
        "policy", {{"policy.yaml", "propagation:\n  pii:\n    stop_at: [sideways]\n"}});
    Q_EMIT m_window.compliancePanel().policyChosen(
        QString::fromStdString((broken / "policy.yaml").string()));
    ASSERT_TRUE(waitFor([&] { return changed.count() == 2; }));
    EXPECT_TRUE(m_window.compliancePanel().policyText().contains(QStringLiteral("not used")));
    ASSERT_TRUE(waitFor([&] { return showing(masked); })) << "back to no policy";
    Q_EMIT m_window.compliancePanel().policyChosen(QString());
    ASSERT_TRUE(waitFor([&] { return changed.count() == 3; }));
    EXPECT_TRUE(CatalogActions::policyFor(QString::fromStdString(m_file)).isEmpty());
}

TEST_F(SampleWindow, ReadsWellInADarkPalette)
{
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    dark.setColor(QPalette::Button, QColor(45, 45, 48));
    dark.setColor(QPalette::ButtonText, QColor(220, 220, 220));
    dark.setColor(QPalette::Highlight, QColor(38, 79, 120));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(86, 156, 214));
    QApplication::setPalette(dark);
    ASSERT_TRUE(open({ResourceKind::Source, "customer_spend", "v2"}, "Columns"));
    // The SQL's keywords take the dark palette's colours (now, or when the palette arrives).
    const auto html = [&] { return m_window.detailView().toHtml(); };
    EXPECT_TRUE(waitFor([&] { return !html().contains(QStringLiteral("#0033b3")); }));
    EXPECT_TRUE(html().contains(QStringLiteral("#82aaff")));
    testing::screenshot(m_window, "dark");
    QApplication::setPalette(light);
}

// A catalog with a replayed history: the whole window switches to an earlier import.
TEST(MainWindow, AsOfShowsTheCatalogAsItStood)
{
    testing::TempDir dir;
    const std::string file = (dir / "shop.sqlite").string();
    {
        auto store = openCatalogStore(file, OpenMode::Create);
        ASSERT_TRUE(store);
        const std::filesystem::path catalogs
            = std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "tests/data/cli/catalogs";
        ImportOptions first;
        first.at = *Timestamp::parse("2024-01-01T00:00:00Z");
        ASSERT_TRUE(
            (*store)->importCatalog(tributary::testing::loadClean(catalogs / "shop_v1"), first));
        ImportOptions second;
        second.at = *Timestamp::parse("2024-02-01T00:00:00Z");
        ASSERT_TRUE(
            (*store)->importCatalog(tributary::testing::loadClean(catalogs / "shop_v2"), second));
    }
    const auto latest
        = (*openCatalogStore(file, OpenMode::ReadOnly))->list({}, AsOf::latest())->size();
    const auto early
        = (*openCatalogStore(file, OpenMode::ReadOnly))->list({}, AsOf::import({1}))->size();
    ASSERT_NE(latest, early);
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == int(latest); }));
    window.search(QStringLiteral("legacy"));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 0; }))
        << "removed by import 2";
    window.setAsOf(AsOf::import({1}));
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 1; }))
        << "search follows the as-of point";
    window.search(QString());
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == int(early); }));
    // legacy_orders@v1 was removed by import 2: it shows as of import 1.
    window.navigateTo({ResourceKind::Source, "legacy_orders", "v1"});
    ASSERT_TRUE(waitFor([&] {
        return window.detailView().toPlainText().contains(QStringLiteral("legacy_orders@v1"));
    }));
    testing::screenshot(window, "as-of");
    window.setAsOf(AsOf::latest());
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == int(latest); }));
    waitForBackgroundWork();
}

// Importing a broken folder lists its problems with places; a good one opens.
TEST(MainWindow, ImportsFoldersAndListsProblems)
{
    QStandardPaths::setTestModeEnabled(true); // recent catalogs go to a test location
    testing::TempDir dir;
    MainWindow window;
    window.show();
    const QString broken = QStringLiteral(
        TRIBUTARY_SOURCE_DIR "/tests/data/diagnostics/several_mistakes_in_several_files/catalog");
    QSignalSpy finished(&window.catalogActions(), &CatalogActions::importFinished);
    window.catalogActions().importFolder(
        broken, QString::fromStdString((dir / "broken.sqlite").string()));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_GE(window.diagnosticsDock().model().rowCount(), 7);
    EXPECT_FALSE(std::filesystem::exists(dir / "broken.sqlite")) << "bad input creates no catalog";
    const QString first = window.diagnosticsDock()
                              .model()
                              .data(window.diagnosticsDock().model().index(0))
                              .toString();
    EXPECT_TRUE(first.contains(QStringLiteral(".yaml:"))) << first.toStdString();
    window.diagnosticsDock().showSource(
        window.diagnosticsDock().model().diagnosticAt(window.diagnosticsDock().model().index(0)));
    EXPECT_FALSE(window.diagnosticsDock().sourceView().textCursor().selectedText().isEmpty());

    const QString sample = QString::fromStdString(tributary::testing::sampleCatalogDir().string());
    const QString catalog = QString::fromStdString((dir / "acme.sqlite").string());
    window.catalogActions().importFolder(sample, catalog);
    ASSERT_TRUE(waitFor([&] { return finished.count() == 2; }));
    EXPECT_TRUE(finished.at(1).at(0).toBool());
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 83; }));
    EXPECT_EQ(CatalogActions::recentCatalogs().value(0), catalog);
    EXPECT_EQ(CatalogActions::policyFor(catalog), sample + QStringLiteral("/policy.yaml"))
        << "the folder's policy applies to the catalog it filled";
    ASSERT_TRUE(waitFor([&] {
        return window.compliancePanel().policyText().contains(QStringLiteral("policy.yaml"));
    }));
    waitForBackgroundWork();
}

// With nothing opened before, the app imports the bundled sample and opens it, with its policy.
TEST(MainWindow, OpensTheSampleOnFirstStart)
{
    QStandardPaths::setTestModeEnabled(true);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir(data).removeRecursively();
    ASSERT_TRUE(CatalogActions::recentCatalogs().isEmpty());
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.catalogActions().openInitialCatalog();
    ASSERT_TRUE(waitFor([&] { return window.listModel().totalRows() == 83; }));
    EXPECT_TRUE(QFileInfo::exists(data + QStringLiteral("/acme-sample.sqlite")));
    EXPECT_EQ(
        CatalogActions::recentCatalogs().value(0), data + QStringLiteral("/acme-sample.sqlite"));
    ASSERT_TRUE(waitFor([&] {
        return window.compliancePanel().policyText().contains(QStringLiteral("policy.yaml"));
    }));
    window.navigateTo({ResourceKind::Model, "churn_model", "2"});
    ASSERT_TRUE(waitFor([&] {
        return window.detailView().toPlainText().contains(QStringLiteral("Features it uses"));
    }));
    testing::screenshot(window, "first-start");
    waitForBackgroundWork();
    QDir(data).removeRecursively();
}

TEST(MainWindow, SaysADamagedCatalogIsDamagedAndLeavesIt)
{
    QStandardPaths::setTestModeEnabled(true);
    testing::TempDir dir;
    const QString file = QString::fromStdString(testing::sampleCatalog(dir));
    QFile catalog(file);
    ASSERT_TRUE(catalog.open(QIODevice::ReadWrite));
    ASSERT_TRUE(catalog.resize(catalog.size() / 2)); // a copy that stopped half way
    catalog.seek(0);
    const QByteArray before = catalog.readAll();
    catalog.close();

    MainWindow window;
    window.resize(1000, 600);
    window.show();
    window.openCatalog(file);
    ASSERT_TRUE(waitFor([&] {
        return window.detailView().toPlainText().contains(QStringLiteral("cannot be opened"));
    })) << window.detailView().toPlainText().toStdString();
    waitForBackgroundWork(); // the reads that fail after it must not replace why
    const QString shown = window.detailView().toPlainText();
    EXPECT_TRUE(shown.contains(QStringLiteral("cannot be opened"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("cut short"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(file)) << "the message names the file";
    EXPECT_TRUE(shown.contains(QStringLiteral("restore it from a copy"))) << shown.toStdString();
    EXPECT_EQ(window.listModel().totalRows(), 0);
    testing::screenshot(window, "damaged-catalog");
    waitForBackgroundWork();
    ASSERT_TRUE(catalog.open(QIODevice::ReadOnly));
    EXPECT_EQ(catalog.readAll(), before) << "the damaged file was changed";
}

// A cancelled import leaves no catalog behind (the store's own test cancels mid-write).
TEST(ImportJob, CancelledLeavesNoCatalog)
{
    testing::TempDir dir;
    ImportJob job(QString::fromStdString(tributary::testing::sampleCatalogDir().string()),
        QString::fromStdString((dir / "acme.sqlite").string()));
    QSignalSpy progress(&job, &ImportJob::progress);
    QSignalSpy finished(&job, &ImportJob::finished);
    job.cancel();
    job.start();
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }));
    EXPECT_TRUE(finished.at(0).at(0).value<ImportOutcome>().cancelled);
    EXPECT_FALSE(std::filesystem::exists(dir / "acme.sqlite"));
    ASSERT_GE(progress.count(), 1) << "the first file's progress, then it stopped";
    EXPECT_EQ(progress.at(0).at(0).value<ImportStage>(), ImportStage::Reading);
}

} // namespace
} // namespace tributary::ui
