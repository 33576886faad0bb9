// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <vector>

#include <QRectF>
#include <QString>

class QPainter;
class QPdfWriter;
class QTextDocument;

namespace tributary::print {

// Sets up `writer` for a printed document: A4 portrait, 300 dpi, margins, title and creator.
void setUpPdf(QPdfWriter &writer, const QString &title);

// Where text goes on each page of `writer`, in its device units: the printable area less room
// for a running header and footer.
QRectF pageBody(const QPdfWriter &writer);

// The height of the running header (and of the footer) above and below pageBody().
qreal runningLineHeight(const QPdfWriter &writer);

// A text document laid out for pages (pageSize == pageBody().size()), printed from a new page.
struct PrintPart {
    const QTextDocument *document = nullptr;
    QString running; // what the running header says on its pages
};

// Paints every part page by page, each from a new page, then lets `decorate` draw the header
// and footer of each page (page from 1 across all parts) in the writer's device units.
void paintPages(QPdfWriter &writer, const std::vector<PrintPart> &parts, const QRectF &body,
    const std::function<void(QPainter &painter, int page, int pages, const QString &running)> &decorate);

} // namespace tributary::print
