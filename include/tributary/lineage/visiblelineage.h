// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <vector>

#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/lineagequery.h"

namespace tributary {

// A resource edge between two shown nodes.
struct VisibleEdge {
    NodeId from = kNoId;
    NodeId to = kNoId;
    EdgeKind kind = EdgeKind::Input;
};

// A column edge between two shown resources, at least one of them showing its columns.
struct VisibleColumnEdge {
    ColumnId from = kNoId;
    ColumnId to = kNoId;
    TransformKind transform = TransformKind::Identity;
};

// What a lineage drawing shows of one graph: a set of resources around a centre, the edges
// between them, and for each the neighbours it has that are not shown, so nothing is ever left
// out silently. Expanding and collapsing change the set; resources can show their columns.
// Holds a reference to the graph, which must outlive it. Not thread-safe.
class VisibleLineage
{
public:
    // At most this many resources are shown after a reset (nearest first); the rest stay hidden
    // and counted.
    static constexpr std::size_t kDefaultLimit = 10000;

    explicit VisibleLineage(const LineageGraph &graph, std::size_t limit = kDefaultLimit);

    // Shows `centre` and everything within `up` hops upstream and `down` downstream (-1: all),
    // nearest first up to the limit; columns shown before are hidden again.
    void reset(NodeId centre, int up, int down);
    // Shows every neighbour of `node` one hop `direction` (Up or Down); returns those added.
    std::vector<NodeId> expand(NodeId node, Direction direction);
    // Folds `node`'s side in `direction`: hides the shown nodes beyond it that way which nothing
    // else shown (nor the centre) reaches without passing through `node`. Returns those hidden;
    // `node` and the centre stay.
    std::vector<NodeId> collapse(NodeId node, Direction direction);
    // Shows these nodes too (e.g. the hidden ones on a highlighted path); returns those added.
    std::vector<NodeId> show(const std::vector<NodeId> &nodes);
    // Shows or hides the columns of a shown resource (its value node for features and labels).
    void showColumns(NodeId node, bool shown);
    // Shows exactly `nodes` (a saved view); unknown or absent ids are skipped.
    void restore(
        NodeId centre, const std::vector<NodeId> &nodes, const std::vector<NodeId> &withColumns);

    NodeId centre() const { return m_centre; }
    const std::vector<NodeId> &nodes() const { return m_nodes; } // in the order they were shown
    bool isShown(NodeId node) const { return node < m_shown.size() && m_shown[node]; }
    bool columnsShown(NodeId node) const { return node < m_columns.size() && m_columns[node]; }
    // Neighbours of a shown node that are not shown, upstream and downstream.
    std::size_t hiddenUp(NodeId node) const;
    std::size_t hiddenDown(NodeId node) const;
    // Resources the last reset left out because of the limit (0 when none).
    std::size_t truncated() const { return m_truncated; }

    std::vector<VisibleEdge> edges() const;
    std::vector<VisibleColumnEdge> columnEdges() const;
    const LineageGraph &graph() const { return m_graph; }

private:
    void show(NodeId node);
    void hide(NodeId node);

    const LineageGraph &m_graph;
    std::size_t m_limit;
    NodeId m_centre = kNoId;
    std::vector<NodeId> m_nodes;
    std::vector<bool> m_shown;
    std::vector<bool> m_columns;
    std::size_t m_truncated = 0;
};

} // namespace tributary
