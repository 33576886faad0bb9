// SPDX-License-Identifier: Apache-2.0
// Tag propagation: where the tags matching a pattern are written and everywhere they travel,
// each with one shortest evidence path. Decisions where the contract is silent
// (docs/catalog-format.md):
// - Patterns: `*` matches every tag; `pii` matches `pii` and `pii:` + anything; `pii:*` only the
//   `pii:` forms, not `pii` itself (it is written out as a prefix); a pattern with a colon
//   (`pii:direct`) only itself. Any other `*` is a plain character; an empty pattern matches
//   nothing. Each matching tag travels on its own, under the policy rule for that tag.
// - Column lineage is followed breadth first, so the evidence is a shortest path. An edge whose
//   transform kind the tag's rule stops at is not followed and leaves no trace.
// - Features and labels are reported as a whole (column kNoId), never by their value column; the
//   path of one reached by column lineage ends at its value column. Sources are reported by the
//   columns the tag reached; a source has an entry of its own only when the tag is written on it
//   or reaches it at resource level.
// - A resource holds a tag as a whole when the tag is written on it, when it is a feature or
//   label reached by column, or when the tag reached it at resource level; a source whose
//   columns carry the tag holds it by column. A resource edge into
//   - a training set or model (no columns: the edge is its whole lineage) always passes;
//   - a resource without column lineage (no column edge into any of its columns) passes: the
//     contract's fallback;
//   - a source, feature or label with column lineage passes only from a resource holding the tag
//     as a whole, since no column carries it there. From a source holding it by column, only the
//     columns decide, so a masked or aggregated stop really stops it.
// - Strength: Direct where written. Column when the path travelled a column edge and entered
//   every source, feature and label by column (a model reached from a feature reached by column
//   is Column). Otherwise Resource: the path crossed a fallback hop, or resource edges alone (a
//   tag written on a feature, carried to its training sets and models).
// - One entry per (tag, resource, column): the strongest evidence, then the shortest path, so
//   Column beats a shorter Resource path. Equal paths are decided by graph order. Results are
//   sorted by tag, Ref::toString() and column name, a resource's own entry first.
#include "tributary/lineage/tagpropagation.h"

#include <algorithm>
#include <tuple>

#include "propagator_p.h"

namespace tributary {

std::string_view evidenceStrengthName(EvidenceStrength strength)
{
    switch (strength) {
    case EvidenceStrength::Direct: return "direct";
    case EvidenceStrength::Column: return "column";
    case EvidenceStrength::Resource: return "resource";
    }
    return "direct";
}

bool tagMatches(std::string_view pattern, std::string_view tag)
{
    if (pattern == "*")
        return true;
    if (pattern.ends_with(":*")) {
        pattern.remove_suffix(1);
        return tag.starts_with(pattern);
    }
    if (pattern.empty() || tag == pattern)
        return !pattern.empty();
    // A key alone stands for all its key:value forms; a key:value pattern only for itself.
    return pattern.find(':') == std::string_view::npos && tag.size() > pattern.size()
           && tag.starts_with(pattern) && tag[pattern.size()] == ':';
}

std::vector<PropagatedTag> propagateTags(const LineageGraph &graph,
                                         const PropagationPolicy &policy, const TagQuery &query)
{
    std::set<std::string> tags;
    const auto collect = [&](const std::vector<std::string> &written) {
        for (const std::string &tag : written) {
            if (tagMatches(query.pattern, tag))
                tags.insert(tag);
        }
    };
    for (ColumnId c = 0; c < graph.columnCount(); ++c)
        collect(graph.column(c).tags);
    for (NodeId node = 0; node < graph.nodeCount(); ++node)
        collect(graph.resource(node).tags);

    std::vector<PropagatedTag> results;
    if (tags.empty())
        return results;
    const std::vector<bool> lineage = lineage::resourcesWithColumnLineage(graph);
    for (const std::string &tag : tags) {
        lineage::Propagator propagator(graph, lineage, tag, policy.ruleFor(tag));
        propagator.run();
        propagator.appendResults(results);
    }

    // Sort keys, computed once: a resource's own entry (no column) before its columns.
    using Key = std::tuple<std::string_view, std::string, bool, std::string_view, std::size_t>;
    std::vector<Key> keys;
    keys.reserve(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        const PropagatedTag &r = results[i];
        const bool hasColumn = r.column != kNoId;
        const std::string_view column
            = hasColumn ? std::string_view(graph.column(r.column).name) : std::string_view();
        keys.emplace_back(r.tag, graph.resource(r.resource).ref.toString(), hasColumn, column, i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<PropagatedTag> sorted;
    sorted.reserve(results.size());
    for (const auto &key : keys)
        sorted.push_back(std::move(results[std::get<4>(key)]));
    return sorted;
}

} // namespace tributary
