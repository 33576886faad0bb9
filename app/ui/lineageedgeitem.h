// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsPathItem>

#include "lineagedrawing.h"

namespace tributary::ui {

class LineageNodeItem;

// A lineage edge: the layout's route as a smooth curve with an arrow, between two node items
// (following them when one is dragged). Column edges run row to row, dashed by transform.
class LineageEdgeItem : public QGraphicsPathItem
{
public:
    enum Mark { Normal, Highlighted, Dimmed };
    static constexpr int Type = UserType + 2;

    LineageEdgeItem(LineageNodeItem *from, LineageNodeItem *to, const DrawingEdge &edge);
    LineageEdgeItem(LineageNodeItem *from, LineageNodeItem *to, const DrawingColumnEdge &edge);

    // Recomputes the curve from the nodes' current places (the route's middle is kept).
    void updatePath();
    void setMark(Mark mark);
    void setOverlay(bool reached);
    Mark mark() const { return m_mark; }
    bool isColumnEdge() const { return m_column; }
    LineageNodeItem *fromItem() const { return m_from; }
    LineageNodeItem *toItem() const { return m_to; }
    const DrawingEdge &edge() const { return m_edge; }
    const DrawingColumnEdge &columnEdge() const { return m_columnEdge; }
    // The points of the curve as drawn (for exports).
    std::vector<QPointF> routePoints() const;

    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void applyPen();

    LineageNodeItem *m_from;
    LineageNodeItem *m_to;
    DrawingEdge m_edge;
    DrawingColumnEdge m_columnEdge;
    bool m_column = false;
    Mark m_mark = Normal;
    bool m_overlay = false;
    QPolygonF m_arrow;
};

} // namespace tributary::ui
