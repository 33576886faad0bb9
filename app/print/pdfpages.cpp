// SPDX-License-Identifier: Apache-2.0
#include "pdfpages.h"

#include <QAbstractTextDocumentLayout>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace tributary::print {

void setUpPdf(QPdfWriter &writer, const QString &title)
{
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Tributary"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(18, 12, 18, 12), QPageLayout::Millimeter));
}

qreal runningLineHeight(const QPdfWriter &writer)
{
    // 8 mm: a line of 8 pt text and the space that sets it off from the body.
    return writer.resolution() * 8 / 25.4;
}

QRectF pageBody(const QPdfWriter &writer)
{
    const qreal line = runningLineHeight(writer);
    return QRectF(0, line, writer.width(), writer.height() - 2 * line);
}

void paintPages(QPdfWriter &writer, const std::vector<PrintPart> &parts, const QRectF &body,
    const std::function<void(QPainter &painter, int page, int pages, const QString &running)> &decorate)
{
    int pages = 0;
    for (const PrintPart &part : parts)
        pages += part.document->pageCount();
    QPainter painter(&writer);
    int page = 0;
    for (const PrintPart &part : parts) {
        for (int inPart = 0; inPart < part.document->pageCount(); ++inPart, ++page) {
            if (page > 0)
                writer.newPage();
            const QRectF slice(0, inPart * body.height(), body.width(), body.height());
            painter.save();
            painter.translate(body.left(), body.top() - slice.top());
            painter.setClipRect(slice);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = slice;
            part.document->documentLayout()->draw(&painter, context);
            painter.restore();
            decorate(painter, page + 1, pages, part.running);
        }
    }
}

} // namespace tributary::print
