// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsItem>

#include "lineagedrawing.h"

namespace tributary::ui {

// A resource in the lineage graph: a box with its kind's colour, name@version, marks for its
// tags, and on each side the count of neighbours not shown (click: show them; when none are
// hidden, hovering offers to fold that side). Shown columns are rows below the title. Draws less
// when zoomed out.
class LineageNodeItem : public QGraphicsItem
{
public:
    enum Mark { Normal, Highlighted, Dimmed };
    static constexpr int Type = UserType + 1;

    explicit LineageNodeItem(const DrawingNode &node);

    void setNode(const DrawingNode &node);
    const DrawingNode &node() const { return m_node; }
    void setMark(Mark mark);
    // The tag overlay: the tag reached this node (strong: written here, not propagated).
    void setOverlay(bool reached, bool strong);
    Mark mark() const { return m_mark; }
    bool overlaid() const { return m_overlay; }
    // Where an edge meets this node: the left (in) or right (out) side, at a column's row
    // (-1: the title).
    QPointF port(bool out, int row = -1) const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The clickable badges, in item coordinates.
    QRectF upBadge() const;
    QRectF downBadge() const;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QRectF box() const;
    void paintBadge(QPainter *painter, const QRectF &rect, std::size_t hidden, bool canFold) const;

    DrawingNode m_node;
    Mark m_mark = Normal;
    bool m_overlay = false;
    bool m_overlayStrong = false;
    bool m_hovered = false;
    QPointF m_pressedAt;
};

} // namespace tributary::ui
