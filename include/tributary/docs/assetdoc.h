// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "tributary/layout/drawngraph.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/catalogstore.h"

namespace tributary {

// A resource one hop away, and the edge between them.
struct AssetNeighbour {
    ResourceSummary summary;
    EdgeKind edge = EdgeKind::Input;
};

// A tag that travelled to a resource (or one of its columns) from elsewhere, for people.
struct AssetTag {
    std::string column; // empty: the resource as a whole (or a feature's value)
    std::string tag;
    EvidenceStrength strength = EvidenceStrength::Column;
    std::string path; // hops joined: "source:a@v1#x -[aggregated]-> feature:f@v1"
    std::string rules; // why each hop let it through, "; "-joined
};

// Everything a documentation page shows of one asset, at one point in history.
struct AssetDoc {
    StoredResource stored;
    std::vector<Ref> versions; // every version of its name present at the as-of point
    std::vector<Revision> history; // revisions of this version up to that point, oldest first
    std::vector<AssetNeighbour> upstream, downstream; // one hop, every one of them
    std::vector<AssetTag> propagated; // tags that travelled here from elsewhere, by column, tag
    // One hop each way, laid out by the core layout; at most kNeighbourhoodLimit nodes, the
    // rest counted in hiddenUp/hiddenDown. Nodes' ids are their refs ("feature:f@v1").
    DrawnGraph neighbourhood;
};

// A propagated tag as people read it: where it arrived, the way it came, the rules it passed.
AssetTag describePropagatedTag(const LineageGraph &graph, const PropagatedTag &tag);

// Builds AssetDocs over one lineage graph (the as-of point's) and a propagation policy: every
// tag is propagated once, at construction. Read-only after construction, safe to share between
// threads (each thread passes its own store). The graph must stand at the same point as the
// `asOf` given to build().
class AssetDocBuilder
{
public:
    static constexpr std::size_t kNeighbourhoodLimit = 40; // nodes drawn, centre included

    AssetDocBuilder(std::shared_ptr<const LineageGraph> graph, const PropagationPolicy &policy);

    // Errors: NotFound (no such resource at `asOf`), Database, Unavailable.
    Result<AssetDoc> build(CatalogStore &store, const Ref &ref, const AsOf &asOf) const;

    // The tags that travelled to `node` (not those written on it), described, by column and tag.
    std::vector<AssetTag> propagatedTo(NodeId node) const;
    // The tags that travelled to `node`, as propagation found them.
    const std::vector<PropagatedTag> &propagatedTags(NodeId node) const;
    const LineageGraph &graph() const { return *m_graph; }

private:
    DrawnGraph neighbourhood(NodeId centre) const;

    std::shared_ptr<const LineageGraph> m_graph;
    std::unordered_map<NodeId, std::vector<PropagatedTag>> m_propagated;
};

} // namespace tributary
