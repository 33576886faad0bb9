// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "tributary/lineage/lineagesnapshot.h"

namespace tributary {

using NodeId = std::uint32_t;   // a resource, dense from 0
using ColumnId = std::uint32_t; // a column node, dense from 0
inline constexpr std::uint32_t kNoId = UINT32_MAX;

// One step of an adjacency list.
struct LineageStep {
    NodeId node = kNoId;
    EdgeKind kind = EdgeKind::Input;
};

struct ColumnStep {
    ColumnId column = kNoId;
    TransformKind transform = TransformKind::Identity;
};

// What the graph keeps of a resource. Owners and origins (import, file, sha256) repeat across
// thousands of resources, so they are stored once and referred to by index.
struct LineageNode {
    Ref ref;
    std::vector<std::string> tags; // its own tags
    ResourceStatus status = ResourceStatus::Active;
    std::optional<ModelStage> stage;
    std::uint32_t owner = 0;  // LineageGraph::owner()
    std::uint32_t origin = 0; // LineageGraph::provenance()
    int line = 0;
};

// A column node: a column of a source, or the value of a feature or label (empty name).
struct ColumnNode {
    NodeId resource = kNoId;
    std::string name;
    std::vector<std::string> tags;
};

// The lineage of one catalog at one point in history, in compressed sparse rows: forward and
// reverse adjacency for resources and for columns. Immutable once built; safe to share between
// threads for reading.
class LineageGraph
{
public:
    // Edges whose upstream end is not present at the snapshot's point are left out and counted.
    static LineageGraph build(LineageSnapshot snapshot);

    std::size_t nodeCount() const { return m_resources.size(); }
    std::size_t columnCount() const { return m_columns.size(); }
    std::size_t edgeCount() const { return m_down.targets.size(); }
    std::size_t columnEdgeCount() const { return m_columnDown.targets.size(); }
    std::size_t droppedEdges() const { return m_droppedEdges; }

    const LineageNode &resource(NodeId node) const { return m_resources[node]; }
    const std::string &owner(NodeId node) const { return m_owners[m_resources[node].owner]; }
    // The import, file, line and sha256 its definition rests on.
    Provenance provenance(NodeId node) const;
    const ColumnNode &column(ColumnId column) const { return m_columns[column]; }
    std::optional<NodeId> find(const Ref &ref) const;
    std::optional<ColumnId> findColumn(NodeId resource, std::string_view name) const;
    // The value node of a feature or label, if it has column lineage.
    std::optional<ColumnId> valueColumn(NodeId resource) const { return findColumn(resource, {}); }
    // The columns of a resource (its value node included for features and labels).
    std::span<const ColumnId> columnsOf(NodeId resource) const;

    std::span<const LineageStep> downstream(NodeId node) const { return m_down.row(node); }
    std::span<const LineageStep> upstream(NodeId node) const { return m_up.row(node); }
    std::span<const ColumnStep> columnDownstream(ColumnId column) const { return m_columnDown.row(column); }
    std::span<const ColumnStep> columnUpstream(ColumnId column) const { return m_columnUp.row(column); }

    // Where the graph stands in history, and what the catalog's content was.
    const std::optional<ImportId> &import() const { return m_import; }
    Timestamp importedAt() const { return m_importedAt; }
    const std::string &fingerprint() const { return m_fingerprint; }

    // Bytes held by the graph's arrays and strings (approximate, for reports and benchmarks).
    std::size_t memoryBytes() const;

private:
    template <typename Step>
    struct Rows {
        std::vector<std::uint32_t> offsets; // size n + 1
        std::vector<Step> targets;
        std::span<const Step> row(std::uint32_t i) const
        {
            return {targets.data() + offsets[i], targets.data() + offsets[i + 1]};
        }
    };
    template <typename Step>
    static Rows<Step> compress(std::size_t n, std::vector<std::pair<std::uint32_t, Step>> &pairs);

    std::vector<LineageNode> m_resources;
    std::vector<std::string> m_owners;
    std::vector<Provenance> m_origins; // line 0; the node has the line
    std::vector<ColumnNode> m_columns;
    std::vector<std::uint32_t> m_columnOffsets; // per resource, into m_columnsByResource
    std::vector<ColumnId> m_columnsByResource;
    // (hash of the ref, node), sorted: 16 bytes a node where a hash map of ref text took ~100.
    std::vector<std::pair<std::uint64_t, NodeId>> m_byRef;
    Rows<LineageStep> m_down, m_up;
    Rows<ColumnStep> m_columnDown, m_columnUp;
    std::size_t m_droppedEdges = 0;
    std::optional<ImportId> m_import;
    Timestamp m_importedAt;
    std::string m_fingerprint;
};

} // namespace tributary
