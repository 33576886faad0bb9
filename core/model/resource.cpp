// SPDX-License-Identifier: Apache-2.0
#include "tributary/model/resource.h"

#include <array>

#include "tributary/model/catalog.h"

namespace tributary {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parseNamed(std::string_view text, const std::array<Enum, N> &values,
                               std::string_view (*name)(Enum))
{
    for (Enum value : values) {
        if (name(value) == text)
            return value;
    }
    return std::nullopt;
}

} // namespace

std::string_view statusName(ResourceStatus status)
{
    switch (status) {
    case ResourceStatus::Draft: return "draft";
    case ResourceStatus::Active: return "active";
    case ResourceStatus::Deprecated: return "deprecated";
    case ResourceStatus::Retired: return "retired";
    }
    return "active";
}

std::optional<ResourceStatus> parseStatus(std::string_view text)
{
    return parseNamed(text,
                      std::array{ResourceStatus::Draft, ResourceStatus::Active,
                                 ResourceStatus::Deprecated, ResourceStatus::Retired},
                      statusName);
}

std::string_view sourceTypeName(SourceType type)
{
    switch (type) {
    case SourceType::Table: return "table";
    case SourceType::File: return "file";
    case SourceType::Stream: return "stream";
    case SourceType::Transformation: return "transformation";
    }
    return "table";
}

std::optional<SourceType> parseSourceType(std::string_view text)
{
    return parseNamed(text,
                      std::array{SourceType::Table, SourceType::File, SourceType::Stream,
                                 SourceType::Transformation},
                      sourceTypeName);
}

std::string_view transformName(TransformKind kind)
{
    switch (kind) {
    case TransformKind::Identity: return "identity";
    case TransformKind::Transformed: return "transformed";
    case TransformKind::Aggregated: return "aggregated";
    case TransformKind::Masked: return "masked";
    }
    return "identity";
}

std::optional<TransformKind> parseTransform(std::string_view text)
{
    return parseNamed(text,
                      std::array{TransformKind::Identity, TransformKind::Transformed,
                                 TransformKind::Aggregated, TransformKind::Masked},
                      transformName);
}

std::string_view stageName(ModelStage stage)
{
    switch (stage) {
    case ModelStage::Development: return "development";
    case ModelStage::Staging: return "staging";
    case ModelStage::Production: return "production";
    case ModelStage::Archived: return "archived";
    }
    return "development";
}

std::optional<ModelStage> parseStage(std::string_view text)
{
    return parseNamed(text,
                      std::array{ModelStage::Development, ModelStage::Staging,
                                 ModelStage::Production, ModelStage::Archived},
                      stageName);
}

const Column *SourceSpec::findColumn(std::string_view name) const
{
    for (const Column &column : columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

ResourceSpec makeSpec(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return ProviderSpec{};
    case ResourceKind::Entity: return EntitySpec{};
    case ResourceKind::Source: return SourceSpec{};
    case ResourceKind::Feature:
    case ResourceKind::Label: return FeatureSpec{};
    case ResourceKind::TrainingSet: return TrainingSetSpec{};
    case ResourceKind::Model: return ModelSpec{};
    }
    return EntitySpec{};
}

std::size_t Catalog::count(ResourceKind kind) const
{
    std::size_t n = 0;
    for (const Resource &resource : resources)
        n += resource.kind() == kind;
    return n;
}

} // namespace tributary
