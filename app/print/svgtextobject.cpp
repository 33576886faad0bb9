// SPDX-License-Identifier: Apache-2.0
#include "svgtextobject.h"

#include <algorithm>

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextCursor>
#include <QTextDocument>

namespace tributary::print {
namespace {
constexpr int kPictureProperty = QTextFormat::UserProperty + 1;
}

SvgTextObject::SvgTextObject(QTextDocument *document, qreal pixelScale, qreal maxWidth, qreal maxHeight)
    : QObject(document), m_document(document), m_pixelScale(pixelScale), m_maxWidth(maxWidth),
      m_maxHeight(maxHeight)
{
    document->documentLayout()->registerHandler(kObjectType, this);
}

SvgTextObject::~SvgTextObject() = default;

bool SvgTextObject::replace(const QString &marker, const QByteArray &svg)
{
    QTextCursor found = m_document->find(marker);
    if (found.isNull())
        return false;
    auto renderer = std::make_unique<QSvgRenderer>(svg);
    if (!renderer->isValid())
        return false;
    QTextCharFormat format;
    format.setObjectType(kObjectType);
    format.setProperty(kPictureProperty, int(m_pictures.size()));
    m_pictures.push_back(std::move(renderer));
    found.insertText(QString(QChar::ObjectReplacementCharacter), format);
    return true;
}

QSizeF SvgTextObject::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.property(kPictureProperty).toInt();
    if (index < 0 || std::size_t(index) >= m_pictures.size())
        return {};
    const QSizeF natural = m_pictures[std::size_t(index)]->viewBoxF().size();
    if (natural.isEmpty())
        return {};
    const qreal scale = std::min({m_pixelScale, m_maxWidth / natural.width(), m_maxHeight / natural.height()});
    return natural * scale;
}

void SvgTextObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                               const QTextFormat &format)
{
    const int index = format.property(kPictureProperty).toInt();
    if (index >= 0 && std::size_t(index) < m_pictures.size())
        m_pictures[std::size_t(index)]->render(painter, rect);
}

} // namespace tributary::print
