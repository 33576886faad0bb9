// SPDX-License-Identifier: Apache-2.0
#include "dbt_p.h"

#include <algorithm>

#include "importsupport_p.h"

namespace tributary::dbt_detail {
namespace {

using nlohmann::json;

// A string field, or empty when it is missing or null; other types throw (caller says where).
std::string text(const json &node, const char *key)
{
    const auto found = node.find(key);
    if (found == node.end() || found->is_null())
        return {};
    return found->get<std::string>();
}

const json &objectOrEmpty(const json &node, const char *key)
{
    static const json empty = json::object();
    const auto found = node.find(key);
    return found != node.end() && found->is_object() ? *found : empty;
}

std::string scalarText(const json &value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

void addTag(std::vector<std::string> &tags, std::string tag)
{
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
        tags.push_back(std::move(tag));
}

// dbt `tags`: a list of strings (a single string in some old manifests).
void addTags(std::vector<std::string> &tags, const json &node)
{
    const auto found = node.find("tags");
    if (found == node.end() || found->is_null())
        return;
    if (found->is_string()) {
        addTag(tags, found->get<std::string>());
        return;
    }
    for (const json &tag : *found)
        addTag(tags, tag.get<std::string>());
}

bool hasPiiTag(const std::vector<std::string> &tags)
{
    return std::any_of(tags.begin(), tags.end(), [](const std::string &t) { return lowerCase(t) == "pii"; });
}

// Owner and the PII mark read from `meta` and `config.meta` (and a source's `source_meta`).
std::vector<const json *> metaObjects(const json &node)
{
    return {&objectOrEmpty(node, "meta"), &objectOrEmpty(objectOrEmpty(node, "config"), "meta"),
            &objectOrEmpty(node, "source_meta")};
}

std::string versionText(const json &version)
{
    if (version.is_string())
        return version.get<std::string>();
    if (version.is_number_integer())
        return std::to_string(version.get<long long>());
    return version.dump();
}

std::string locationOf(const json &node, bool isSource)
{
    std::string location;
    std::string last = text(node, isSource ? "identifier" : "alias");
    if (last.empty())
        last = text(node, "name");
    for (const std::string &part : {text(node, "database"), text(node, "schema"), last}) {
        if (part.empty())
            continue;
        location += (location.empty() ? "" : ".") + part;
    }
    return location;
}

std::vector<Column> columnsOf(const std::string &id, const json &node, const ColumnTypes &types,
                              const KeyPlaces &places)
{
    const auto typed = types.find(id);
    std::vector<std::string> seen;
    std::vector<Column> columns;
    for (const auto &[key, spec] : objectOrEmpty(node, "columns").items()) {
        Column column;
        column.name = text(spec, "name");
        if (column.name.empty())
            column.name = key;
        column.where = places.at(id, key);
        column.description = text(spec, "description");
        column.type = text(spec, "data_type");
        if (typed != types.end()) {
            if (const auto t = typed->second.find(lowerCase(column.name)); t != typed->second.end())
                column.type = t->second.type;
        }
        addTags(column.tags, spec);
        addTags(column.tags, objectOrEmpty(spec, "config"));
        const bool pii = hasPiiTag(column.tags) || metaMarksPii(objectOrEmpty(spec, "meta"))
                         || metaMarksPii(objectOrEmpty(objectOrEmpty(spec, "config"), "meta"));
        if (pii)
            addTag(column.tags, "pii");
        seen.push_back(lowerCase(column.name));
        columns.push_back(std::move(column));
    }
    // The DOM sorts keys: put them back in the order the file has them.
    std::stable_sort(columns.begin(), columns.end(), [](const Column &a, const Column &b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    if (typed == types.end())
        return columns;
    // Columns the warehouse has but the project does not document, in warehouse order.
    std::vector<const CatalogColumn *> extra;
    for (const auto &[lower, column] : typed->second) {
        if (std::find(seen.begin(), seen.end(), lower) == seen.end())
            extra.push_back(&column);
    }
    std::sort(extra.begin(), extra.end(), [](auto *a, auto *b) { return a->index < b->index; });
    for (const CatalogColumn *c : extra) {
        Column column;
        column.name = c->name;
        column.type = c->type;
        column.where = places.at(id);
        columns.push_back(std::move(column));
    }
    return columns;
}

} // namespace

bool metaMarksPii(const json &meta)
{
    for (const char *key : {"pii", "contains_pii", "sensitive"}) {
        const auto found = meta.find(key);
        if (found == meta.end())
            continue;
        if (found->is_boolean() && found->get<bool>())
            return true;
        if (found->is_string() && (lowerCase(found->get<std::string>()) == "true"
                                   || lowerCase(found->get<std::string>()) == "yes"))
            return true;
    }
    return false;
}

NodeDraft draftNode(const std::string &id, const std::string &resourceType, const json &node,
                    const ColumnTypes &types, const KeyPlaces &places)
{
    NodeDraft draft;
    draft.uniqueId = id;
    draft.resourceType = resourceType;
    Resource &resource = draft.resource;
    resource.ref.kind = ResourceKind::Source;
    resource.where = places.at(id);
    const auto dot = id.find('.');
    std::string name = dot == std::string::npos ? id : id.substr(dot + 1);
    if (const auto version = node.find("version"); version != node.end() && !version->is_null()) {
        const std::string own = versionText(*version);
        const std::string suffix = ".v" + own;
        if (name.size() > suffix.size() && name.ends_with(suffix))
            name.resize(name.size() - suffix.size()); // versions of one model share a name
        resource.ref.version = import_detail::catalogName(own);
        if (resource.ref.version.front() == '_' && own.front() != '_')
            resource.ref.version.erase(0, 1); // versions may start with a digit
        draft.ownVersion = true;
    }
    resource.ref.name = import_detail::catalogName(name);

    Metadata &meta = resource.meta;
    meta.description = text(node, "description");
    addTags(meta.tags, node);
    for (const json *object : metaObjects(node)) {
        if (meta.owner.empty() && object->contains("owner") && !(*object)["owner"].is_null())
            meta.owner = scalarText((*object)["owner"]);
        if (metaMarksPii(*object))
            addTag(meta.tags, "pii");
    }
    meta.properties["dbt.unique_id"] = id;
    meta.properties["dbt.resource_type"] = resourceType;
    for (const auto &[key, property] : {std::pair{"dbt.package", "package_name"},
                                        {"dbt.path", "original_file_path"},
                                        {"dbt.relation_name", "relation_name"}}) {
        if (std::string value = text(node, property); !value.empty())
            meta.properties[key] = std::move(value);
    }
    if (std::string materialized = text(objectOrEmpty(node, "config"), "materialized"); !materialized.empty())
        meta.properties["dbt.materialized"] = std::move(materialized);
    for (const auto &[key, value] : objectOrEmpty(node, "meta").items())
        meta.properties["dbt.meta." + key] = scalarText(value);

    SourceSpec spec;
    const bool isSource = resourceType == "source";
    spec.location = locationOf(node, isSource);
    spec.columns = columnsOf(id, node, types, places);
    if (resourceType == "model" || resourceType == "snapshot") {
        spec.type = SourceType::Transformation;
        spec.definition = text(node, "compiled_code");
        if (spec.definition.empty())
            spec.definition = text(node, "compiled_sql");
        if (spec.definition.empty()) {
            spec.definition = text(node, "raw_code");
            if (spec.definition.empty())
                spec.definition = text(node, "raw_sql");
            draft.rawSql = !spec.definition.empty();
        }
        meta.properties["dbt.sql"] = draft.rawSql ? "raw" : "compiled";
        spec.language = text(node, "language");
        if (spec.language.empty())
            spec.language = "sql";
        for (const json &input : objectOrEmpty(node, "depends_on").value("nodes", json::array()))
            draft.dependsOn.push_back(input.get<std::string>());
    }
    resource.spec = std::move(spec);
    return draft;
}

} // namespace tributary::dbt_detail
