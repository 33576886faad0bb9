// SPDX-License-Identifier: Apache-2.0
#include "lineageedgeitem.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include "lineagenodeitem.h"
#include "lineagescene.h"

namespace tributary::ui {
namespace {

// A smooth curve through the points, leaving and entering each horizontally.
QPainterPath smoothPath(const std::vector<QPointF> &points)
{
    QPainterPath path(points.front());
    for (std::size_t i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1], b = points[i];
        const double dx = (b.x() - a.x()) / 2;
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    }
    return path;
}

QColor transformColour(TransformKind transform)
{
    switch (transform) {
    case TransformKind::Identity: return QColor(0x25, 0x63, 0xeb);
    case TransformKind::Transformed: return QColor(0x7c, 0x3a, 0xed);
    case TransformKind::Aggregated: return QColor(0xd9, 0x77, 0x06);
    case TransformKind::Masked: return QColor(0x05, 0x96, 0x69);
    }
    return Qt::gray;
}

QRectF boundsOf(const QPointF &a, const QPointF &b, const QPointF &c, const QPointF &d)
{
    const double left = std::min({a.x(), b.x(), c.x(), d.x()}),
                 right = std::max({a.x(), b.x(), c.x(), d.x()});
    const double top = std::min({a.y(), b.y(), c.y(), d.y()}),
                 bottom = std::max({a.y(), b.y(), c.y(), d.y()});
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

// Draws the part of a cubic that can show in `clip`: halves that miss it are dropped, so a
// curve thousands of pixels long costs what its visible stretch costs (the painter would
// otherwise flatten and stroke all of it).
void drawClippedCubic(
    QPainter *painter, QPointF a, QPointF b, QPointF c, QPointF d, const QRectF &clip, int depth)
{
    const QRectF bounds = boundsOf(a, b, c, d);
    if (!bounds.intersects(clip))
        return;
    if (depth == 0 || (bounds.width() < 2 * clip.width() && bounds.height() < 2 * clip.height())) {
        QPainterPath path(a);
        path.cubicTo(b, c, d);
        painter->drawPath(path);
        return;
    }
    // de Casteljau at t = 1/2: two cubics that together are exactly this one.
    const QPointF ab = (a + b) / 2, bc = (b + c) / 2, cd = (c + d) / 2;
    const QPointF abc = (ab + bc) / 2, bcd = (bc + cd) / 2, middle = (abc + bcd) / 2;
    drawClippedCubic(painter, a, ab, abc, middle, clip, depth - 1);
    drawClippedCubic(painter, middle, bcd, cd, d, clip, depth - 1);
}

} // namespace

LineageEdgeItem::LineageEdgeItem(
    LineageNodeItem *from, LineageNodeItem *to, const DrawingEdge &edge)
    : m_from(from)
    , m_to(to)
    , m_edge(edge)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // paint() gets the exposed rectangle
    setToolTip(QStringLiteral("%1 → %2 (%3)")
                   .arg(from->node().title, to->node().title,
                       QString::fromUtf8(edgeKindName(edge.kind).data())));
    applyPen();
    updatePath();
}

LineageEdgeItem::LineageEdgeItem(
    LineageNodeItem *from, LineageNodeItem *to, const DrawingColumnEdge &edge)
    : m_from(from)
    , m_to(to)
    , m_columnEdge(edge)
    , m_column(true)
{
    setZValue(0.5);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);
    setToolTip(QStringLiteral("%1#%2 → %3#%4 (%5)")
                   .arg(from->node().title, edge.fromColumn, to->node().title, edge.toColumn,
                       QString::fromUtf8(transformName(edge.transform).data())));
    applyPen();
    updatePath();
}

std::vector<QPointF> LineageEdgeItem::routePoints() const
{
    if (m_column)
        return {m_from->port(true, m_columnEdge.fromRow), m_to->port(false, m_columnEdge.toRow)};
    // The layout's bends, between the ports where the nodes are now (a dragged node pulls its
    // ends along; the bends stay in the gaps the layout left for them).
    std::vector<QPointF> points{m_from->port(true)};
    if (m_edge.route.size() > 2)
        points.insert(points.end(), m_edge.route.begin() + 1, m_edge.route.end() - 1);
    points.push_back(m_to->port(false));
    return points;
}

void LineageEdgeItem::updatePath()
{
    const std::vector<QPointF> points = routePoints();
    setPath(smoothPath(points));
    // An arrow head at the target, pointing along the last stretch (horizontal into the node).
    const QPointF tip = points.back();
    m_arrow = QPolygonF({tip, tip + QPointF(-9, -4.5), tip + QPointF(-9, 4.5)});
}

void LineageEdgeItem::applyPen()
{
    const QPalette palette = QApplication::palette();
    QColor colour
        = m_column ? transformColour(m_columnEdge.transform) : palette.color(QPalette::Mid);
    double width = m_column ? 1.2 : 1.4;
    Qt::PenStyle style = Qt::SolidLine;
    if (m_column && m_columnEdge.transform != TransformKind::Identity)
        style = Qt::DashLine;
    if (m_overlay) {
        colour = QColor(0xf5, 0x9e, 0x0b);
        width = 2.5;
    }
    if (m_mark == Highlighted) {
        colour = palette.color(QPalette::Highlight);
        width = 3;
    }
    QPen pen(colour, width, style, Qt::RoundCap);
    // A plain edge is one device pixel at any zoom: the painter draws those with its fast
    // cosmetic stroker, where a wider pen goes through the general one (many times slower on a
    // dense fan of long curves).
    if (m_mark != Highlighted && !m_overlay) {
        pen.setWidthF(1);
        pen.setCosmetic(true);
    }
    setPen(pen);
    setOpacity(m_mark == Dimmed ? 0.12 : 1.0);
}

void LineageEdgeItem::setMark(Mark mark)
{
    if (m_mark == mark)
        return;
    m_mark = mark;
    setZValue(mark == Highlighted ? 0.8 : (m_column ? 0.5 : 0));
    applyPen();
}

void LineageEdgeItem::setOverlay(bool reached)
{
    if (m_overlay == reached)
        return;
    m_overlay = reached;
    applyPen();
}

void LineageEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setPen(pen());
    painter->setBrush(Qt::NoBrush);
    const std::vector<QPointF> points = routePoints();
    if (lod < 0.3) {
        // Far out: straight, unsmoothed lines are as good and far cheaper.
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->drawPolyline(points.data(), int(points.size()));
        painter->setRenderHint(QPainter::Antialiasing, true);
        return;
    }
    const bool moving = static_cast<const LineageScene *>(scene())->moving();
    if (moving)
        painter->setRenderHint(QPainter::Antialiasing, false);
    // Only what is exposed, stretch by stretch (see drawClippedCubic).
    const QRectF clip = option->exposedRect.adjusted(-4, -4, 4, 4);
    for (std::size_t i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1], d = points[i];
        const QPointF bend((d.x() - a.x()) / 2, 0);
        drawClippedCubic(painter, a, a + bend, d - bend, d, clip, 12);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen().color());
    painter->drawPolygon(m_arrow);
    if (moving)
        painter->setRenderHint(QPainter::Antialiasing, true);
}

} // namespace tributary::ui
