// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tributary/base/sourcelocation.h"
#include "tributary/model/ref.h"

namespace tributary {

enum class ResourceStatus { Draft, Active, Deprecated, Retired };
enum class SourceType { Table, File, Stream, Transformation };
enum class TransformKind { Identity, Transformed, Aggregated, Masked };
enum class ModelStage { Development, Staging, Production, Archived };

std::string_view statusName(ResourceStatus status);
std::optional<ResourceStatus> parseStatus(std::string_view text);
std::string_view sourceTypeName(SourceType type);
std::optional<SourceType> parseSourceType(std::string_view text);
std::string_view transformName(TransformKind kind);
std::optional<TransformKind> parseTransform(std::string_view text);
std::string_view stageName(ModelStage stage);
std::optional<ModelStage> parseStage(std::string_view text);

// A reference to another resource together with where it was written.
struct Reference {
    Ref ref;
    SourceLocation where;
};

struct ColumnReference {
    ColumnRef ref;
    SourceLocation where;
};

// A [[kind:name@version]] link in a description: what it points at, as written.
struct DescriptionLink {
    Reference target;
    std::string text; // between the brackets
};

// One entry of a column's `derived_from`.
struct ColumnDerivation {
    ColumnReference from;
    TransformKind transform = TransformKind::Identity;
};

struct Column {
    std::string name;
    std::string type;
    // Metadata: may change between imports of the same version (kept as revisions).
    std::string description;
    std::vector<std::string> tags;
    // Definition: fixed once the version is imported.
    std::vector<ColumnDerivation> derivedFrom;
    SourceLocation where;
};

struct HistogramBucket {
    std::string bucket;
    double count = 0;
};

struct FeatureStats {
    std::optional<double> count;
    std::optional<double> nullFraction;
    std::optional<double> mean;
    std::optional<double> min;
    std::optional<double> max;
    std::vector<HistogramBucket> histogram;
};

// Fields every kind has. They are the resource's metadata: changing them makes a revision,
// not a new version.
struct Metadata {
    std::string description; // Markdown, may hold [[kind:name@version]] links
    std::string owner;
    std::vector<std::string> tags;
    std::map<std::string, std::string> properties;
    ResourceStatus status = ResourceStatus::Active;
};

struct ProviderSpec {
    std::string type; // bigquery, snowflake, postgres, s3, ...
};

struct EntitySpec {};

struct SourceSpec {
    std::optional<Reference> provider;
    SourceType type = SourceType::Table;
    std::string location;
    std::vector<Column> columns;
    std::vector<Reference> inputs; // transformations only
    std::string definition;
    std::string language;

    const Column *findColumn(std::string_view name) const;
};

// A feature or a label: a value column of a source, per entity.
struct FeatureSpec {
    std::optional<Reference> entity;
    std::optional<Reference> source;
    std::string column;
    SourceLocation columnWhere;
    std::string type;
    std::string definition;
    std::string language;
    std::optional<FeatureStats> stats;
};

struct TrainingSetSpec {
    std::optional<Reference> label;
    std::vector<Reference> features;
};

struct ModelSpec {
    std::vector<Reference> trainingSets;
    std::vector<Reference> features; // used at inference, not in a training set
    ModelStage stage = ModelStage::Development;
    std::map<std::string, double> metrics;
};

using ResourceSpec =
    std::variant<ProviderSpec, EntitySpec, SourceSpec, FeatureSpec, TrainingSetSpec, ModelSpec>;

// One resource (one version of it) as defined in a catalog.
struct Resource {
    Ref ref;
    SourceLocation where; // where its definition starts
    Metadata meta;
    ResourceSpec spec;
    // The [[kind:name@version]] links of the description, where each was written.
    std::vector<DescriptionLink> links;

    ResourceKind kind() const { return ref.kind; }
    // The kind-specific part; nullptr when the resource is of another kind.
    template <typename Spec>
    const Spec *as() const { return std::get_if<Spec>(&spec); }
    template <typename Spec>
    Spec *as() { return std::get_if<Spec>(&spec); }
};

// An empty spec of the right alternative for the kind.
ResourceSpec makeSpec(ResourceKind kind);

} // namespace tributary
