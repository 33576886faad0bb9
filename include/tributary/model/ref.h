// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "tributary/base/result.h"

namespace tributary {

enum class ResourceKind { Provider, Entity, Source, Feature, Label, TrainingSet, Model };

inline constexpr ResourceKind kAllKinds[] = {
    ResourceKind::Provider, ResourceKind::Entity,      ResourceKind::Source, ResourceKind::Feature,
    ResourceKind::Label,    ResourceKind::TrainingSet, ResourceKind::Model,
};

// "provider", "entity", "source", "feature", "label", "training_set", "model".
std::string_view kindName(ResourceKind kind);
// Where a kind stands in lineage order, for drawings read left to right: sources (and providers
// and entities) 0, features and labels 1, training sets 2, models 3.
int lineageOrder(ResourceKind kind);
// The section key in a catalog file: "providers", ..., "training_sets", "models".
std::string_view kindSection(ResourceKind kind);
// Accepts the kind name, its section name, and "training-set"/"trainingset".
std::optional<ResourceKind> parseKind(std::string_view text);
// Providers and entities are identified by name alone; every other kind by name and version.
bool isVersioned(ResourceKind kind);

// Names match [A-Za-z_][A-Za-z0-9_.-]*; versions [A-Za-z0-9_.-]+.
bool isValidName(std::string_view name);
bool isValidVersion(std::string_view version);

// The identity of one resource (a version of it, for versioned kinds).
struct Ref {
    ResourceKind kind = ResourceKind::Source;
    std::string name;
    std::string version; // empty for providers and entities

    // "feature:avg_spend@v2", "provider:warehouse".
    std::string toString() const;
    // "avg_spend@v2", "warehouse".
    std::string shortString() const;

    auto operator<=>(const Ref &) const = default;
};

// One column of a source: "source:transactions@2024-01#amount".
struct ColumnRef {
    Ref resource;
    std::string column;

    std::string toString() const;
    // "transactions@2024-01#amount"
    std::string shortString() const;

    auto operator<=>(const ColumnRef &) const = default;
};

// A reference as a person writes it: `[kind:]name[@version][#column]`, before it is resolved.
struct RefText {
    std::optional<ResourceKind> kind;
    std::string name;
    std::optional<std::string> version;
    std::optional<std::string> column;

    auto operator<=>(const RefText &) const = default;
};

// Splits reference text into its parts and checks their syntax.
// Errors: Invalid, with a message saying which part is wrong.
Result<RefText> parseRefText(std::string_view text);

} // namespace tributary
