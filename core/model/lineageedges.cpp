// SPDX-License-Identifier: Apache-2.0
#include "tributary/model/lineageedges.h"

namespace tributary {

std::string_view edgeKindName(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Input: return "input";
    case EdgeKind::Source: return "source";
    case EdgeKind::Label: return "label";
    case EdgeKind::Feature: return "feature";
    case EdgeKind::TrainingSet: return "training_set";
    case EdgeKind::InferenceFeature: return "inference_feature";
    }
    return "input";
}

std::vector<ResourceEdge> resourceEdgesInto(const Resource &resource)
{
    std::vector<ResourceEdge> edges;
    const auto add = [&](const Reference &from, EdgeKind kind) {
        edges.push_back({from.ref, resource.ref, kind});
    };
    if (const auto *source = resource.as<SourceSpec>()) {
        for (const Reference &input : source->inputs)
            add(input, EdgeKind::Input);
    } else if (const auto *feature = resource.as<FeatureSpec>()) {
        if (feature->source)
            add(*feature->source, EdgeKind::Source);
    } else if (const auto *set = resource.as<TrainingSetSpec>()) {
        if (set->label)
            add(*set->label, EdgeKind::Label);
        for (const Reference &f : set->features)
            add(f, EdgeKind::Feature);
    } else if (const auto *model = resource.as<ModelSpec>()) {
        for (const Reference &trainingSet : model->trainingSets)
            add(trainingSet, EdgeKind::TrainingSet);
        for (const Reference &f : model->features)
            add(f, EdgeKind::InferenceFeature);
    }
    return edges;
}

std::vector<ColumnEdge> columnEdgesInto(const Resource &resource)
{
    std::vector<ColumnEdge> edges;
    if (const auto *source = resource.as<SourceSpec>()) {
        for (const Column &column : source->columns) {
            for (const ColumnDerivation &derivation : column.derivedFrom)
                edges.push_back({derivation.from.ref, {resource.ref, column.name}, derivation.transform});
        }
    } else if (const auto *feature = resource.as<FeatureSpec>()) {
        if (feature->source && !feature->column.empty()) {
            edges.push_back({{feature->source->ref, feature->column}, {resource.ref, {}},
                             TransformKind::Identity});
        }
    }
    return edges;
}

} // namespace tributary
