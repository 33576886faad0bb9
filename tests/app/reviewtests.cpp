// SPDX-License-Identifier: Apache-2.0
// Review notes in the desktop app, driven as a team lead would, offscreen: mark assets from the
// bar above the docs, see them in the Review view, undo and redo, export, reopen; and the
// catalog itself never changes.
#include <filesystem>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include "apptestsupport.h"
#include "catalogsession.h"
#include "detailview.h"
#include "mainwindow.h"
#include "resourcelistmodel.h"
#include "reviewbar.h"
#include "reviewmodel.h"
#include "reviewpanel.h"
#include "reviewstore.h"
#include "savedview.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary::ui {
namespace {

using testing::waitFor;

const Ref kSpend{ResourceKind::Feature, "spend_30d", "v2"};
const Ref kChurn{ResourceKind::Model, "churn_model", "2"};

std::string fingerprintOf(const std::string &file)
{
    auto store = openCatalogStore(file, OpenMode::ReadOnly);
    EXPECT_TRUE(store) << store.error().toString();
    auto fingerprint = (*store)->fingerprint(AsOf::latest());
    EXPECT_TRUE(fingerprint);
    return *fingerprint;
}

// The notes as the user-data file holds them, read apart from the app.
ReviewListing notesOnDisk(const std::string &catalog)
{
    const std::string path = userDataPath(QString::fromStdString(catalog)).toStdString();
    auto store = UserDataStore::open(path);
    EXPECT_TRUE(store) << store.error().toString();
    ReviewBook book(**store, path);
    auto listing = book.list();
    EXPECT_TRUE(listing);
    return *listing;
}

QAction *menuAction(MainWindow &window, QKeySequence::StandardKey key)
{
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->shortcut() == QKeySequence(key))
                return action;
        }
    }
    return nullptr;
}

QString readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(file.readAll());
}

class ReviewWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TRIBUTARY_AUTHOR", "lead");
        m_file = testing::sampleCatalog(m_dir);
        m_fingerprint = fingerprintOf(m_file);
        m_window.resize(1400, 900);
        m_window.show();
        openIn(m_window);
    }
    void TearDown() override { waitForBackgroundWork(); }

    void openIn(MainWindow &window)
    {
        window.openCatalog(QString::fromStdString(m_file));
        ASSERT_TRUE(waitFor(
            [&] { return window.listModel().totalRows() == 83 && window.reviews().isLoaded(); }));
    }
    // Shows `ref` in `window` and waits until its details and review bar are up.
    bool show(MainWindow &window, const Ref &ref)
    {
        window.navigateTo(ref);
        return waitFor([&] {
            return window.reviewBar().asset() == ref && window.reviewBar().isVisible()
                && window.detailView().toPlainText().contains(
                    QString::fromStdString(ref.shortString()));
        });
    }
    bool settled()
    {
        return waitFor([&] { return m_window.reviews().isIdle(); });
    }

    testing::TempDir m_dir;
    std::string m_file;
    std::string m_fingerprint;
    MainWindow m_window;
};

TEST_F(ReviewWindow, MarksFromTheBarAndKeepsNotesAcrossReopening)
{
    ReviewBar &bar = m_window.reviewBar();
    ASSERT_TRUE(show(m_window, kSpend));
    EXPECT_TRUE(bar.text().contains(QStringLiteral("NOT REVIEWED"))) << bar.text().toStdString();
    EXPECT_FALSE(bar.clearButton().isEnabled()) << "nothing to clear";
    bar.reviewedButton().click();
    EXPECT_TRUE(bar.text().contains(QStringLiteral("REVIEWED by lead")))
        << bar.text().toStdString();
    EXPECT_TRUE(bar.text().contains(QStringLiteral("as of import 1")));

    // Needs work asks for a comment, and will not go on without one.
    ASSERT_TRUE(show(m_window, kChurn));
    bar.needsWorkButton().click();
    auto *dialog = bar.findChild<QDialog *>(QStringLiteral("reviewCommentDialog"));
    ASSERT_TRUE(dialog && dialog->isVisible());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled()) << "a comment is required";
    auto *comment = dialog->findChild<QPlainTextEdit *>();
    QTest::keyClicks(comment, QStringLiteral("   "));
    EXPECT_FALSE(ok->isEnabled()) << "blanks are no comment";
    comment->setPlainText(QStringLiteral("Document the threshold | and <b>why</b>\nbefore 2.1"));
    ASSERT_TRUE(ok->isEnabled());
    testing::screenshot(*dialog, "review-comment");
    ok->click();
    EXPECT_TRUE(bar.text().contains(QStringLiteral("NEEDS WORK")));
    EXPECT_TRUE(bar.text().contains(QStringLiteral("<b>why</b>")))
        << "shown as typed, not as markup";
    EXPECT_TRUE(bar.clearButton().isEnabled());
    ASSERT_TRUE(settled());
    testing::screenshot(m_window, "review-bar");

    // On disk, in the user-data file beside the catalog; the catalog is untouched.
    const ReviewListing saved = notesOnDisk(m_file);
    ASSERT_EQ(saved.notes.size(), 2u);
    EXPECT_EQ(saved.notes[0].asset, kSpend);
    EXPECT_EQ(saved.notes[1].asset, kChurn);
    EXPECT_EQ(saved.notes[1].status, ReviewStatus::NeedsWork);
    EXPECT_EQ(saved.notes[1].reviewer, "lead");
    EXPECT_EQ(saved.notes[1].import, ImportId{1});
    EXPECT_EQ(saved.notes[1].fingerprint, m_fingerprint) << "what the reviewer was looking at";
    EXPECT_EQ(fingerprintOf(m_file), m_fingerprint);

    // Another window on the same catalog sees them.
    MainWindow again;
    again.resize(1200, 800);
    again.show();
    openIn(again);
    ASSERT_TRUE(show(again, kChurn));
    EXPECT_TRUE(again.reviewBar().text().contains(QStringLiteral("Document the threshold")));
    EXPECT_EQ(again.reviewPanel().model().rowCount(), 2);
    ASSERT_TRUE(show(again, kSpend));
    EXPECT_TRUE(again.reviewBar().text().contains(QStringLiteral("REVIEWED")));

    // Reopening the catalog reads them again; another catalog has none, and no undo history.
    openIn(m_window);
    EXPECT_EQ(m_window.reviews().notes().size(), 2u);
    EXPECT_TRUE(m_window.reviews().undoStack().canUndo()) << "a refresh keeps the history";
    testing::TempDir other;
    const std::string otherFile = testing::sampleCatalog(other);
    m_window.openCatalog(QString::fromStdString(otherFile));
    ASSERT_TRUE(waitFor([&] {
        return m_window.reviews().catalog() == QString::fromStdString(otherFile)
            && m_window.reviews().isLoaded();
    }));
    EXPECT_TRUE(m_window.reviews().notes().empty());
    EXPECT_EQ(m_window.reviewPanel().model().rowCount(), 0);
    EXPECT_FALSE(m_window.reviews().undoStack().canUndo());
    waitForBackgroundWork();
}

TEST_F(ReviewWindow, UndoesAndRedoesEveryChangeWhateverIsShown)
{
    ReviewStore &reviews = m_window.reviews();
    ASSERT_TRUE(show(m_window, kSpend));
    QApplication::setActiveWindow(&m_window);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&m_window));
    QTest::keyClick(&m_window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(reviews.noteFor(kSpend)) << "Ctrl+Shift+R marks the shown asset reviewed";
    ASSERT_TRUE(show(m_window, kChurn));
    ASSERT_TRUE(reviews.markNeedsWork(kChurn, QStringLiteral("split the features")));
    QString why;
    EXPECT_FALSE(reviews.markNeedsWork(kSpend, QStringLiteral(" "), &why));
    EXPECT_TRUE(why.contains(QStringLiteral("comment"))) << why.toStdString();
    EXPECT_EQ(reviews.noteFor(kSpend)->status, ReviewStatus::Reviewed)
        << "the refusal changed nothing";

    QAction *undo = menuAction(m_window, QKeySequence::Undo);
    QAction *redo = menuAction(m_window, QKeySequence::Redo);
    ASSERT_TRUE(undo && redo) << "Edit > Undo and Redo, with the standard shortcuts";
    EXPECT_TRUE(undo->text().contains(QStringLiteral("churn_model@2")))
        << undo->text().toStdString();
    undo->trigger();
    EXPECT_FALSE(reviews.noteFor(kChurn));
    EXPECT_TRUE(m_window.reviewBar().text().contains(QStringLiteral("NOT REVIEWED")));
    undo->trigger(); // the spend_30d note, though churn_model is shown
    EXPECT_FALSE(reviews.noteFor(kSpend));
    EXPECT_FALSE(undo->isEnabled());
    ASSERT_TRUE(settled());
    EXPECT_TRUE(notesOnDisk(m_file).notes.empty()) << "undone on disk too";

    redo->trigger();
    redo->trigger();
    ASSERT_TRUE(reviews.noteFor(kSpend) && reviews.noteFor(kChurn));
    EXPECT_EQ(reviews.noteFor(kChurn)->comment, "split the features");
    EXPECT_TRUE(m_window.reviewBar().text().contains(QStringLiteral("NEEDS WORK")));
    // Clearing is a change like the others.
    m_window.reviewBar().clearButton().click();
    EXPECT_FALSE(reviews.noteFor(kChurn));
    undo->trigger();
    ASSERT_TRUE(reviews.noteFor(kChurn));
    ASSERT_TRUE(settled());
    const ReviewListing saved = notesOnDisk(m_file);
    ASSERT_EQ(saved.notes.size(), 2u);
    EXPECT_EQ(saved.notes[1].comment, "split the features");
    EXPECT_EQ(fingerprintOf(m_file), m_fingerprint);
}

TEST_F(ReviewWindow, ListsNotesInTheReviewViewAndExportsThem)
{
    ReviewStore &reviews = m_window.reviews();
    ReviewPanel &panel = m_window.reviewPanel();
    QAbstractItemModelTester modelTester(
        &panel.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &panel.proxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.show();
    panel.raise();
    reviews.markReviewed(kSpend);
    reviews.markNeedsWork(kChurn, QStringLiteral("=HYPERLINK(\"http://x.example\") | later\nok"));
    reviews.markReviewed({ResourceKind::Provider, "warehouse", ""});
    reviews.markNeedsWork({ResourceKind::Label, "churned", "v1"}, QStringLiteral("+1 leak"));
    ASSERT_EQ(panel.model().rowCount(), 4);
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("4 note(s), 2 needing work")))
        << panel.statusText().toStdString();
    const auto assetAt = [&](int row) {
        return panel.proxy().index(row, ReviewModel::AssetColumn).data().toString();
    };
    // Sorted by asset in the catalog's kind order; then by any column.
    EXPECT_EQ(assetAt(0), QStringLiteral("provider:warehouse"));
    EXPECT_EQ(assetAt(3), QStringLiteral("model:churn_model@2"));
    panel.view().sortByColumn(ReviewModel::StatusColumn, Qt::DescendingOrder);
    EXPECT_EQ(panel.proxy().index(0, ReviewModel::StatusColumn).data().toString(),
        QStringLiteral("reviewed"));
    panel.setStatusFilter(int(ReviewStatus::NeedsWork));
    ASSERT_EQ(panel.proxy().rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        EXPECT_EQ(panel.proxy().index(row, ReviewModel::StatusColumn).data().toString(),
            QStringLiteral("needs work"));
    // A change updates its row, and the filter follows it.
    reviews.markReviewed({ResourceKind::Label, "churned", "v1"});
    EXPECT_EQ(panel.proxy().rowCount(), 1);
    EXPECT_EQ(panel.model().rowCount(), 4);
    panel.setStatusFilter(-1);
    EXPECT_EQ(panel.proxy().rowCount(), 4);
    panel.view().sortByColumn(ReviewModel::AssetColumn, Qt::AscendingOrder);
    m_window.resizeDocks({&panel}, {260}, Qt::Vertical);
    ASSERT_TRUE(settled());
    testing::screenshot(panel, "review-panel");

    // Enter on a row opens its asset.
    panel.view().setFocus();
    panel.view().setCurrentIndex(panel.proxy().index(3, ReviewModel::AssetColumn));
    QTest::keyClick(&panel.view(), Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return m_window.reviewBar().asset() == kChurn; }));
    EXPECT_EQ(m_window.history().current(), kChurn);

    // Exports, written on a worker, from the notes as shown.
    QSignalSpy exported(&panel, &ReviewPanel::exported);
    const QString csvPath = QString::fromStdString((m_dir / "notes.csv").string());
    const QString mdPath = QString::fromStdString((m_dir / "notes.md").string());
    panel.exportTo(ReviewPanel::Format::Csv, csvPath);
    panel.exportTo(ReviewPanel::Format::Markdown, mdPath);
    ASSERT_TRUE(waitFor([&] { return exported.count() == 2; }));
    for (const QList<QVariant> &done : exported)
        EXPECT_TRUE(done.at(1).toString().isEmpty()) << done.at(1).toString().toStdString();
    const QString csv = readAll(csvPath);
    EXPECT_TRUE(csv.startsWith(QStringLiteral("asset,kind,name,version,status,comment")));
    EXPECT_EQ(csv.count(QStringLiteral("\r\n")), 1 + 4) << "a header and the notes: the comment's "
                                                           "own line break stays in its quotes";
    EXPECT_TRUE(
        csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x.example\"\") | later\nok\"")))
        << csv.toStdString();
    EXPECT_TRUE(csv.contains(QString::fromStdString(m_fingerprint)));
    const QString markdown = readAll(mdPath);
    EXPECT_TRUE(markdown.contains(QString::fromStdString(m_file))) << "which catalog";
    EXPECT_TRUE(markdown.contains(QStringLiteral("later<br>ok")));
    EXPECT_TRUE(markdown.contains(QStringLiteral("\\| later")));
    EXPECT_EQ(markdown.count(QStringLiteral("\n| `")), 4) << markdown.toStdString();
    EXPECT_FALSE(QFile::exists(csvPath + QStringLiteral(".tmp")));
    EXPECT_EQ(fingerprintOf(m_file), m_fingerprint);
}

TEST_F(ReviewWindow, ShowsEntriesItCannotRead)
{
    // An entry another program (or a newer Tributary) wrote, that is not a note.
    {
        auto store
            = UserDataStore::open(userDataPath(QString::fromStdString(m_file)).toStdString());
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->put(kReviewsArea, "model:churn_model@2", "{broken"));
        ReviewBook book(**store);
        ReviewNote note;
        note.asset = kSpend;
        note.at = Timestamp{1735689600};
        ASSERT_TRUE(book.put(note));
    }
    m_window.refresh();
    ASSERT_TRUE(waitFor([&] { return m_window.reviews().problems().size() == 1; }));
    EXPECT_TRUE(m_window.reviews().problems()[0].contains(QStringLiteral("'model:churn_model@2'")));
    EXPECT_EQ(m_window.reviewPanel().model().rowCount(), 1) << "the readable note is listed";
    ASSERT_TRUE(show(m_window, kChurn));
    EXPECT_TRUE(m_window.reviewBar().text().contains(QStringLiteral("NOT REVIEWED")));
    // Marking it again replaces the broken entry.
    m_window.reviewBar().reviewedButton().click();
    ASSERT_TRUE(settled());
    m_window.reviews().reload();
    ASSERT_TRUE(waitFor([&] { return m_window.reviews().isIdle(); }));
    EXPECT_TRUE(m_window.reviews().problems().isEmpty());
    EXPECT_EQ(m_window.reviews().notes().size(), 2u);
}

// A note says which import it was made on, and shows when the catalog has moved on since.
TEST(ReviewNotes, SayWhichImportTheyWereMadeOn)
{
    QStandardPaths::setTestModeEnabled(true);
    testing::TempDir dir;
    const std::string file = (dir / "shop.sqlite").string();
    const std::filesystem::path shops
        = std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "tests/data/cli/catalogs";
    const auto importShop = [&](const char *folder, const char *at) {
        auto store = openCatalogStore(file, OpenMode::Create);
        ASSERT_TRUE(store) << store.error().toString();
        ImportOptions options;
        options.at = *Timestamp::parse(at);
        auto imported
            = (*store)->importCatalog(tributary::testing::loadClean(shops / folder), options);
        ASSERT_TRUE(imported) << imported.error().toString();
    };
    importShop("shop_v1", "2024-01-01T00:00:00Z");
    const std::string firstFingerprint = fingerprintOf(file);
    const Ref orders{ResourceKind::Feature, "order_count", "v1"};

    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.openCatalog(QString::fromStdString(file));
    ASSERT_TRUE(waitFor([&] { return window.reviews().isLoaded(); }));
    window.navigateTo(orders);
    ASSERT_TRUE(waitFor([&] { return window.reviewBar().asset() == orders; }));
    window.reviewBar().reviewedButton().click();
    ASSERT_TRUE(waitFor([&] { return window.reviews().isIdle(); }));
    EXPECT_EQ(window.reviews().noteFor(orders)->fingerprint, firstFingerprint);
    EXPECT_FALSE(window.reviewBar().text().contains(QStringLiteral("differs")));

    // Someone imports again; the window reads the catalog anew.
    importShop("shop_v2", "2024-02-01T00:00:00Z");
    window.refresh();
    ASSERT_TRUE(waitFor([&] {
        return window.reviews().latestImport() && window.reviews().latestImport()->id.value == 2
            && window.reviewBar().text().contains(QStringLiteral("differs"));
    })) << window.reviewBar().text().toStdString();
    EXPECT_TRUE(window.reviewBar().text().contains(QStringLiteral("as of import 1")));
    ReviewModel &model = window.reviewPanel().model();
    ASSERT_EQ(model.rowCount(), 1);
    EXPECT_EQ(model.index(0, ReviewModel::AsOfColumn).data().toString(),
        QStringLiteral("import 1 (changed since)"));

    // Shown as it stood at import 1, the note is about what is shown.
    window.setAsOf(AsOf::import(ImportId{1}));
    ASSERT_TRUE(waitFor([&] {
        return window.reviewBar().asset() == orders
            && !window.reviewBar().text().contains(QStringLiteral("differs"));
    })) << window.reviewBar().text().toStdString();
    // A note made there says so, though the catalog has moved on.
    const Ref later{ResourceKind::Feature, "order_count", "v2"};
    window.setAsOf(AsOf::latest());
    window.navigateTo(later);
    ASSERT_TRUE(waitFor([&] { return window.reviewBar().asset() == later; }));
    window.reviewBar().reviewedButton().click();
    EXPECT_EQ(window.reviews().noteFor(later)->import, ImportId{2});
    EXPECT_EQ(window.reviews().noteFor(later)->fingerprint, fingerprintOf(file));
    EXPECT_EQ(fingerprintOf(file), window.reviews().latestImport()->fingerprint)
        << "notes never change the catalog";
    ASSERT_TRUE(waitFor([&] { return window.reviews().isIdle(); }));
    waitForBackgroundWork();
}

} // namespace
} // namespace tributary::ui
