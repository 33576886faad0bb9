// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include "tributary/model/resource.h"

namespace tributary {

// Why one resource feeds another.
enum class EdgeKind {
    Input,            // source or model -> transformation (its `inputs`)
    Source,           // source -> feature or label (its `source`)
    Label,            // label -> training set
    Feature,          // feature -> training set
    TrainingSet,      // training set -> model
    InferenceFeature, // feature -> model (its `features`)
};

std::string_view edgeKindName(EdgeKind kind);

struct ResourceEdge {
    Ref from;
    Ref to;
    EdgeKind kind = EdgeKind::Input;

    auto operator<=>(const ResourceEdge &) const = default;
};

// Column-level lineage. `to.column` is empty where the target is a feature or label as a whole
// (the source column is its value column).
struct ColumnEdge {
    ColumnRef from;
    ColumnRef to;
    TransformKind transform = TransformKind::Identity;

    auto operator<=>(const ColumnEdge &) const = default;
};

// The edges that point into `resource`, as its definition states them (upstream -> resource).
std::vector<ResourceEdge> resourceEdgesInto(const Resource &resource);
std::vector<ColumnEdge> columnEdgesInto(const Resource &resource);

} // namespace tributary
