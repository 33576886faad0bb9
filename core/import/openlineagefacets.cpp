// SPDX-License-Identifier: Apache-2.0
// Reading the facets the importer maps: schema, columnLineage, documentation, ownership, tags,
// version and sql. Every other facet is ignored.
#include <algorithm>

#include "openlineage_p.h"

namespace tributary::import_detail {
namespace {

using nlohmann::json;

[[noreturn]] void shapeError(const std::string &path, const char *expected)
{
    throw OpenLineageShapeError{"'" + path + "' must be " + expected};
}

// The member, or nullptr when absent or null.
const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

const json *objectMember(const json &object, const char *key, const std::string &path)
{
    const json *value = member(object, key);
    if (value && !value->is_object())
        shapeError(path, "an object");
    return value;
}

const json *arrayMember(const json &object, const char *key, const std::string &path)
{
    const json *value = member(object, key);
    if (value && !value->is_array())
        shapeError(path, "an array");
    return value;
}

std::string textMember(const json &object, const char *key, const std::string &path)
{
    const json *value = member(object, key);
    if (!value)
        return {};
    if (!value->is_string())
        shapeError(path, "a string");
    return value->get<std::string>();
}

void addFields(const json &fields, const std::string &prefix, const std::string &path,
    std::vector<OpenLineageColumn> &out)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const json &field = fields[i];
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (!field.is_object())
            shapeError(at, "an object");
        const std::string name = textMember(field, "name", at + ".name");
        if (name.empty())
            shapeError(at + ".name", "a non-empty string");
        OpenLineageColumn column{prefix + name, textMember(field, "type", at + ".type"),
            textMember(field, "description", at + ".description")};
        out.push_back(column);
        if (const json *nested = arrayMember(field, "fields", at + ".fields"))
            addFields(*nested, column.name + ".", at + ".fields", out);
    }
}

std::vector<OpenLineageInputField> inputFields(const json &entry, const std::string &path)
{
    std::vector<OpenLineageInputField> out;
    const json *list = arrayMember(entry, "inputFields", path + ".inputFields");
    if (!list)
        return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json &input = (*list)[i];
        const std::string at = path + ".inputFields[" + std::to_string(i) + "]";
        if (!input.is_object())
            shapeError(at, "an object");
        OpenLineageInputField base{{textMember(input, "namespace", at + ".namespace"),
                                       textMember(input, "name", at + ".name")},
            textMember(input, "field", at + ".field"), {}, {}};
        if (base.dataset.second.empty() || base.field.empty())
            shapeError(at, "an object with 'name' and 'field'");
        const json *transformations
            = arrayMember(input, "transformations", at + ".transformations");
        if (!transformations || transformations->empty()) {
            // The older facet form says nothing about how: a derivation of some kind.
            base.kind = TransformKind::Transformed;
            out.push_back(base);
            continue;
        }
        std::optional<TransformKind> direct;
        std::string indirect;
        for (std::size_t t = 0; t < transformations->size(); ++t) {
            const json &tr = (*transformations)[t];
            const std::string tat = at + ".transformations[" + std::to_string(t) + "]";
            if (!tr.is_object())
                shapeError(tat, "an object");
            const std::string type = textMember(tr, "type", tat + ".type");
            const std::string subtype = textMember(tr, "subtype", tat + ".subtype");
            if (type == "INDIRECT") {
                indirect += (indirect.empty() ? "" : ", ") + (subtype.empty() ? type : subtype);
                continue;
            }
            TransformKind kind = TransformKind::Transformed;
            if (subtype == "IDENTITY")
                kind = TransformKind::Identity;
            else if (subtype == "AGGREGATION")
                kind = TransformKind::Aggregated;
            const json *masking = member(tr, "masking");
            if (masking && !masking->is_boolean())
                shapeError(tat + ".masking", "true or false");
            if (masking && masking->get<bool>())
                kind = TransformKind::Masked;
            direct = direct ? std::max(*direct, kind) : kind; // the strongest change wins
        }
        if (direct) {
            OpenLineageInputField d = base;
            d.kind = direct;
            out.push_back(std::move(d));
        }
        if (!indirect.empty()) {
            base.indirect = indirect;
            out.push_back(std::move(base));
        }
    }
    return out;
}

} // namespace

std::vector<OpenLineageColumn> schemaColumns(const json &facets)
{
    std::vector<OpenLineageColumn> out;
    if (const json *schema = objectMember(facets, "schema", "facets.schema")) {
        if (const json *fields = arrayMember(*schema, "fields", "facets.schema.fields"))
            addFields(*fields, {}, "facets.schema.fields", out);
    }
    return out;
}

std::vector<std::pair<std::string, std::vector<OpenLineageInputField>>> columnLineage(
    const json &facets)
{
    std::vector<std::pair<std::string, std::vector<OpenLineageInputField>>> out;
    const json *facet = objectMember(facets, "columnLineage", "facets.columnLineage");
    if (!facet)
        return out;
    const json *fields = objectMember(*facet, "fields", "facets.columnLineage.fields");
    if (!fields)
        return out;
    for (const auto &[column, entry] : fields->items()) {
        const std::string path = "facets.columnLineage.fields." + column;
        if (!entry.is_object())
            shapeError(path, "an object");
        out.emplace_back(column, inputFields(entry, path));
    }
    return out;
}

std::string facetText(const json &facets, const char *facet, const char *key)
{
    const std::string path = std::string("facets.") + facet;
    const json *object = objectMember(facets, facet, path);
    return object ? textMember(*object, key, path + "." + key) : std::string();
}

std::vector<std::string> ownerNames(const json &facets)
{
    std::vector<std::string> out;
    const json *facet = objectMember(facets, "ownership", "facets.ownership");
    const json *owners = facet ? arrayMember(*facet, "owners", "facets.ownership.owners") : nullptr;
    for (std::size_t i = 0; owners && i < owners->size(); ++i) {
        const std::string at = "facets.ownership.owners[" + std::to_string(i) + "]";
        if (!(*owners)[i].is_object())
            shapeError(at, "an object");
        if (std::string name = textMember((*owners)[i], "name", at + ".name"); !name.empty())
            out.push_back(std::move(name));
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> tagList(const json &facets)
{
    std::vector<std::pair<std::string, std::string>> out;
    const json *facet = objectMember(facets, "tags", "facets.tags");
    const json *tags = facet ? arrayMember(*facet, "tags", "facets.tags.tags") : nullptr;
    for (std::size_t i = 0; tags && i < tags->size(); ++i) {
        const std::string at = "facets.tags.tags[" + std::to_string(i) + "]";
        if (!(*tags)[i].is_object())
            shapeError(at, "an object");
        const std::string key = textMember((*tags)[i], "key", at + ".key");
        const std::string value = textMember((*tags)[i], "value", at + ".value");
        std::string tag = value.empty() || value == key ? key : key + ":" + value;
        std::replace_if(
            tag.begin(), tag.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; }, '_');
        if (!tag.empty())
            out.emplace_back(std::move(tag), textMember((*tags)[i], "field", at + ".field"));
    }
    return out;
}

void checkFacets(const json &facets)
{
    schemaColumns(facets);
    columnLineage(facets);
    ownerNames(facets);
    tagList(facets);
    facetText(facets, "documentation", "description");
    facetText(facets, "documentation", "contentType");
    facetText(facets, "version", "datasetVersion");
    facetText(facets, "datasetVersion", "datasetVersion");
    facetText(facets, "sql", "query");
}

} // namespace tributary::import_detail
