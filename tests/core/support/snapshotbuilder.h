// SPDX-License-Identifier: Apache-2.0
// Test helper: lineage graphs written by hand, as "kind:name@v" refs and the edges between them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tributary/lineage/lineagegraph.h"
#include "tributary/model/ref.h"

namespace tributary {

class SnapshotBuilder
{
public:
    SnapshotBuilder &node(const std::string &text, std::vector<std::string> columns = {})
    {
        auto parsed = parseRefText(text);
        const Ref ref{*parsed->kind, parsed->name, parsed->version.value_or("")};
        m_index[text] = m_snapshot.resources.size();
        m_snapshot.resources.push_back(
            {ref, "owner-of-" + parsed->name, {}, ResourceStatus::Active, {}, {}});
        for (const std::string &column : columns)
            m_snapshot.columns.push_back({m_index[text], column, {}});
        return *this;
    }
    SnapshotBuilder &edge(const std::string &from, const std::string &to, EdgeKind kind)
    {
        m_snapshot.edges.push_back(
            {m_snapshot.resources[m_index.at(from)].ref, m_index.at(to), kind});
        return *this;
    }
    // A column edge; an empty `toColumn` is the value of a feature or label.
    SnapshotBuilder &columnEdge(const std::string &from, const std::string &fromColumn,
        const std::string &to, const std::string &toColumn,
        TransformKind transform = TransformKind::Identity)
    {
        m_snapshot.columnEdges.push_back({m_snapshot.resources[m_index.at(from)].ref, fromColumn,
            m_index.at(to), toColumn, transform});
        return *this;
    }
    LineageGraph build() { return LineageGraph::build(m_snapshot); }
    NodeId id(const std::string &text) const { return NodeId(m_index.at(text)); }

private:
    LineageSnapshot m_snapshot;
    std::map<std::string, std::size_t> m_index;
};

} // namespace tributary
