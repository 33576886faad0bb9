// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QPointF>
#include <QString>
#include <QStringList>

#include "tributary/lineage/lineagegraph.h"

namespace tributary::ui {

// One resource as the lineage graph draws it.
struct DrawingNode {
    NodeId node = kNoId;
    Ref ref;
    QString title; // name@version
    QStringList tags;
    QStringList columns; // shown columns, top to bottom (empty: folded)
    std::vector<ColumnId> columnIds; // the same, as column ids
    QPointF centre;
    double width = 0;
    double height = 0;
    std::size_t hiddenUp = 0;
    std::size_t hiddenDown = 0;
    bool shownUp = false; // has shown upstream neighbours (so it can collapse that side)
    bool shownDown = false;
    bool centreNode = false;
    bool pinned = false;
};

struct DrawingEdge {
    NodeId from = kNoId;
    NodeId to = kNoId;
    EdgeKind kind = EdgeKind::Input;
    std::vector<QPointF> route; // from the layout; empty: a straight line between the nodes
};

// A column edge, from a row of one node to a row of another (or to the node's box, when its
// columns are folded: row -1).
struct DrawingColumnEdge {
    NodeId from = kNoId;
    int fromRow = -1;
    NodeId to = kNoId;
    int toRow = -1;
    TransformKind transform = TransformKind::Identity;
    QString fromColumn;
    QString toColumn;
};

// Everything the scene needs to draw one state of the lineage view.
struct LineageDrawing {
    std::vector<DrawingNode> nodes;
    std::vector<DrawingEdge> edges;
    std::vector<DrawingColumnEdge> columnEdges;
    std::size_t crossings = 0;
    std::size_t truncated = 0; // resources left out by the view's limit
};

// Sizes the graph uses for a node, so the layout and the items agree.
struct NodeMetrics {
    static constexpr double kHeaderHeight = 44;
    static constexpr double kRowHeight = 18;
    static constexpr int kMaxRows = 40;
    static double width(const QString &title)
    {
        return std::min(260.0, 60.0 + 7.0 * double(title.size()));
    }
    static double height(int rows)
    {
        return kHeaderHeight + (rows > 0 ? 6 + kRowHeight * std::min(rows, kMaxRows) : 0);
    }
};

} // namespace tributary::ui
