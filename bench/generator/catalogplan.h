// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "vocabulary.h"

// The structure of a synthetic catalog: every resource, reference and column mapping, without
// the prose. Indices point into the vectors of CatalogPlan, and a reference always points at
// something planned before it (inputs at earlier sources), so the lineage has no cycle.

namespace tributary::bench {

enum class Transform : std::uint8_t { Identity, Transformed, Aggregated, Masked };

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

struct PlanDerivation {
    std::uint32_t source;
    std::uint16_t column;
    Transform transform;
};

struct PlanColumn {
    std::string name;
    ColumnType type = ColumnType::String;
    std::uint8_t tags = 0; // kTag* bits; set on raw columns only
    std::uint16_t root = 0; // the columnTemplates() entry this column derives from in the end
    std::uint8_t op = 0; // index into the word list of the transform of derivedFrom[0]
    std::vector<PlanDerivation> derivedFrom;
};

struct PlanSource {
    std::string name;
    std::string version;
    SourceKind kind = SourceKind::Table;
    std::uint8_t provider = 0;
    std::uint8_t entity = 0;
    std::uint8_t domain = 0;
    std::vector<std::uint32_t> inputs; // earlier sources
    std::vector<PlanColumn> columns; // columns[0] is the entity key
};

// A feature or a label.
struct PlanFeature {
    std::string name;
    std::string version;
    std::uint32_t source = 0;
    std::uint16_t column = 0;
    std::uint8_t entity = 0;
    std::uint32_t previous = kNone; // the previous version of the same name
};

struct PlanTrainingSet {
    std::string name;
    std::string version;
    std::uint32_t label = 0;
    std::uint8_t purpose = 0;
    std::vector<std::uint32_t> features;
};

struct PlanModel {
    std::string name;
    std::string version;
    std::uint8_t purpose = 0;
    std::vector<std::uint32_t> trainingSets;
    std::vector<std::uint32_t> features; // inference-only, none of them in the training sets
};

struct EdgeCounts {
    std::uint64_t resource = 0; // source->source, source->feature/label, ... ->model
    std::uint64_t column = 0; // derived_from entries
    std::uint64_t featureColumn = 0; // source column -> feature/label
    std::uint64_t total() const { return resource + column + featureColumn; }
};

struct CatalogPlan {
    std::vector<PlanSource> sources;
    std::vector<PlanFeature> features;
    std::vector<PlanFeature> labels;
    std::vector<PlanTrainingSet> trainingSets;
    std::vector<PlanModel> models;

    // Versioned resources (providers and entities are fixed and not counted).
    std::size_t resourceCount() const;
    EdgeCounts edges() const;
};

// Plans about `resources` versioned resources: 25% sources (40% of them raw), 60% features,
// 3% labels, 7% training sets, 5% models. Same (seed, resources), same plan.
CatalogPlan planCatalog(std::uint64_t seed, std::size_t resources);

// Plans a catalog with about `edges` lineage edges by rescaling the resource count: the
// closest of up to six attempts (within 0.5%, or 1-2% for small catalogs).
CatalogPlan planCatalogForEdges(std::uint64_t seed, std::uint64_t edges);

// The i-th version (from 0) in one of four spellings: v1, 2023-01, 1, 1.0.
std::string versionLabel(int scheme, int index);

} // namespace tributary::bench
