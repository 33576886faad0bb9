// SPDX-License-Identifier: Apache-2.0
// From merged datasets and jobs to catalog resources. A dataset's version is its `version`
// facet, else a hash of its definition, which names the versions of what it derives from; so
// versions are worked out depth first, inputs before what reads them, and a cycle (a job that
// reads what it writes) loses the edge that closes it, with a warning.
#include <algorithm>
#include <cctype>

#include "openlineage_p.h"
#include "tributary/model/canonical.h"

namespace tributary::import_detail {
namespace {

using Key = OpenLineageKey;
using nlohmann::json;

std::string keyText(const Key &key)
{
    return key.first + "/" + key.second;
}

std::string versionText(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        const bool ok
            = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
        out += ok ? c : '_';
    }
    return out;
}

// Plain text as CommonMark that renders to the same characters: Markdown punctuation (and so
// catalog [[links]] and raw HTML) backslash-escaped.
std::string plainDescription(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (std::string_view("\\`*_[]<>#|~&!").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

void fillDocumentation(const json &facets, Metadata &meta)
{
    const std::string description = facetText(facets, "documentation", "description");
    const std::string contentType = facetText(facets, "documentation", "contentType");
    meta.description = contentType.find("markdown") != std::string::npos
        ? description
        : plainDescription(description);
    if (!contentType.empty())
        meta.properties["openlineage.documentation.contentType"] = contentType;
    const std::vector<std::string> owners = ownerNames(facets);
    for (std::size_t i = 0; i < owners.size(); ++i)
        meta.owner += (i ? ", " : "") + owners[i];
}

class CatalogBuilder
{
public:
    CatalogBuilder(const std::map<Key, OpenLineageMerger::Dataset> &datasets,
        const std::map<Key, OpenLineageMerger::Job> &jobs, OpenLineageImport &out)
        : m_datasets(datasets)
        , m_jobs(jobs)
        , m_out(out)
    { }

    void build()
    {
        std::set<std::string> used;
        const auto allocate = [&](const Key &key, const char *suffix) {
            std::string name = catalogName(key.first + "." + key.second);
            if (used.count(name))
                name += suffix;
            for (int n = 2; used.count(name); ++n)
                name = catalogName(key.first + "." + key.second) + suffix + std::to_string(n);
            used.insert(name);
            return name;
        };
        for (const auto &[key, dataset] : m_datasets) {
            m_names[{false, key}] = allocate(key, "");
            for (const OpenLineageColumn &c : schemaColumns(dataset.facets)) {
                Column &column = addColumn(key, c.name);
                column.type = c.type;
                column.description = c.description;
            }
        }
        for (const auto &[key, job] : m_jobs)
            m_names[{true, key}] = allocate(key, ".job");
        // Columns named only by lineage (no schema facet) still exist.
        for (const auto &[key, dataset] : m_datasets) {
            for (const auto &[column, inputs] : columnLineage(dataset.facets)) {
                addColumn(key, column);
                for (const OpenLineageInputField &input : inputs)
                    addColumn(input.dataset, input.field);
            }
        }
        for (const auto &[key, dataset] : m_datasets)
            datasetRef(key);
        for (const auto &[key, job] : m_jobs)
            jobRef(key);
        for (auto &[node, resource] : m_built)
            m_out.catalog.resources.push_back(std::move(resource));
    }

private:
    using Node = std::pair<bool, Key>; // is a job, identity

    Column &addColumn(const Key &dataset, const std::string &name)
    {
        std::vector<Column> &columns = m_columns[dataset];
        for (Column &c : columns) {
            if (c.name == name)
                return c;
        }
        Column &c = columns.emplace_back();
        c.name = name;
        c.where = m_datasets.at(dataset).where;
        return c;
    }

    void warn(const SourceLocation &where, const std::string &message)
    {
        m_out.warnings.push_back(where.toString() + ": " + message);
    }

    // The ref of the node once built; nullopt while it is being built (a cycle).
    std::optional<Ref> refOf(const Node &node)
    {
        if (m_built.count(node))
            return m_built.at(node).ref;
        if (m_busy.count(node))
            return std::nullopt;
        m_busy.insert(node);
        Resource resource = node.first ? buildJob(node.second) : buildDataset(node.second);
        m_busy.erase(node);
        const Ref ref = resource.ref;
        m_built.emplace(node, std::move(resource));
        return ref;
    }
    std::optional<Ref> datasetRef(const Key &key) { return refOf({false, key}); }
    std::optional<Ref> jobRef(const Key &key) { return refOf({true, key}); }

    // A dataset's or job's resource before its spec: ref (versioned last), place, and the
    // OpenLineage identity it came from.
    Resource started(const Node &node, const SourceLocation &where) const
    {
        Resource r;
        r.ref = {ResourceKind::Source, m_names.at(node), {}};
        r.where = where;
        r.meta.properties["openlineage.namespace"] = node.second.first;
        r.meta.properties["openlineage.name"] = node.second.second;
        return r;
    }

    Resource buildDataset(const Key &key)
    {
        const OpenLineageMerger::Dataset &dataset = m_datasets.at(key);
        Resource r = started({false, key}, dataset.where);
        SourceSpec spec;
        spec.type = SourceType::Table;
        spec.location = keyText(key);
        spec.columns = m_columns[key];
        for (const Key &producer : dataset.producers) {
            if (auto ref = jobRef(producer))
                spec.inputs.push_back({*ref, m_jobs.at(producer).where});
            else
                warn(dataset.where,
                    "cycle: " + keyText(key) + " is not linked to its job " + keyText(producer));
        }
        std::map<std::string, std::string> indirect;
        for (const auto &[column, inputs] : columnLineage(dataset.facets)) {
            Column *target = nullptr;
            for (Column &c : spec.columns)
                target = c.name == column ? &c : target;
            for (const OpenLineageInputField &input : inputs) {
                const std::optional<Ref> from = datasetRef(input.dataset);
                if (!input.kind) {
                    std::string &text = indirect[column];
                    text += (text.empty() ? "" : "; ") + keyText(input.dataset) + "#" + input.field
                        + " (" + input.indirect + ")";
                } else if (from) {
                    target->derivedFrom.push_back(
                        {{{*from, input.field}, dataset.where}, *input.kind});
                } else {
                    warn(dataset.where,
                        "cycle: " + keyText(key) + "#" + column + " is not linked to "
                            + keyText(input.dataset) + "#" + input.field);
                }
            }
        }
        for (const auto &[column, text] : indirect)
            r.meta.properties["openlineage.indirect." + column] = text;
        for (const auto &[tag, field] : tagList(dataset.facets)) {
            std::vector<std::string> *tags = &r.meta.tags;
            for (Column &c : spec.columns)
                tags = !field.empty() && c.name == field ? &c.tags : tags;
            if (!field.empty() && tags == &r.meta.tags)
                warn(dataset.where,
                    "tag " + tag + " names column " + field + ", which has no schema field");
            if (std::find(tags->begin(), tags->end(), tag) == tags->end())
                tags->push_back(tag);
        }
        fillDocumentation(dataset.facets, r.meta);
        std::string version = facetText(dataset.facets, "version", "datasetVersion");
        if (version.empty())
            version = facetText(dataset.facets, "datasetVersion", "datasetVersion");
        r.spec = std::move(spec);
        if (!version.empty()) {
            r.meta.properties["openlineage.datasetVersion"] = version;
            r.ref.version = versionText(version);
        } else {
            r.ref.version = contentVersion("c", definitionJson(r).dump());
        }
        return r;
    }

    Resource buildJob(const Key &key)
    {
        const OpenLineageMerger::Job &job = m_jobs.at(key);
        Resource r = started({true, key}, job.where);
        SourceSpec spec;
        spec.type = SourceType::Transformation;
        spec.location = keyText(key);
        for (const Key &input : job.inputs) {
            if (auto ref = datasetRef(input))
                spec.inputs.push_back({*ref, job.where});
            else
                warn(job.where,
                    "cycle: job " + keyText(key) + " is not linked to its input " + keyText(input));
        }
        spec.definition = facetText(job.facets, "sql", "query");
        if (!spec.definition.empty())
            spec.language = "sql";
        for (const auto &[tag, field] : tagList(job.facets))
            r.meta.tags.push_back(tag);
        fillDocumentation(job.facets, r.meta);
        if (!job.runs.empty())
            r.meta.properties["openlineage.runs"] = std::to_string(job.runs.size());
        if (!job.lastState.empty())
            r.meta.properties["openlineage.lastEventType"] = job.lastState;
        r.spec = std::move(spec);
        r.ref.version = contentVersion("c", definitionJson(r).dump());
        return r;
    }

    const std::map<Key, OpenLineageMerger::Dataset> &m_datasets;
    const std::map<Key, OpenLineageMerger::Job> &m_jobs;
    OpenLineageImport &m_out;
    std::map<Node, std::string> m_names;
    std::map<Key, std::vector<Column>> m_columns;
    std::set<Node> m_busy;
    std::map<Node, Resource> m_built;
};

} // namespace

void OpenLineageMerger::finish(OpenLineageImport &out)
{
    CatalogBuilder(m_datasets, m_jobs, out).build();
}

} // namespace tributary::import_detail
