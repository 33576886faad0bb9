// SPDX-License-Identifier: Apache-2.0
#include "lineagescene.h"

#include "lineageedgeitem.h"
#include "lineagenodeitem.h"

namespace tributary::ui {

LineageScene::LineageScene(QObject *parent)
    : QGraphicsScene(parent)
{ }

void LineageScene::setDrawing(const LineageDrawing &drawing)
{
    m_drawing = drawing;
    // Edges are cheap: drawn anew. Nodes that stay keep their item (and selection).
    for (LineageEdgeItem *edge : m_edges)
        delete edge;
    m_edges.clear();
    std::unordered_map<NodeId, LineageNodeItem *> nodes;
    for (const DrawingNode &node : drawing.nodes) {
        LineageNodeItem *item = nullptr;
        if (auto found = m_nodes.find(node.node); found != m_nodes.end()) {
            item = found->second;
            m_nodes.erase(found);
            item->setNode(node);
        } else {
            item = new LineageNodeItem(node);
            addItem(item);
        }
        nodes.emplace(node.node, item);
    }
    for (auto &[node, item] : m_nodes)
        delete item;
    m_nodes = std::move(nodes);
    for (const DrawingEdge &edge : drawing.edges) {
        auto *item = new LineageEdgeItem(m_nodes.at(edge.from), m_nodes.at(edge.to), edge);
        addItem(item);
        m_edges.push_back(item);
    }
    for (const DrawingColumnEdge &edge : drawing.columnEdges) {
        auto *item = new LineageEdgeItem(m_nodes.at(edge.from), m_nodes.at(edge.to), edge);
        addItem(item);
        m_edges.push_back(item);
    }
    setSceneRect(itemsBoundingRect().adjusted(-80, -80, 80, 80));
    Q_EMIT drawingChanged();
}

LineageNodeItem *LineageScene::nodeItem(NodeId node) const
{
    const auto found = m_nodes.find(node);
    return found == m_nodes.end() ? nullptr : found->second;
}

std::vector<LineageNodeItem *> LineageScene::nodeItems() const
{
    std::vector<LineageNodeItem *> items;
    for (const DrawingNode &node : m_drawing.nodes)
        items.push_back(m_nodes.at(node.node));
    return items;
}

void LineageScene::setHighlight(
    const std::set<NodeId> &nodes, const std::set<std::pair<NodeId, NodeId>> &edges, bool dimOthers)
{
    const bool any = !nodes.empty();
    const auto rest = any && dimOthers ? LineageNodeItem::Dimmed : LineageNodeItem::Normal;
    for (auto &[node, item] : m_nodes)
        item->setMark(nodes.count(node) ? LineageNodeItem::Highlighted : rest);
    for (LineageEdgeItem *edge : m_edges) {
        const NodeId from = edge->fromItem()->node().node, to = edge->toItem()->node().node;
        const bool on = !edge->isColumnEdge() && edges.count({from, to});
        edge->setMark(on ? LineageEdgeItem::Highlighted
                         : (any && dimOthers ? LineageEdgeItem::Dimmed : LineageEdgeItem::Normal));
    }
}

void LineageScene::setOverlay(const std::unordered_map<NodeId, bool> &reached)
{
    for (auto &[node, item] : m_nodes) {
        const auto found = reached.find(node);
        item->setOverlay(found != reached.end(), found != reached.end() && found->second);
    }
    for (LineageEdgeItem *edge : m_edges)
        edge->setOverlay(!edge->isColumnEdge() && reached.count(edge->fromItem()->node().node)
            && reached.count(edge->toItem()->node().node));
}

void LineageScene::notifyMoved(NodeId node, QPointF centre)
{
    Q_EMIT nodeMoved(node, centre);
}

void LineageScene::nodeMoving(NodeId node)
{
    for (LineageEdgeItem *edge : m_edges) {
        if (edge->fromItem()->node().node == node || edge->toItem()->node().node == node)
            edge->updatePath();
    }
}

} // namespace tributary::ui
