// SPDX-License-Identifier: Apache-2.0
#include "lineagenodeitem.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include "kindnames.h"
#include "lineagescene.h"

namespace tributary::ui {
namespace {

constexpr double kBadge = 22;
const QColor kOverlay(0xf5, 0x9e, 0x0b);

bool isPersonalData(const QStringList &tags)
{
    for (const QString &tag : tags) {
        if (tag == QLatin1String("pii") || tag.startsWith(QLatin1String("pii:")))
            return true;
    }
    return false;
}

} // namespace

LineageNodeItem::LineageNodeItem(const DrawingNode &node)
{
    setFlags(ItemIsSelectable | ItemIsFocusable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(NoCache);
    setZValue(1);
    setNode(node);
}

void LineageNodeItem::setNode(const DrawingNode &node)
{
    prepareGeometryChange();
    m_node = node;
    setPos(node.centre);
    QStringList tip{QString::fromStdString(node.ref.toString())};
    if (!node.tags.isEmpty())
        tip << QObject::tr("tags: %1").arg(node.tags.join(QLatin1Char(' ')));
    tip << QObject::tr("%1 upstream and %2 downstream not shown")
               .arg(node.hiddenUp)
               .arg(node.hiddenDown);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

void LineageNodeItem::setMark(Mark mark)
{
    if (m_mark == mark)
        return;
    m_mark = mark;
    setOpacity(mark == Dimmed ? 0.2 : 1.0);
    update();
}

void LineageNodeItem::setOverlay(bool reached, bool strong)
{
    if (m_overlay == reached && m_overlayStrong == strong)
        return;
    m_overlay = reached;
    m_overlayStrong = strong;
    update();
}

QRectF LineageNodeItem::box() const
{
    return {-m_node.width / 2, -m_node.height / 2, m_node.width, m_node.height};
}

QRectF LineageNodeItem::upBadge() const
{
    // On the left edge, level with the title.
    return {-m_node.width / 2 - kBadge / 2,
        -m_node.height / 2 + (NodeMetrics::kHeaderHeight - kBadge) / 2, kBadge, kBadge};
}

QRectF LineageNodeItem::downBadge() const
{
    QRectF badge = upBadge();
    badge.moveLeft(m_node.width / 2 - kBadge / 2);
    return badge;
}

QPointF LineageNodeItem::port(bool out, int row) const
{
    const double x = pos().x() + (out ? m_node.width / 2 : -m_node.width / 2);
    double y = pos().y() - m_node.height / 2 + NodeMetrics::kHeaderHeight / 2;
    if (row >= 0 && row < m_node.columns.size())
        y = pos().y() - m_node.height / 2 + NodeMetrics::kHeaderHeight + 6
            + NodeMetrics::kRowHeight * (row + 0.5);
    return {x, y};
}

QRectF LineageNodeItem::boundingRect() const
{
    return box().adjusted(-kBadge / 2 - 2, -3, kBadge / 2 + 2, 3);
}

void LineageNodeItem::paintBadge(
    QPainter *painter, const QRectF &rect, std::size_t hidden, bool canFold) const
{
    if (hidden == 0 && !(canFold && m_hovered))
        return;
    const QPalette palette = QApplication::palette();
    painter->setPen(QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(
        hidden > 0 ? palette.color(QPalette::Highlight) : palette.color(QPalette::Button));
    painter->drawRoundedRect(rect, kBadge / 2, kBadge / 2);
    painter->setPen(hidden > 0 ? palette.color(QPalette::HighlightedText)
                               : palette.color(QPalette::ButtonText));
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter,
        hidden > 0 ? (hidden > 99 ? QStringLiteral("99+") : QString::number(hidden))
                   : QStringLiteral("−"));
}

void LineageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QColor colour = kindColour(m_node.ref.kind);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF rect = box();
    // Far out: a coloured block is all one can see.
    if (lod < 0.3) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(rect, m_overlay ? kOverlay : colour);
        painter->setRenderHint(QPainter::Antialiasing, true);
        return;
    }
    QPen border(isSelected() ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
        isSelected() || m_mark == Highlighted ? 3 : 1);
    if (m_mark == Highlighted && !isSelected())
        border.setColor(colour);
    if (m_overlay)
        border = QPen(
            kOverlay, m_overlayStrong ? 4 : 3, m_overlayStrong ? Qt::SolidLine : Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(rect, 6, 6);
    // The kind's strip on the left.
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(QRectF(rect.left(), rect.top(), 6, rect.height()), 3, 3);
    if (lod < 0.55)
        return;
    painter->setPen(palette.color(QPalette::Text));
    // The view does not save painter state between items: start from the application's font.
    QFont font = QApplication::font();
    const QRectF title(
        rect.left() + 12, rect.top() + 3, rect.width() - 24, NodeMetrics::kHeaderHeight / 2);
    font.setBold(m_node.centreNode);
    painter->setFont(font);
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(m_node.title, Qt::ElideMiddle, int(title.width())));
    QFont small = font;
    small.setBold(false);
    small.setPointSizeF(font.pointSizeF() * 0.8);
    painter->setFont(small);
    painter->setPen(colour);
    const QRectF subtitle(
        title.left(), title.bottom() - 2, title.width(), NodeMetrics::kHeaderHeight / 2 - 4);
    QString kind = fromView(kindName(m_node.ref.kind));
    if (m_node.pinned)
        kind += QStringLiteral(" · pinned");
    painter->drawText(subtitle, Qt::AlignLeft | Qt::AlignVCenter, kind);
    // Tag marks on the right of the subtitle: personal data in red, others grey.
    double x = subtitle.right();
    for (const QString &tag : m_node.tags) {
        const QString label = tag.section(QLatin1Char(':'), 0, 0);
        const double w = painter->fontMetrics().horizontalAdvance(label) + 8;
        if (x - w < subtitle.left() + painter->fontMetrics().horizontalAdvance(kind) + 4)
            break;
        x -= w;
        const QRectF mark(x, subtitle.top() + 2, w - 2, subtitle.height() - 4);
        const bool personal = isPersonalData({tag});
        painter->setPen(Qt::NoPen);
        painter->setBrush(personal ? QColor(0xdc, 0x26, 0x26) : palette.color(QPalette::Mid));
        painter->drawRoundedRect(mark, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(mark, Qt::AlignCenter, label);
    }
    // Columns.
    if (!m_node.columns.isEmpty()) {
        painter->setPen(palette.color(QPalette::Mid));
        const double top = rect.top() + NodeMetrics::kHeaderHeight;
        painter->drawLine(QPointF(rect.left() + 6, top), QPointF(rect.right(), top));
        painter->setFont(small);
        for (int i = 0; i < m_node.columns.size() && i < NodeMetrics::kMaxRows; ++i) {
            const QRectF row(rect.left() + 14, top + 6 + NodeMetrics::kRowHeight * i,
                rect.width() - 20, NodeMetrics::kRowHeight);
            painter->setPen(palette.color(QPalette::Text));
            const QString name
                = m_node.columns[i].isEmpty() ? QObject::tr("(value)") : m_node.columns[i];
            painter->drawText(row, Qt::AlignLeft | Qt::AlignVCenter,
                painter->fontMetrics().elidedText(name, Qt::ElideRight, int(row.width())));
        }
    }
    paintBadge(painter, upBadge(), m_node.hiddenUp, m_node.shownUp && !m_node.centreNode);
    paintBadge(painter, downBadge(), m_node.hiddenDown, m_node.shownDown);
}

void LineageNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    auto *lineage = static_cast<LineageScene *>(scene());
    for (const bool up : {true, false}) {
        if (!(up ? upBadge() : downBadge()).contains(event->pos()))
            continue;
        const std::size_t hidden = up ? m_node.hiddenUp : m_node.hiddenDown;
        const Direction direction = up ? Direction::Up : Direction::Down;
        if (hidden > 0)
            lineage->requestExpand(m_node.node, direction);
        else if (up ? m_node.shownUp : m_node.shownDown)
            lineage->requestCollapse(m_node.node, direction);
        event->accept();
        return;
    }
    m_pressedAt = pos();
    QGraphicsItem::mousePressEvent(event);
}

void LineageNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (pos() != m_pressedAt && scene())
        static_cast<LineageScene *>(scene())->notifyMoved(m_node.node, pos());
}

void LineageNodeItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    static_cast<LineageScene *>(scene())->requestOpen(m_node.node);
    event->accept();
}

void LineageNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void LineageNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

QVariant LineageNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && scene())
        static_cast<LineageScene *>(scene())->nodeMoving(m_node.node);
    return QGraphicsItem::itemChange(change, value);
}

} // namespace tributary::ui
