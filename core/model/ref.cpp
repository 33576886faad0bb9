// SPDX-License-Identifier: Apache-2.0
#include "tributary/model/ref.h"

namespace tributary {
namespace {

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool isVersionChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

} // namespace

int lineageOrder(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Feature:
    case ResourceKind::Label: return 1;
    case ResourceKind::TrainingSet: return 2;
    case ResourceKind::Model: return 3;
    case ResourceKind::Provider:
    case ResourceKind::Entity:
    case ResourceKind::Source: return 0;
    }
    return 0;
}

std::string_view kindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return "provider";
    case ResourceKind::Entity: return "entity";
    case ResourceKind::Source: return "source";
    case ResourceKind::Feature: return "feature";
    case ResourceKind::Label: return "label";
    case ResourceKind::TrainingSet: return "training_set";
    case ResourceKind::Model: return "model";
    }
    return "source";
}

std::string_view kindSection(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return "providers";
    case ResourceKind::Entity: return "entities";
    case ResourceKind::Source: return "sources";
    case ResourceKind::Feature: return "features";
    case ResourceKind::Label: return "labels";
    case ResourceKind::TrainingSet: return "training_sets";
    case ResourceKind::Model: return "models";
    }
    return "sources";
}

std::optional<ResourceKind> parseKind(std::string_view text)
{
    for (ResourceKind kind : kAllKinds) {
        if (text == kindName(kind) || text == kindSection(kind))
            return kind;
    }
    if (text == "training-set" || text == "trainingset" || text == "training-sets")
        return ResourceKind::TrainingSet;
    return std::nullopt;
}

bool isVersioned(ResourceKind kind)
{
    return kind != ResourceKind::Provider && kind != ResourceKind::Entity;
}

bool isValidName(std::string_view name)
{
    if (name.empty() || !isNameStart(name.front()))
        return false;
    for (char c : name) {
        if (!isVersionChar(c))
            return false;
    }
    return true;
}

bool isValidVersion(std::string_view version)
{
    if (version.empty())
        return false;
    for (char c : version) {
        if (!isVersionChar(c))
            return false;
    }
    return true;
}

std::string Ref::shortString() const
{
    return version.empty() ? name : name + '@' + version;
}

std::string Ref::toString() const
{
    return std::string(kindName(kind)) + ':' + shortString();
}

std::string ColumnRef::toString() const
{
    return resource.toString() + '#' + column;
}
std::string ColumnRef::shortString() const
{
    return resource.shortString() + '#' + column;
}

Result<RefText> parseRefText(std::string_view text)
{
    const std::string original(text);
    RefText ref;
    if (const auto hash = text.find('#'); hash != std::string_view::npos) {
        ref.column = std::string(text.substr(hash + 1));
        text = text.substr(0, hash);
        if (ref.column->empty())
            return fail(
                ErrorCode::Invalid, "reference '" + original + "' has an empty column name");
    }
    // A kind prefix is recognised only when it names a kind, so "a:b" stays an error, not a kind.
    if (const auto colon = text.find(':'); colon != std::string_view::npos) {
        const std::string_view prefix = text.substr(0, colon);
        ref.kind = parseKind(prefix);
        if (!ref.kind) {
            return fail(ErrorCode::Invalid,
                "reference '" + original + "' has an unknown kind '" + std::string(prefix) + "'",
                {}, "kinds are provider, entity, source, feature, label, training_set, model");
        }
        text = text.substr(colon + 1);
    }
    if (const auto at = text.find('@'); at != std::string_view::npos) {
        ref.version = std::string(text.substr(at + 1));
        text = text.substr(0, at);
        if (!isValidVersion(*ref.version)) {
            return fail(ErrorCode::Invalid,
                "reference '" + original + "' has an invalid version '" + *ref.version + "'", {},
                "versions match [A-Za-z0-9_.-]+");
        }
    }
    ref.name = std::string(text);
    if (!isValidName(ref.name)) {
        return fail(ErrorCode::Invalid,
            "reference '" + original + "' has an invalid name '" + ref.name + "'", {},
            "names match [A-Za-z_][A-Za-z0-9_.-]*");
    }
    return ref;
}

} // namespace tributary
