// SPDX-License-Identifier: Apache-2.0
// Reads one YAML document into resources that remember where each value was written. Checks
// here are local to one resource; checks across resources live in catalogvalidator.cpp.
#include "resourceparser_p.h"

#include <algorithm>

#include "tributary/base/suggest.h"
#include "tributary/format/markdownlinks.h"

namespace tributary::format {
namespace {



constexpr std::string_view kApiVersion = "tributary/v1";

// The fields a kind accepts: those every kind has, then its own. Built once.
std::span<const std::string_view> allowedFields(ResourceKind kind)
{
    const auto withCommon = [](std::initializer_list<std::string_view> own) {
        std::vector<std::string_view> all{"name", "description", "owner", "tags", "properties", "status"};
        all.insert(all.end(), own);
        return all;
    };
    static const std::vector<std::string_view> provider = withCommon({"type"});
    static const std::vector<std::string_view> entity = withCommon({});
    static const std::vector<std::string_view> source = withCommon(
        {"version", "provider", "type", "location", "columns", "inputs", "definition", "language"});
    static const std::vector<std::string_view> feature = withCommon(
        {"version", "entity", "source", "column", "type", "definition", "language", "stats"});
    static const std::vector<std::string_view> trainingSet = withCommon({"version", "label", "features"});
    static const std::vector<std::string_view> model = withCommon(
        {"version", "training_sets", "features", "stage", "metrics"});
    switch (kind) {
    case ResourceKind::Provider: return provider;
    case ResourceKind::Entity: return entity;
    case ResourceKind::Source: return source;
    case ResourceKind::Feature:
    case ResourceKind::Label: return feature;
    case ResourceKind::TrainingSet: return trainingSet;
    case ResourceKind::Model: return model;
    }
    return entity;
}

class ResourceParser
{
public:
    ResourceParser(FileContext &context, Catalog &catalog, UnreadParts &unread)
        : m_context(context)
        , m_catalog(catalog)
        , m_unread(unread)
    {
    }

    void parseSection(ResourceKind kind, const YAML::Node &section, const YAML::Mark &keyMark);

private:
    void parseResource(ResourceKind kind, const YAML::Node &node);
    bool parseIdentity(const FieldReader &fields, Resource &resource);
    void parseMetadata(const FieldReader &fields, Resource &resource);
    void parseLinks(const FieldReader &fields, Resource &resource);
    std::vector<std::string> parseTags(const FieldReader &fields);

    void parseProvider(const FieldReader &fields, ProviderSpec &spec);
    void parseSource(const FieldReader &fields, SourceSpec &spec);
    void parseColumn(const YAML::Node &node, SourceSpec &spec);
    void parseDerivation(const YAML::Node &node, Column &column);
    void parseFeature(const FieldReader &fields, FeatureSpec &spec);
    std::optional<FeatureStats> parseStats(const YAML::Node &node);
    void parseTrainingSet(const FieldReader &fields, TrainingSetSpec &spec);
    void parseModel(const FieldReader &fields, ModelSpec &spec);

    // A reference field: `allowed` kinds, the first being the default when no prefix is written.
    std::optional<Reference> reference(const std::string &text, const YAML::Mark &mark,
                                       std::initializer_list<ResourceKind> allowed);
    std::optional<Reference> referenceField(const FieldReader &fields, std::string_view key,
                                            std::initializer_list<ResourceKind> allowed,
                                            bool required);
    std::vector<Reference> referenceList(const FieldReader &fields, std::string_view key,
                                         std::initializer_list<ResourceKind> allowed);
    std::optional<ColumnReference> columnReference(const std::string &text, const YAML::Mark &mark);

    template <typename Enum>
    std::optional<Enum> enumField(const FieldReader &fields, std::string_view key,
                                  std::optional<Enum> (*parse)(std::string_view),
                                  std::vector<std::string> names);

    FileContext &m_context;
    Catalog &m_catalog;
    UnreadParts &m_unread;
};

void ResourceParser::parseSection(ResourceKind kind, const YAML::Node &section,
                                  const YAML::Mark &keyMark)
{
    if (section.IsNull())
        return;
    if (!section.IsSequence()) {
        const YAML::Mark mark = section.Mark().line < 0 ? keyMark : section.Mark();
        m_context.error(mark, "section '" + std::string(kindSection(kind)) + "' must be a list, not "
                                  + std::string(nodeTypeName(section)));
        m_unread.kinds.insert(kind);
        return;
    }
    for (const YAML::Node &item : section) {
        if (!item.IsMap()) {
            m_context.error(item.Mark(), "each entry of '" + std::string(kindSection(kind))
                                             + "' must be a mapping, not "
                                             + std::string(nodeTypeName(item)));
            m_unread.kinds.insert(kind);
            continue;
        }
        parseResource(kind, item);
    }
}

void ResourceParser::parseResource(ResourceKind kind, const YAML::Node &node)
{
    const std::string what(kindName(kind));
    std::optional<FieldReader> fields;
    fields.emplace(node, kind == ResourceKind::TrainingSet ? std::string("training set") : what,
                   allowedFields(kind), m_context);

    Resource resource;
    resource.ref.kind = kind;
    resource.where = m_context.at(node.Mark());
    resource.spec = makeSpec(kind);
    const bool identified = parseIdentity(*fields, resource);
    parseMetadata(*fields, resource);
    std::visit(
        [&](auto &spec) {
            using Spec = std::decay_t<decltype(spec)>;
            if constexpr (std::is_same_v<Spec, ProviderSpec>)
                parseProvider(*fields, spec);
            else if constexpr (std::is_same_v<Spec, SourceSpec>)
                parseSource(*fields, spec);
            else if constexpr (std::is_same_v<Spec, FeatureSpec>)
                parseFeature(*fields, spec);
            else if constexpr (std::is_same_v<Spec, TrainingSetSpec>)
                parseTrainingSet(*fields, spec);
            else if constexpr (std::is_same_v<Spec, ModelSpec>)
                parseModel(*fields, spec);
        },
        resource.spec);
    if (identified)
        m_catalog.resources.push_back(std::move(resource));
    else if (isValidName(resource.ref.name))
        m_unread.names.insert({kind, resource.ref.name});
    else
        m_unread.kinds.insert(kind);
}

bool ResourceParser::parseIdentity(const FieldReader &fields, Resource &resource)
{
    // Reads `key` into `target`; false when it is missing or does not match its pattern.
    const auto part = [&](std::string_view key, std::string &target, bool (*valid)(std::string_view),
                          const char *pattern) {
        const auto text = fields.text(key, true);
        if (!text)
            return false;
        target = *text;
        if (valid(*text))
            return true;
        m_context.error(fields.valueMark(key), "invalid " + std::string(key) + " '" + *text + "'",
                        std::string(key == "name" ? "names" : "versions") + " match " + pattern);
        return false;
    };
    const bool named = part("name", resource.ref.name, isValidName, "[A-Za-z_][A-Za-z0-9_.-]*");
    if (!isVersioned(resource.kind()))
        return named;
    const bool versioned = part("version", resource.ref.version, isValidVersion, "[A-Za-z0-9_.-]+");
    return named && versioned;
}

std::vector<std::string> ResourceParser::parseTags(const FieldReader &fields)
{
    std::vector<std::string> tags;
    for (auto &[tag, mark] : fields.textList("tags")) {
        if (tag.empty() || tag.find_first_of(" \t\n") != std::string::npos) {
            m_context.error(mark, "invalid tag '" + tag + "'",
                            "tags are single words, optionally key:value (pii:direct)");
            continue;
        }
        if (std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(std::move(tag));
    }
    return tags;
}

void ResourceParser::parseMetadata(const FieldReader &fields, Resource &resource)
{
    Metadata &meta = resource.meta;
    meta.description = fields.text("description").value_or(std::string());
    parseLinks(fields, resource);
    meta.owner = fields.text("owner").value_or(std::string());
    meta.tags = parseTags(fields);
    for (auto &[key, value] : fields.textMap("properties"))
        meta.properties[key] = value;
    if (auto status = enumField(fields, "status", parseStatus,
                                {"draft", "active", "deprecated", "retired"}))
        meta.status = *status;
}

// Finds each [[...]] link in the file text after the description's start, so a warning points
// at the link itself whatever the scalar style.
void ResourceParser::parseLinks(const FieldReader &fields, Resource &resource)
{
    if (resource.meta.description.find("[[") == std::string::npos)
        return;
    const SourceLocation start = m_context.at(fields.valueMark("description"));
    std::size_t searchFrom = m_context.lines && start.line > 0
                                 ? m_context.lines->lineStart(start.line) + std::size_t(start.column - 1)
                                 : std::string_view::npos;
    for (const MarkdownLink &link : findMarkdownLinks(resource.meta.description)) {
        SourceLocation where = start;
        const std::string written = "[[" + link.text + "]]";
        if (searchFrom != std::string_view::npos) {
            const std::size_t found = m_context.text.find(written, searchFrom);
            if (found != std::string_view::npos) {
                where = m_context.atOffset(found);
                searchFrom = found + written.size();
            }
        }
        if (!link.ref) {
            m_context.diagnostics.push_back(
                {Severity::Warning, where,
                 "link " + written + " in the description of " + resource.ref.shortString()
                     + " is malformed",
                 link.error});
            continue;
        }
        resource.links.push_back({{*link.ref, where}, link.text});
    }
}

template <typename Enum>
std::optional<Enum> ResourceParser::enumField(const FieldReader &fields, std::string_view key,
                                              std::optional<Enum> (*parse)(std::string_view),
                                              std::vector<std::string> names)
{
    const auto text = fields.text(key);
    if (!text)
        return std::nullopt;
    if (auto value = parse(*text))
        return value;
    std::string hint = "expected one of: " + joinWords(names);
    if (const std::string guess = didYouMean(*text, names); !guess.empty())
        hint = guess + " (" + hint + ")";
    m_context.error(fields.valueMark(key), "invalid " + std::string(key) + " '" + *text + "'", hint);
    return std::nullopt;
}

void ResourceParser::parseProvider(const FieldReader &fields, ProviderSpec &spec)
{
    spec.type = fields.text("type", true).value_or(std::string());
}

void ResourceParser::parseSource(const FieldReader &fields, SourceSpec &spec)
{
    spec.provider = referenceField(fields, "provider", {ResourceKind::Provider}, false);
    if (auto type = enumField(fields, "type", parseSourceType,
                              {"table", "file", "stream", "transformation"}))
        spec.type = *type;
    else if (!fields.has("type"))
        fields.reportMissing("type");
    spec.location = fields.text("location").value_or(std::string());
    spec.definition = fields.text("definition").value_or(std::string());
    spec.language = fields.text("language").value_or(std::string());
    spec.inputs = referenceList(fields, "inputs", {ResourceKind::Source, ResourceKind::Feature,
                                                   ResourceKind::Label, ResourceKind::Model});
    if (spec.type != SourceType::Transformation) {
        for (std::string_view key : {"inputs", "definition", "language"}) {
            if (fields.find(key)) {
                m_context.error(fields.valueMark(key),
                                "'" + std::string(key) + "' is only for sources of type transformation",
                                "set 'type: transformation', or remove '" + std::string(key) + "'");
            }
        }
    }
    if (const auto columns = fields.list("columns")) {
        for (const YAML::Node &column : *columns)
            parseColumn(column, spec);
    }
}

void ResourceParser::parseColumn(const YAML::Node &node, SourceSpec &spec)
{
    if (!node.IsMap()) {
        m_context.error(node.Mark(), "a column must be a mapping with at least a name, not "
                                         + std::string(nodeTypeName(node)));
        return;
    }
    FieldReader fields(node, "column", {"name", "type", "description", "tags", "derived_from"},
                       m_context);
    Column column;
    column.where = m_context.at(node.Mark());
    const auto name = fields.text("name", true);
    if (!name)
        return;
    column.name = *name;
    if (name->empty()) {
        m_context.error(fields.valueMark("name"), "a column name must not be empty");
        return;
    }
    if (spec.findColumn(column.name)) {
        m_context.error(fields.valueMark("name"), "duplicate column '" + column.name + "'");
        return;
    }
    column.type = fields.text("type").value_or(std::string());
    column.description = fields.text("description").value_or(std::string());
    column.tags = parseTags(fields);
    if (const auto derived = fields.list("derived_from")) {
        for (const YAML::Node &entry : *derived)
            parseDerivation(entry, column);
    }
    spec.columns.push_back(std::move(column));
}

void ResourceParser::parseDerivation(const YAML::Node &node, Column &column)
{
    if (node.IsScalar()) {
        if (auto ref = columnReference(node.Scalar(), node.Mark()))
            column.derivedFrom.push_back({std::move(*ref), TransformKind::Identity});
        return;
    }
    if (!node.IsMap()) {
        m_context.error(node.Mark(), "an entry of 'derived_from' must be a column reference or a "
                                     "mapping {column, transform}, not "
                                         + std::string(nodeTypeName(node)));
        return;
    }
    FieldReader fields(node, "derived_from entry", {"column", "transform"}, m_context);
    const auto text = fields.text("column", true);
    if (!text)
        return;
    auto ref = columnReference(*text, fields.valueMark("column"));
    auto transform = enumField(fields, "transform", parseTransform,
                               {"identity", "transformed", "aggregated", "masked"});
    if (ref)
        column.derivedFrom.push_back({std::move(*ref), transform.value_or(TransformKind::Identity)});
}

void ResourceParser::parseFeature(const FieldReader &fields, FeatureSpec &spec)
{
    spec.entity = referenceField(fields, "entity", {ResourceKind::Entity}, true);
    spec.source = referenceField(fields, "source", {ResourceKind::Source}, true);
    spec.column = fields.text("column", true).value_or(std::string());
    spec.columnWhere = m_context.at(fields.valueMark("column"));
    spec.type = fields.text("type").value_or(std::string());
    spec.definition = fields.text("definition").value_or(std::string());
    spec.language = fields.text("language").value_or(std::string());
    if (const YAML::Node *stats = fields.find("stats"); stats && !stats->IsNull())
        spec.stats = parseStats(*stats);
}

std::optional<FeatureStats> ResourceParser::parseStats(const YAML::Node &node)
{
    if (!node.IsMap()) {
        m_context.error(node.Mark(), "'stats' must be a mapping, not "
                                         + std::string(nodeTypeName(node)));
        return std::nullopt;
    }
    FieldReader fields(node, "stats block", {"count", "null_fraction", "mean", "min", "max", "histogram"},
                       m_context);
    FeatureStats stats;
    stats.count = fields.number("count");
    stats.nullFraction = fields.number("null_fraction");
    stats.mean = fields.number("mean");
    stats.min = fields.number("min");
    stats.max = fields.number("max");
    if (const auto histogram = fields.list("histogram")) {
        for (const YAML::Node &entry : *histogram) {
            if (!entry.IsMap()) {
                m_context.error(entry.Mark(), "a histogram entry must be a mapping {bucket, count}");
                continue;
            }
            FieldReader bucket(entry, "histogram entry", {"bucket", "count"}, m_context);
            const auto name = bucket.text("bucket", true);
            const auto count = bucket.number("count");
            if (!bucket.has("count"))
                bucket.reportMissing("count");
            if (name && count)
                stats.histogram.push_back({*name, *count});
        }
    }
    return stats;
}

void ResourceParser::parseTrainingSet(const FieldReader &fields, TrainingSetSpec &spec)
{
    spec.label = referenceField(fields, "label", {ResourceKind::Label}, true);
    if (!fields.has("features"))
        fields.reportMissing("features");
    spec.features = referenceList(fields, "features", {ResourceKind::Feature});
}

void ResourceParser::parseModel(const FieldReader &fields, ModelSpec &spec)
{
    if (!fields.has("training_sets"))
        fields.reportMissing("training_sets");
    spec.trainingSets = referenceList(fields, "training_sets", {ResourceKind::TrainingSet});
    spec.features = referenceList(fields, "features", {ResourceKind::Feature});
    if (auto stage = enumField(fields, "stage", parseStage,
                               {"development", "staging", "production", "archived"}))
        spec.stage = *stage;
    const YAML::Node *metrics = fields.find("metrics");
    if (!metrics || metrics->IsNull())
        return;
    if (!metrics->IsMap()) {
        m_context.error(fields.valueMark("metrics"),
                        "'metrics' must be a mapping of name to number, not "
                            + std::string(nodeTypeName(*metrics)));
        return;
    }
    for (auto it = metrics->begin(); it != metrics->end(); ++it) {
        const auto name = scalarText(it->first, "a metric name", m_context);
        if (name && spec.metrics.contains(*name)) {
            m_context.error(it->first.Mark(), "duplicate metric '" + *name + "'");
            continue;
        }
        double value = 0;
        if (!it->second.IsScalar() || !YAML::convert<double>::decode(it->second, value)) {
            m_context.error(it->second.Mark(),
                            "metric '" + name.value_or("") + "' must be a number, not "
                                + (it->second.IsScalar() ? "'" + it->second.Scalar() + "'"
                                                         : std::string(nodeTypeName(it->second))));
            continue;
        }
        if (name)
            spec.metrics[*name] = value;
    }
}

std::optional<Reference> ResourceParser::reference(const std::string &text, const YAML::Mark &mark,
                                                   std::initializer_list<ResourceKind> allowed)
{
    auto parsed = parseRefText(text);
    if (!parsed) {
        m_context.error(mark, parsed.error().message, parsed.error().hint);
        return std::nullopt;
    }
    const ResourceKind kind = parsed->kind.value_or(*allowed.begin());
    if (std::find(allowed.begin(), allowed.end(), kind) == allowed.end()) {
        std::vector<std::string> names;
        for (ResourceKind k : allowed)
            names.emplace_back(kindName(k));
        m_context.error(mark, "'" + text + "' is a " + std::string(kindName(kind))
                                  + " reference, but only " + joinWords(names, " or ")
                                  + " may be referenced here");
        return std::nullopt;
    }
    if (parsed->column) {
        m_context.error(mark, "'" + text + "' names a column, but a resource is expected here",
                        "remove '#" + *parsed->column + "'");
        return std::nullopt;
    }
    if (!isVersioned(kind) && parsed->version) {
        m_context.error(mark, std::string(kindSection(kind)) + " have no versions: write '"
                                  + parsed->name + "'");
        return std::nullopt;
    }
    // A versioned reference without a version stays in the draft with an empty version:
    // the validator reports it with the versions that exist.
    return Reference{{kind, parsed->name, parsed->version.value_or(std::string())}, m_context.at(mark)};
}

std::optional<Reference> ResourceParser::referenceField(const FieldReader &fields, std::string_view key,
                                                        std::initializer_list<ResourceKind> allowed,
                                                        bool required)
{
    const auto text = fields.text(key, required);
    return text ? reference(*text, fields.valueMark(key), allowed) : std::nullopt;
}

std::vector<Reference> ResourceParser::referenceList(const FieldReader &fields, std::string_view key,
                                                     std::initializer_list<ResourceKind> allowed)
{
    std::vector<Reference> refs;
    for (const auto &[text, mark] : fields.textList(key)) {
        if (auto ref = reference(text, mark, allowed))
            refs.push_back(std::move(*ref));
    }
    return refs;
}

std::optional<ColumnReference> ResourceParser::columnReference(const std::string &text,
                                                               const YAML::Mark &mark)
{
    auto parsed = parseRefText(text);
    if (!parsed) {
        m_context.error(mark, parsed.error().message, parsed.error().hint);
        return std::nullopt;
    }
    if (!parsed->column) {
        m_context.error(mark, "'" + text + "' is not a column reference",
                        "write source_name@version#column");
        return std::nullopt;
    }
    if (parsed->kind && *parsed->kind != ResourceKind::Source) {
        m_context.error(mark, "'" + text + "': column references point at sources");
        return std::nullopt;
    }
    return ColumnReference{{{ResourceKind::Source, parsed->name, parsed->version.value_or(std::string())},
                            *parsed->column},
                           m_context.at(mark)};
}

} // namespace

void readDocument(const YAML::Node &document, FileContext &context, CatalogLoad &load)
{
    if (document.IsNull())
        return;
    if (!document.IsMap()) {
        context.error(document.Mark(), "a catalog document must be a mapping of sections, not "
                                           + std::string(nodeTypeName(document)));
        load.unread.documents = true;
        return;
    }
    std::vector<std::string> keys{"apiVersion"};
    for (ResourceKind kind : kAllKinds)
        keys.emplace_back(kindSection(kind));
    ResourceParser parser(context, load.catalog, load.unread);
    std::vector<std::string> seen;
    for (auto it = document.begin(); it != document.end(); ++it) {
        const auto key = scalarText(it->first, "a section name", context);
        if (!key)
            continue;
        if (std::find(seen.begin(), seen.end(), *key) != seen.end()) {
            // Reported, and still read, so its entries do not turn into dangling references.
            context.error(it->first.Mark(), "duplicate section '" + *key + "'",
                          "merge its entries into the first '" + *key + "' list");
        }
        seen.push_back(*key);
        if (*key == "apiVersion") {
            const auto version = scalarText(it->second, "'apiVersion'", context);
            if (version && *version != kApiVersion) {
                context.error(it->second.Mark(), "unsupported apiVersion '" + *version + "'",
                              "this version of Tributary reads " + std::string(kApiVersion));
            }
            continue;
        }
        const auto kind = parseKind(*key);
        if (!kind || *key != kindSection(*kind)) {
            std::string hint = kind ? "did you mean '" + std::string(kindSection(*kind)) + "'?"
                                    : didYouMean(*key, keys);
            context.error(it->first.Mark(), "unknown section '" + *key + "'", hint);
            // Whatever it meant to define is missing now; do not blame the references to it.
            const std::vector<std::string> near = nearestWords(*key, keys, 1);
            if (const auto meant = kind ? kind : (near.empty() ? std::nullopt : parseKind(near[0])))
                load.unread.kinds.insert(*meant);
            continue;
        }
        parser.parseSection(*kind, it->second, it->first.Mark());
    }
}


} // namespace tributary::format
