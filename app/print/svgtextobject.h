// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <vector>

#include <QObject>
#include <QTextObjectInterface>

class QSvgRenderer;
class QTextDocument;

namespace tributary::print {

// Draws SVG pictures inside a QTextDocument as vectors (a PDF keeps them sharp at any zoom; Qt's
// SVG renderer draws their text as outlines, so the names are also written beside them as
// text where they must be found): a drawing's pixel is `pixelScale` device units (its size on screen), shrunk
// where needed to fit `maxWidth` and `maxHeight`.
class SvgTextObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;

    SvgTextObject(QTextDocument *document, qreal pixelScale, qreal maxWidth, qreal maxHeight);
    ~SvgTextObject() override;

    // Replaces the first occurrence of `marker` in the document with the picture `svg`; false
    // when the marker is not there or the SVG does not parse.
    bool replace(const QString &marker, const QByteArray &svg);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    QTextDocument *m_document;
    qreal m_pixelScale;
    qreal m_maxWidth;
    qreal m_maxHeight;
    std::vector<std::unique_ptr<QSvgRenderer>> m_pictures;
};

} // namespace tributary::print
