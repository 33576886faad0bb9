// SPDX-License-Identifier: Apache-2.0
#include "lineageview.h"

#include <cmath>
#include <limits>

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include "lineagenodeitem.h"
#include "lineagescene.h"
#include "minimap.h"

namespace tributary::ui {

LineageView::LineageView(LineageScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_minimap(new Minimap(scene, this, this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(180);
    connect(m_settle, &QTimer::timeout, this, [this] {
        m_scene->setMoving(false);
        viewport()->update();
    });
    setDragMode(QGraphicsView::ScrollHandDrag);
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(
        QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Lineage graph"));
    connect(scene, &LineageScene::drawingChanged, this, [this] {
        const QSize before = m_minimap->size();
        placeMinimap(); // a new size renders the picture again by itself
        if (m_minimap->size() == before)
            m_minimap->refit();
    });
    placeMinimap();
}

void LineageView::fit()
{
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    // Never larger than life: a small graph sits at 100%.
    if (zoom() > 1)
        setTransform(QTransform());
    updateMinimap();
}

void LineageView::updateMinimap()
{
    // Only useful when part of the drawing is out of sight.
    const QRectF shown = mapToScene(viewport()->rect()).boundingRect();
    m_minimap->setVisible(!shown.contains(sceneRect().adjusted(60, 60, -60, -60)));
    m_minimap->update();
}

double LineageView::zoom() const
{
    return transform().m11();
}

void LineageView::zoomBy(double factor)
{
    const double next = std::clamp(zoom() * factor, 0.02, 4.0);
    moved();
    scale(next / zoom(), next / zoom());
    updateMinimap();
}

void LineageView::moved()
{
    m_scene->setMoving(true);
    m_settle->start();
}

void LineageView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void LineageView::selectNode(NodeId node)
{
    LineageNodeItem *item = m_scene->nodeItem(node);
    if (!item)
        return;
    m_scene->clearSelection();
    item->setSelected(true);
    m_scene->setFocusItem(item);
    ensureVisible(item, 60, 60);
}

LineageNodeItem *LineageView::currentNode() const
{
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == LineageNodeItem::Type)
            return static_cast<LineageNodeItem *>(item);
    }
    return nullptr;
}

LineageNodeItem *LineageView::step(LineageNodeItem *from, int key) const
{
    LineageNodeItem *best = nullptr;
    double bestDistance = std::numeric_limits<double>::max();
    const QPointF at = from->pos();
    const double sameLayer = from->node().width / 2;
    for (LineageNodeItem *item : m_scene->nodeItems()) {
        if (item == from)
            continue;
        const QPointF d = item->pos() - at;
        const bool fits = key == Qt::Key_Left ? d.x() < -sameLayer
            : key == Qt::Key_Right            ? d.x() > sameLayer
            : key == Qt::Key_Up               ? std::abs(d.x()) <= sameLayer && d.y() < 0
                                              : std::abs(d.x()) <= sameLayer && d.y() > 0;
        if (!fits)
            continue;
        // Along the direction counts once, across it three times: the next column's nearest row.
        const bool horizontal = key == Qt::Key_Left || key == Qt::Key_Right;
        const double distance = horizontal ? std::abs(d.x()) + 3 * std::abs(d.y())
                                           : std::abs(d.y()) + 3 * std::abs(d.x());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = item;
        }
    }
    return best;
}

void LineageView::keyPressEvent(QKeyEvent *event)
{
    LineageNodeItem *current = currentNode();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        LineageNodeItem *next = current ? step(current, event->key()) : nullptr;
        if (!current && !m_scene->nodeItems().empty())
            next = m_scene->nodeItems().front();
        if (next)
            selectNode(next->node().node);
        event->accept();
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current)
            m_scene->requestOpen(current->node().node);
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (event->modifiers() & Qt::ControlModifier)
            zoomBy(1.25);
        else if (current)
            m_scene->requestExpand(current->node().node, Direction::Both);
        event->accept();
        return;
    case Qt::Key_Minus:
        if (event->modifiers() & Qt::ControlModifier)
            zoomBy(0.8);
        else if (current)
            m_scene->requestCollapse(current->node().node, Direction::Down);
        event->accept();
        return;
    case Qt::Key_F:
    case Qt::Key_0:
        fit();
        event->accept();
        return;
    default: QGraphicsView::keyPressEvent(event);
    }
}

void LineageView::placeMinimap()
{
    // The drawing's shape, at most a fifth of the view wide and a third high.
    const QSizeF scene = sceneRect().size();
    const QSizeF room(
        std::max(60, viewport()->width() / 5), std::max(60, viewport()->height() / 3));
    QSizeF size = scene.isEmpty() ? room : scene.scaled(room, Qt::KeepAspectRatio);
    size = size.expandedTo(QSizeF(40, 40));
    m_minimap->setGeometry(int(viewport()->width() - size.width() - 8),
        int(viewport()->height() - size.height() - 8), int(size.width()), int(size.height()));
    updateMinimap();
}

void LineageView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
}

void LineageView::scrollContentsBy(int dx, int dy)
{
    moved();
    QGraphicsView::scrollContentsBy(dx, dy);
    updateMinimap();
}

} // namespace tributary::ui
