// SPDX-License-Identifier: Apache-2.0
#include "tributary/model/canonical.h"

#include <nlohmann/json.hpp>

#include "tributary/base/sha256.h"

namespace tributary {
namespace {

using nlohmann::json;

json refList(const std::vector<Reference> &refs)
{
    json list = json::array();
    for (const Reference &ref : refs)
        list.push_back(ref.ref.toString());
    return list;
}

json optionalRef(const std::optional<Reference> &ref)
{
    return ref ? json(ref->ref.toString()) : json(nullptr);
}

json statsJson(const FeatureStats &stats)
{
    json object = json::object();
    const auto put = [&](const char *key, const std::optional<double> &value) {
        if (value)
            object[key] = *value;
    };
    put("count", stats.count);
    put("null_fraction", stats.nullFraction);
    put("mean", stats.mean);
    put("min", stats.min);
    put("max", stats.max);
    json histogram = json::array();
    for (const HistogramBucket &bucket : stats.histogram)
        histogram.push_back({{"bucket", bucket.bucket}, {"count", bucket.count}});
    object["histogram"] = histogram;
    return object;
}

json columnDefinition(const Column &column)
{
    json derived = json::array();
    for (const ColumnDerivation &d : column.derivedFrom)
        derived.push_back({{"column", d.from.ref.toString()}, {"transform", transformName(d.transform)}});
    return {{"name", column.name}, {"type", column.type}, {"derived_from", derived}};
}

struct DefinitionWriter {
    json &out;
    void operator()(const ProviderSpec &spec) const { out["type"] = spec.type; }
    void operator()(const EntitySpec &) const {}
    void operator()(const SourceSpec &spec) const
    {
        out["provider"] = optionalRef(spec.provider);
        out["type"] = sourceTypeName(spec.type);
        out["location"] = spec.location;
        json columns = json::array();
        for (const Column &column : spec.columns)
            columns.push_back(columnDefinition(column));
        out["columns"] = columns;
        out["inputs"] = refList(spec.inputs);
        out["definition"] = spec.definition;
        out["language"] = spec.language;
    }
    void operator()(const FeatureSpec &spec) const
    {
        out["entity"] = optionalRef(spec.entity);
        out["source"] = optionalRef(spec.source);
        out["column"] = spec.column;
        out["type"] = spec.type;
        out["definition"] = spec.definition;
        out["language"] = spec.language;
        out["stats"] = spec.stats ? statsJson(*spec.stats) : json(nullptr);
    }
    void operator()(const TrainingSetSpec &spec) const
    {
        out["label"] = optionalRef(spec.label);
        out["features"] = refList(spec.features);
    }
    void operator()(const ModelSpec &spec) const
    {
        out["training_sets"] = refList(spec.trainingSets);
        out["features"] = refList(spec.features);
        out["stage"] = stageName(spec.stage);
        json metrics = json::object();
        for (const auto &[name, value] : spec.metrics)
            metrics[name] = value;
        out["metrics"] = metrics;
    }
};

// --- reading back -------------------------------------------------------------------------

Result<Ref> refFromJson(const json &value)
{
    auto text = parseRefText(value.get<std::string>());
    if (!text || !text->kind)
        return fail(ErrorCode::Invalid, "stored reference '" + value.get<std::string>() + "' is corrupt");
    return Ref{*text->kind, text->name, text->version.value_or(std::string())};
}

std::optional<Reference> optionalRefFrom(const json &value)
{
    if (value.is_null())
        return std::nullopt;
    auto ref = refFromJson(value);
    return ref ? std::optional<Reference>(Reference{*ref, {}}) : std::nullopt;
}

std::vector<Reference> refListFrom(const json &value)
{
    std::vector<Reference> refs;
    for (const json &item : value) {
        if (auto ref = refFromJson(item))
            refs.push_back({*ref, {}});
    }
    return refs;
}

std::optional<double> optionalNumber(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() ? std::nullopt : std::optional<double>(it->get<double>());
}

struct DefinitionReader {
    const json &in;
    void operator()(ProviderSpec &spec) const { spec.type = in.at("type"); }
    void operator()(EntitySpec &) const {}
    void operator()(SourceSpec &spec) const
    {
        spec.provider = optionalRefFrom(in.at("provider"));
        spec.type = parseSourceType(in.at("type").get<std::string>()).value_or(SourceType::Table);
        spec.location = in.at("location");
        for (const json &c : in.at("columns")) {
            Column column;
            column.name = c.at("name");
            column.type = c.at("type");
            for (const json &d : c.at("derived_from")) {
                const std::string text = d.at("column");
                const auto hash = text.rfind('#');
                auto ref = refFromJson(json(text.substr(0, hash)));
                if (!ref || hash == std::string::npos)
                    continue;
                column.derivedFrom.push_back(
                    {{{*ref, text.substr(hash + 1)}, {}},
                     parseTransform(d.at("transform").get<std::string>()).value_or(TransformKind::Identity)});
            }
            spec.columns.push_back(std::move(column));
        }
        spec.inputs = refListFrom(in.at("inputs"));
        spec.definition = in.at("definition");
        spec.language = in.at("language");
    }
    void operator()(FeatureSpec &spec) const
    {
        spec.entity = optionalRefFrom(in.at("entity"));
        spec.source = optionalRefFrom(in.at("source"));
        spec.column = in.at("column");
        spec.type = in.at("type");
        spec.definition = in.at("definition");
        spec.language = in.at("language");
        if (const json &s = in.at("stats"); !s.is_null()) {
            FeatureStats stats;
            stats.count = optionalNumber(s, "count");
            stats.nullFraction = optionalNumber(s, "null_fraction");
            stats.mean = optionalNumber(s, "mean");
            stats.min = optionalNumber(s, "min");
            stats.max = optionalNumber(s, "max");
            for (const json &b : s.at("histogram"))
                stats.histogram.push_back({b.at("bucket"), b.at("count")});
            spec.stats = std::move(stats);
        }
    }
    void operator()(TrainingSetSpec &spec) const
    {
        spec.label = optionalRefFrom(in.at("label"));
        spec.features = refListFrom(in.at("features"));
    }
    void operator()(ModelSpec &spec) const
    {
        spec.trainingSets = refListFrom(in.at("training_sets"));
        spec.features = refListFrom(in.at("features"));
        spec.stage = parseStage(in.at("stage").get<std::string>()).value_or(ModelStage::Development);
        for (const auto &[name, value] : in.at("metrics").items())
            spec.metrics[name] = value.get<double>();
    }
};

} // namespace

json definitionJson(const Resource &resource)
{
    json out = json::object();
    std::visit(DefinitionWriter{out}, resource.spec);
    return out;
}

json metadataJson(const Resource &resource)
{
    json out = {
        {"description", resource.meta.description},
        {"owner", resource.meta.owner},
        {"tags", resource.meta.tags},
        {"properties", resource.meta.properties},
        {"status", statusName(resource.meta.status)},
    };
    if (const auto *source = resource.as<SourceSpec>()) {
        json columns = json::object();
        for (const Column &column : source->columns) {
            if (!column.description.empty() || !column.tags.empty())
                columns[column.name] = {{"description", column.description}, {"tags", column.tags}};
        }
        out["columns"] = columns;
    }
    return out;
}

std::string definitionHash(const Resource &resource)
{
    return sha256Hex(definitionJson(resource).dump());
}

std::string metadataHash(const Resource &resource)
{
    return sha256Hex(metadataJson(resource).dump());
}

json resourceJson(const Resource &resource)
{
    json out = definitionJson(resource);
    out["ref"] = resource.ref.toString();
    out["kind"] = kindName(resource.kind());
    out["name"] = resource.ref.name;
    if (isVersioned(resource.kind()))
        out["version"] = resource.ref.version;
    out["description"] = resource.meta.description;
    out["owner"] = resource.meta.owner;
    out["tags"] = resource.meta.tags;
    out["properties"] = resource.meta.properties;
    out["status"] = statusName(resource.meta.status);
    if (const auto *source = resource.as<SourceSpec>()) {
        for (std::size_t i = 0; i < source->columns.size(); ++i) {
            out["columns"][i]["description"] = source->columns[i].description;
            out["columns"][i]["tags"] = source->columns[i].tags;
        }
    }
    return out;
}

Result<Resource> resourceFromJson(const Ref &ref, std::string_view definition, std::string_view metadata)
{
    try {
        const json def = json::parse(definition);
        const json meta = json::parse(metadata);
        Resource resource;
        resource.ref = ref;
        resource.spec = makeSpec(ref.kind);
        std::visit(DefinitionReader{def}, resource.spec);
        resource.meta.description = meta.at("description");
        resource.meta.owner = meta.at("owner");
        resource.meta.tags = meta.at("tags").get<std::vector<std::string>>();
        resource.meta.properties = meta.at("properties").get<std::map<std::string, std::string>>();
        resource.meta.status = parseStatus(meta.at("status").get<std::string>()).value_or(ResourceStatus::Active);
        if (auto *source = resource.as<SourceSpec>(); source && meta.contains("columns")) {
            for (Column &column : source->columns) {
                const auto it = meta["columns"].find(column.name);
                if (it == meta["columns"].end())
                    continue;
                column.description = it->at("description");
                column.tags = it->at("tags").get<std::vector<std::string>>();
            }
        }
        return resource;
    } catch (const json::exception &e) {
        return fail(ErrorCode::Invalid,
                    "stored definition of " + ref.toString() + " is corrupt: " + e.what());
    }
}

} // namespace tributary
