// SPDX-License-Identifier: Apache-2.0
#include "minimap.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPainter>

namespace tributary::ui {

Minimap::Minimap(QGraphicsScene *scene, QGraphicsView *main, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_main(main)
{
    setToolTip(tr("The whole graph; click or drag to move the view"));
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QTransform Minimap::toMinimap() const
{
    if (m_source.isEmpty())
        return {};
    const double scale
        = std::min((width() - 2) / m_source.width(), (height() - 2) / m_source.height());
    const QPointF offset(
        (width() - m_source.width() * scale) / 2, (height() - m_source.height() * scale) / 2);
    return QTransform::fromTranslate(-m_source.left(), -m_source.top())
        * QTransform::fromScale(scale, scale) * QTransform::fromTranslate(offset.x(), offset.y());
}

void Minimap::refit()
{
    m_source = m_scene->sceneRect();
    m_picture = QPixmap(size() * devicePixelRatioF());
    m_picture.setDevicePixelRatio(devicePixelRatioF());
    m_picture.fill(palette().color(QPalette::Base));
    if (!m_source.isEmpty()) {
        QPainter painter(&m_picture);
        painter.setTransform(toMinimap());
        m_scene->render(&painter, m_source, m_source);
    }
    update();
}

void Minimap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_picture);
    const QRectF shown
        = toMinimap().mapRect(m_main->mapToScene(m_main->viewport()->rect()).boundingRect());
    QColor fill = palette().color(QPalette::Highlight);
    painter.setPen(QPen(fill, 1));
    fill.setAlpha(40);
    painter.setBrush(fill);
    painter.drawRect(shown.intersected(QRectF(rect()).adjusted(0, 0, -1, -1)));
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    bool invertible = false;
    const QTransform back = toMinimap().inverted(&invertible);
    if (invertible)
        m_main->centerOn(back.map(event->position()));
    update();
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        mousePressEvent(event);
}

void Minimap::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refit();
}

} // namespace tributary::ui
