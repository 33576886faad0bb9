// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <unordered_map>
#include <utility>

#include <QGraphicsScene>

#include "lineagedrawing.h"
#include "tributary/lineage/lineagequery.h"

namespace tributary::ui {

class LineageEdgeItem;
class LineageNodeItem;

// The lineage graph's items: one per shown resource and per edge, placed as the layout said.
// A new drawing updates items in place (what stays keeps its item), so selections and the view
// survive an expand. Marks for paths and the tag overlay are set here.
class LineageScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit LineageScene(QObject *parent = nullptr);

    void setDrawing(const LineageDrawing &drawing);
    const LineageDrawing &drawing() const { return m_drawing; }
    LineageNodeItem *nodeItem(NodeId node) const;
    std::vector<LineageNodeItem *> nodeItems() const;
    std::vector<LineageEdgeItem *> edgeItems() const { return m_edges; }

    // Highlights `nodes` and the edges between consecutive ones of any path; `dimOthers` greys
    // out the rest (focus mode). Empty sets clear the marks.
    void setHighlight(const std::set<NodeId> &nodes,
        const std::set<std::pair<NodeId, NodeId>> &edges, bool dimOthers);
    // The tag overlay: nodes the tag reached (true: written there).
    void setOverlay(const std::unordered_map<NodeId, bool> &reached);
    // Where a node was dropped after a drag (the panel pins it there).
    void notifyMoved(NodeId node, QPointF centre);
    // The edges of a node follow it while it is dragged.
    void nodeMoving(NodeId node);

    // While the view moves, items draw without antialiasing (a dense fan of curves costs many
    // times more smoothed); the view draws once more, smoothed, when it stops.
    void setMoving(bool moving) { m_moving = moving; }
    bool moving() const { return m_moving; }

    // Called by node items.
    void requestExpand(NodeId node, Direction direction)
    {
        Q_EMIT expandRequested(node, direction);
    }
    void requestCollapse(NodeId node, Direction direction)
    {
        Q_EMIT collapseRequested(node, direction);
    }
    void requestOpen(NodeId node) { Q_EMIT openRequested(node); }

Q_SIGNALS:
    void expandRequested(tributary::NodeId node, tributary::Direction direction);
    void collapseRequested(tributary::NodeId node, tributary::Direction direction);
    // Double click or Enter: show the asset's details.
    void openRequested(tributary::NodeId node);
    void nodeMoved(tributary::NodeId node, QPointF centre);
    // A new drawing replaced the items.
    void drawingChanged();

private:
    LineageDrawing m_drawing;
    std::unordered_map<NodeId, LineageNodeItem *> m_nodes;
    std::vector<LineageEdgeItem *> m_edges;
    bool m_moving = false;
};

} // namespace tributary::ui
