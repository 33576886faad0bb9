// SPDX-License-Identifier: Apache-2.0
// The search behind propagateTags() for one tag: breadth first over column lineage, then a
// shortest-path search over resource lineage whose states are (resource, how it holds the tag).
// The rules it follows are written at the top of tagpropagation.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tributary/lineage/tagpropagation.h"

namespace tributary::lineage {

// Per resource: does any column edge lead into one of its columns?
std::vector<bool> resourcesWithColumnLineage(const LineageGraph &graph);

class Propagator
{
public:
    // `lineage` is resourcesWithColumnLineage(graph); `rule` the policy's rule for `tag` or null.
    Propagator(const LineageGraph &graph, const std::vector<bool> &lineage, std::string tag,
               const PropagationRule *rule);

    void run();
    // Appends one entry per column and resource the tag reached, unsorted.
    void appendResults(std::vector<PropagatedTag> &results) const;

private:
    // How a resource holds the tag; the first three are as a whole, in order of strength.
    enum Slot : std::uint32_t { Direct, Column, Resource, ByColumn, kSlots };
    enum class Origin : std::uint8_t { None, Seed, FromColumn, FromState };
    // Why a resource-level hop was allowed.
    enum class Reason : std::uint8_t { Contains, NoColumnLineage, WholeOverLineage };

    struct ColumnReach {
        std::uint32_t length = 0; // hops from where the tag is written, that hop included; 0: not
        ColumnId parent = kNoId;  // kNoId where the tag is written
        TransformKind transform = TransformKind::Identity;
    };
    struct StateReach {
        std::uint32_t length = 0;
        Origin origin = Origin::None;
        std::uint32_t previous = kNoId; // a column (FromColumn) or a state (FromState)
        EdgeKind edge = EdgeKind::Input;
        Reason reason = Reason::Contains;
    };
    using QueueEntry = std::pair<std::uint32_t, std::uint32_t>; // length, state

    static std::uint32_t state(NodeId node, Slot slot) { return node * kSlots + slot; }
    bool written(const std::vector<std::string> &tags) const;
    bool stops(TransformKind transform) const;
    bool isValueColumn(ColumnId column) const;

    void spreadColumns();
    void seedResources(std::vector<QueueEntry> &queue);
    void spreadResources(std::vector<QueueEntry> &queue);
    void reach(std::uint32_t target, const StateReach &how, std::vector<QueueEntry> &queue);

    std::vector<EvidenceHop> columnPath(ColumnId column) const;
    std::vector<EvidenceHop> statePath(std::uint32_t s) const;
    EvidenceHop columnHop(ColumnId column) const;
    std::string columnRule(TransformKind transform) const;
    std::string resourceRule(std::uint32_t from, std::uint32_t to) const;
    EdgeKind edgeBetween(NodeId from, NodeId to) const;

    const LineageGraph &m_graph;
    const std::vector<bool> &m_lineage;
    std::string m_tag;
    const PropagationRule *m_rule;
    std::vector<ColumnReach> m_columns;
    std::vector<StateReach> m_states; // kSlots per resource
};

} // namespace tributary::lineage
