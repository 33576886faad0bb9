// SPDX-License-Identifier: Apache-2.0
// The PDF handbook as a reader gets it (page count, contents, each chapter on the page the
// contents name), and the docs exports from the window.
#include <filesystem>

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <gtest/gtest.h>

#include "apptestsupport.h"
#include "documentexports.h"
#include "handbookdialog.h"
#include "handbookwriter.h"
#include "mainwindow.h"
#include "resourcelistmodel.h"

namespace tributary::ui {
namespace {

using testing::waitFor;

// What `tool` prints for `arguments`, or nullopt when poppler-utils is not installed.
std::optional<QString> popplerOutput(const char *tool, const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(QString::fromLatin1(tool));
    if (program.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

int pdfPages(const QString &pdf)
{
    const auto info = popplerOutput("pdfinfo", {pdf});
    return info ? info->section(QStringLiteral("Pages:"), 1).section(QLatin1Char('\n'), 0, 0).trimmed().toInt() : -1;
}

QString pageText(const QString &pdf, int page)
{
    return popplerOutput("pdftotext", {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                          QString::number(page), QStringLiteral("-layout"), pdf, QStringLiteral("-")})
        .value_or(QString());
}

class HandbookPrint : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            GTEST_SKIP() << "pdftotext and pdfinfo (poppler-utils) are not installed: the PDF is not read back";
        m_file = testing::sampleCatalog(m_dir);
        m_store = openCatalogStore(m_file, OpenMode::ReadOnly).value();
    }

    testing::TempDir m_dir;
    std::string m_file;
    std::unique_ptr<CatalogStore> m_store;
};

TEST_F(HandbookPrint, EveryChapterIsOnThePageTheContentsName)
{
    const auto assets = handbookAssets(*m_store, {{}, "pii", {}}, AsOf::latest()).value();
    const auto graph = std::make_shared<const LineageGraph>(
        LineageGraph::build(m_store->lineageSnapshot(AsOf::latest()).value()));
    HandbookOptions options;
    options.title = "Personal data handbook";
    options.catalog = m_file;
    options.scope = "tag pii";
    const auto book = buildHandbook(*m_store, graph, assets, options);
    ASSERT_TRUE(book) << book.error().toString();
    const QString pdf = QString::fromStdString((m_dir / "handbook.pdf").string());
    const auto printed = print::printHandbook(*book, pdf.toStdString());
    ASSERT_TRUE(printed) << printed.error().toString();

    EXPECT_EQ(pdfPages(pdf), printed->pages);
    ASSERT_EQ(printed->chapterPages.size(), book->chapters.size());
    // A title page, the contents, then a page at least per chapter.
    EXPECT_GE(printed->pages, int(book->chapters.size()) + 2);
    const QString title = pageText(pdf, 1);
    EXPECT_TRUE(title.contains(QStringLiteral("Personal data handbook"))) << title.toStdString();
    EXPECT_TRUE(title.contains(QString::fromStdString(graph->fingerprint()))) << title.toStdString();

    // The contents (on the pages before the first chapter) name each chapter and its page.
    QString contents;
    for (int page = 2; page < printed->chapterPages.front(); ++page)
        contents += pageText(pdf, page);
    int previous = 0;
    for (std::size_t i = 0; i < book->chapters.size(); ++i) {
        const QString chapter = QString::fromStdString(book->chapters[i].title);
        const int page = printed->chapterPages[i];
        EXPECT_GT(page, previous) << "chapters start on pages of their own, in order";
        previous = page;
        const QRegularExpression line(QRegularExpression::escape(chapter) + QStringLiteral("\\s+")
                                      + QString::number(page) + QStringLiteral("\\b"));
        EXPECT_TRUE(contents.contains(line)) << chapter.toStdString() << " on page " << page << "\n"
                                             << contents.toStdString();
        const QString text = pageText(pdf, page);
        EXPECT_TRUE(text.contains(chapter)) << chapter.toStdString() << " is not on page " << page;
        EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(printed->pages)));
    }
}

// Ink on a page: the pixels that are not white, rendered by poppler at 30 dpi.
int inkOn(const QString &pdf, int page, const testing::TempDir &dir)
{
    const QString prefix = QString::fromStdString((dir / "ink").string());
    popplerOutput("pdftoppm", {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-png"), QStringLiteral("-f"),
                                  QString::number(page), QStringLiteral("-l"), QString::number(page),
                                  QStringLiteral("-singlefile"), pdf, prefix});
    const QImage image(prefix + QStringLiteral(".png"));
    int ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 200;
    return ink;
}

TEST_F(HandbookPrint, DrawsTheLineageOfEachChapter)
{
    const Ref feature{ResourceKind::Feature, "spend_30d", "v2"};
    const auto graph = std::make_shared<const LineageGraph>(
        LineageGraph::build(m_store->lineageSnapshot(AsOf::latest()).value()));
    const auto book = buildHandbook(*m_store, graph, {feature}, {}).value();
    ASSERT_GE(book.chapters[0].diagram.nodes.size(), 3u);
    // The chapter cut down to its drawing, and to nothing: the drawing is what inks the page.
    Handbook drawing = book;
    drawing.chapters[0].html = "<h1>Drawing</h1><p>" + book.chapters[0].diagramMarker + "</p>";
    Handbook empty = drawing;
    empty.chapters[0].html = "<h1>Drawing</h1>";
    const QString withDrawing = QString::fromStdString((m_dir / "drawing.pdf").string());
    const QString without = QString::fromStdString((m_dir / "empty.pdf").string());
    const auto printed = print::printHandbook(drawing, withDrawing.toStdString());
    ASSERT_TRUE(printed) << printed.error().toString();
    EXPECT_EQ(printed->diagrams, 1);
    ASSERT_TRUE(print::printHandbook(empty, without.toStdString()));
    const int page = printed->chapterPages[0];
    const int inkWith = inkOn(withDrawing, page, m_dir);
    const int inkWithout = inkOn(without, page, m_dir);
    EXPECT_GT(inkWith, 2 * inkWithout) << inkWith << " vs " << inkWithout;
    EXPECT_FALSE(pageText(withDrawing, page).contains(QString::fromStdString(book.chapters[0].diagramMarker)))
        << "the marker is replaced by the drawing";
}

class DocumentExportWindow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        m_file = testing::sampleCatalog(m_dir);
        m_window.resize(1400, 860);
        m_window.show();
        m_window.openCatalog(QString::fromStdString(m_file));
        ASSERT_TRUE(waitFor([&] { return m_window.listModel().totalRows() == 83; }));
    }
    void TearDown() override { waitForBackgroundWork(); }

    testing::TempDir m_dir;
    std::string m_file;
    MainWindow m_window;
};

TEST_F(DocumentExportWindow, WritesTheHandbookOfTheChosenAssetsOnAWorker)
{
    const Ref model{ResourceKind::Model, "churn_model", "2"};
    m_window.navigateTo(model);
    HandbookDialog dialog({model}, &m_window);
    dialog.show();
    testing::screenshot(dialog, "handbook-dialog");
    EXPECT_EQ(dialog.scope().assets, std::vector<Ref>{model});

    QSignalSpy done(&m_window.documentExports(), &DocumentExports::handbookExported);
    const QString pdf = QString::fromStdString((m_dir / "churn.pdf").string());
    m_window.documentExports().exportHandbookTo({dialog.scope(), QStringLiteral("Churn"), pdf});
    ASSERT_TRUE(waitFor([&] { return done.count() == 1; }, 60000));
    EXPECT_EQ(done.at(0).at(2).toString(), QString()) << done.at(0).at(2).toString().toStdString();
    EXPECT_TRUE(done.at(0).at(1).toString().contains(QStringLiteral("1 asset")));
    ASSERT_TRUE(std::filesystem::exists(pdf.toStdString()));
    if (const int pages = pdfPages(pdf); pages >= 0) {
        EXPECT_GE(pages, 3);
    }
}

TEST_F(DocumentExportWindow, WritesTheDocsSiteOnAWorker)
{
    QSignalSpy done(&m_window.documentExports(), &DocumentExports::siteExported);
    const QString folder = QString::fromStdString((m_dir / "site").string());
    m_window.documentExports().exportSiteTo(folder);
    ASSERT_TRUE(waitFor([&] { return done.count() == 1; }, 120000));
    EXPECT_EQ(done.at(0).at(2).toString(), QString()) << done.at(0).at(2).toString().toStdString();
    EXPECT_TRUE(std::filesystem::exists(m_dir / "site" / "index.html"));

    // A scope nothing matches says so, and writes nothing.
    QSignalSpy book(&m_window.documentExports(), &DocumentExports::handbookExported);
    const QString pdf = QString::fromStdString((m_dir / "none.pdf").string());
    m_window.documentExports().exportHandbookTo({{{}, "no-such-tag", {}}, {}, pdf});
    ASSERT_TRUE(waitFor([&] { return book.count() == 1; }, 60000));
    EXPECT_TRUE(book.at(0).at(2).toString().contains(QStringLiteral("No assets match tag no-such-tag")));
    EXPECT_FALSE(std::filesystem::exists(pdf.toStdString()));
}

} // namespace
} // namespace tributary::ui
