// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tributary/base/diagnostic.h"
#include "tributary/lineage/lineagegraph.h"

namespace tributary {

// Which transform kinds stop tags of a prefix (`policy.yaml`: propagation: {pii: {stop_at: [...]}}).
struct PropagationRule {
    std::string prefix; // "pii" matches pii and pii:*; "pii:direct" only itself
    std::set<TransformKind> stopAt;
};

struct PropagationPolicy {
    std::vector<PropagationRule> rules;

    // The most specific rule for `tag` (longest matching prefix), or nullptr: every transform
    // lets it through.
    const PropagationRule *ruleFor(const std::string &tag) const;
};

// Reads a policy file. Missing file: an empty policy. Problems are diagnostics with places.
PropagationPolicy readPropagationPolicy(const std::string &path, Diagnostics &diagnostics);

enum class EvidenceStrength {
    Direct,   // the tag is written on this column or resource
    Column,   // it travelled along column lineage
    Resource, // it travelled along resource lineage only (weaker: no column lineage says how)
};

std::string_view evidenceStrengthName(EvidenceStrength strength);

// One hop of the way a tag travelled: a column (column set) or a resource (column kNoId).
struct EvidenceHop {
    NodeId resource = kNoId;
    ColumnId column = kNoId;
    EdgeKind edge = EdgeKind::Input;               // resource-level edge into this hop
    TransformKind transform = TransformKind::Identity; // column-level edge into this hop
    std::string rule;                              // why the hop was allowed, for people
};

// A tag that reached a resource (or one of its columns), and the way it came.
struct PropagatedTag {
    std::string tag;
    NodeId resource = kNoId;
    ColumnId column = kNoId; // kNoId when the tag reached the resource as a whole
    EvidenceStrength strength = EvidenceStrength::Direct;
    std::vector<EvidenceHop> path; // from where the tag is written to here
};

struct TagQuery {
    std::string pattern; // "pii:direct", "pii" (pii and pii:*), or "pii:*"
};

// Every place the matching tags are written and everywhere they travel, each with one shortest
// evidence path. Stops follow the policy; where a source has no column lineage, tags carry on at
// resource level, marked Resource.
std::vector<PropagatedTag> propagateTags(const LineageGraph &graph, const PropagationPolicy &policy,
                                         const TagQuery &query);

// Does `tag` match `pattern` ("pii" matches "pii:direct"; "pii:*" too; otherwise equality)?
bool tagMatches(std::string_view pattern, std::string_view tag);

} // namespace tributary
