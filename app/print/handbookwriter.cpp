// SPDX-License-Identifier: Apache-2.0
#include "handbookwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include "pdfpages.h"
#include "svgtextobject.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary::print {
namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

// Debian's default sans, installed with Qt (fonts-dejavu-core): one family the PDF embeds.
constexpr const char *kFamily = "DejaVu Sans";

// No ligatures: text copied from the PDF (a fingerprint, "customer_profile") must be the text
// written, not "32faﬀ2" or "customer_proﬁle".
QFont printFont(int points)
{
    QFont font(QString::fromLatin1(kFamily), points);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

const char *const kStyle = R"(
h1 { font-size: 17pt; color: #1f3b57; margin-bottom: 6px; }
h2 { font-size: 14pt; color: #1f3b57; }
h3 { font-size: 11pt; color: #1f3b57; margin-top: 12px; margin-bottom: 3px; }
h4, h5, h6 { font-size: 10pt; color: #1f3b57; }
p { margin-top: 2px; margin-bottom: 4px; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
pre { background-color: #f3f3f3; }
td { vertical-align: top; }
)";

// Each part of the book is a document of its own, printed from a new page: its page count is
// its own, and nothing of one chapter (not even the empty paragraph a table leaves at a
// document's end) spills onto the next chapter's first page.
class Layout
{
public:
    Layout(QPdfWriter &pdf, QRectF body) : m_pdf(pdf), m_body(body) {}

    // `diagrams` counts the drawings placed.
    std::unique_ptr<QTextDocument> document(const std::string &html, const HandbookChapter *chapter = nullptr,
                                            int *diagrams = nullptr) const
    {
        auto document = std::make_unique<QTextDocument>();
        document->documentLayout()->setPaintDevice(&m_pdf);
        document->setPageSize(m_body.size());
        document->setDocumentMargin(0);
        document->setDefaultFont(printFont(9));
        document->setDefaultStyleSheet(QString::fromLatin1(kStyle));
        document->setHtml(qs(html));
        if (chapter && !chapter->diagram.nodes.empty()) {
            auto *pictures = new SvgTextObject(
                document.get(), m_pdf.resolution() / 96.0, m_body.width(), m_body.height() * 0.55);
            SvgOptions options;
            options.fontFamily = kFamily;
            if (pictures->replace(qs(chapter->diagramMarker), QByteArray::fromStdString(writeSvg(chapter->diagram, options)))
                && diagrams)
                ++*diagrams;
        }
        return document;
    }

private:
    QPdfWriter &m_pdf;
    QRectF m_body;
};

std::string titleHtml(const Handbook &book)
{
    std::string html = "<h1 style=\"font-size:26pt\">" + escapeHtml(book.title) + "</h1><p>";
    for (const std::string &line : book.stamp)
        html += escapeHtml(line) + "<br/>";
    return html + "</p>";
}

// `pages`: where each chapter starts (0 while not yet known).
std::string contentsHtml(const Handbook &book, const std::vector<int> &pages)
{
    std::string html = "<h2>Contents</h2><table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">";
    for (std::size_t i = 0; i < book.chapters.size(); ++i) {
        const HandbookChapter &chapter = book.chapters[i];
        html += "<tr><td width=\"6%\">" + std::to_string(chapter.number) + "</td><td>" + escapeHtml(chapter.title)
            + "</td><td align=\"right\">" + std::to_string(pages[i]) + "</td></tr>";
    }
    return html + "</table><p></p>";
}

} // namespace

Result<PrintedHandbook> printHandbook(const Handbook &book, const std::string &path)
{
    QSaveFile file(qs(path));
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, "cannot write the handbook: " + file.errorString().toStdString(), path);
    QPdfWriter pdf(&file);
    setUpPdf(pdf, qs(book.title));
    const QRectF body = pageBody(pdf);
    const Layout layout(pdf, body);

    const auto title = layout.document(titleHtml(book));
    std::vector<std::unique_ptr<QTextDocument>> chapters;
    int diagrams = 0;
    for (const HandbookChapter &chapter : book.chapters)
        chapters.push_back(layout.document(chapter.html, &chapter, &diagrams));
    // The contents name pages, which depend on how many pages the contents take: lay them out
    // until the count stands still (page numbers take no extra lines, so twice at most).
    std::vector<int> pages(book.chapters.size(), 0);
    std::unique_ptr<QTextDocument> contents;
    int contentsPages = 0;
    for (int pass = 0; pass < 4; ++pass) {
        contents = layout.document(contentsHtml(book, pages));
        if (pass > 0 && contents->pageCount() == contentsPages)
            break;
        contentsPages = contents->pageCount();
        int next = title->pageCount() + contentsPages + 1;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            pages[i] = next;
            next += chapters[i]->pageCount();
        }
    }

    std::vector<PrintPart> parts{{title.get(), {}}, {contents.get(), QObject::tr("Contents")}};
    for (std::size_t i = 0; i < chapters.size(); ++i)
        parts.push_back({chapters[i].get(), QString::number(book.chapters[i].number) + QStringLiteral("  ")
                                                + qs(book.chapters[i].title)});
    const QString fingerprintLine = book.stamp.size() > 2 ? qs(book.stamp[2]) : QString();
    const qreal line = runningLineHeight(pdf);
    int printedPages = 0;
    paintPages(pdf, parts, body, [&](QPainter &painter, int page, int count, const QString &running) {
        printedPages = count;
        painter.setFont(printFont(7));
        painter.setPen(QColor(0x55, 0x55, 0x55));
        if (page > 1) {
            const QRectF header(0, 0, body.width(), line * 0.6);
            painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, qs(book.title));
            painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, running);
        }
        const QRectF footer(0, body.bottom() + line * 0.4, body.width(), line * 0.6);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, fingerprintLine);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, QObject::tr("Page %1 of %2").arg(page).arg(count));
    });
    if (!file.commit())
        return fail(ErrorCode::Io, "cannot write the handbook: " + file.errorString().toStdString(), path);
    return PrintedHandbook{printedPages, pages, diagrams};
}

} // namespace tributary::print
