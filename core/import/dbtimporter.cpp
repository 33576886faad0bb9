// SPDX-License-Identifier: Apache-2.0
// dbt manifest -> Catalog. The mapping is described in docs/importers.md ("dbt").
#include "tributary/import/dbt.h"

#include <functional>
#include <set>

#include "dbt_p.h"
#include "importsupport_p.h"
#include "tributary/model/canonical.h"

namespace tributary {
namespace {

using nlohmann::json;
using namespace dbt_detail;

constexpr int kNewestSchema = 12;

// Top-level sections that hold nothing Tributary imports (yet): counted as skipped.
constexpr const char *kSkippedSections[] = {"macros",         "docs",       "exposures", "metrics",
                                            "semantic_models", "saved_queries", "unit_tests",
                                            "groups",         "disabled"};

bool isImportedType(const std::string &type)
{
    return type == "model" || type == "seed" || type == "snapshot";
}

// "https://schemas.getdbt.com/dbt/manifest/v12.json" -> 12; 0 when it is not recognised.
int schemaNumber(const std::string &url)
{
    const auto at = url.rfind("/v");
    if (at == std::string::npos)
        return 0;
    int number = 0;
    for (std::size_t i = at + 2; i < url.size() && std::isdigit(static_cast<unsigned char>(url[i])); ++i)
        number = number * 10 + (url[i] - '0');
    return number;
}

Result<ColumnTypes> readColumnTypes(const std::string &label, const std::string &text)
{
    auto parsed = import_detail::parseJson(label, text);
    if (!parsed)
        return tl::unexpected(parsed.error());
    if (!parsed->is_object() || !parsed->contains("nodes"))
        return fail(ErrorCode::Invalid, "not a dbt catalog.json: no \"nodes\" object", label);
    const KeyPlaces places = KeyPlaces::scan(label, text);
    ColumnTypes types;
    for (const char *section : {"nodes", "sources"}) {
        const auto found = parsed->find(section);
        if (found == parsed->end() || found->is_null())
            continue;
        for (const auto &[id, node] : found->items()) {
            try {
                auto &columns = types[id];
                for (const auto &[name, column] : node.at("columns").items()) {
                    CatalogColumn c;
                    c.name = column.contains("name") && column["name"].is_string()
                                 ? column["name"].get<std::string>() : name;
                    c.type = column.contains("type") && !column["type"].is_null()
                                 ? column["type"].get<std::string>() : std::string();
                    c.index = column.contains("index") && column["index"].is_number()
                                  ? column["index"].get<long>() : 0L;
                    columns[lowerCase(c.name)] = std::move(c);
                }
            } catch (const json::exception &e) {
                return fail(ErrorCode::Invalid, "catalog entry " + id + ": " + e.what(),
                            places.at(id).toString());
            }
        }
    }
    return types;
}

std::string someNames(const std::vector<std::string> &names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 5; ++i)
        list += (i ? ", " : "") + names[i];
    return names.size() > 5 ? list + ", ..." : list;
}

} // namespace

Result<DbtImport> importDbtText(const std::string &manifestLabel, const std::string &manifestText,
                                const std::string &catalogLabel, const std::string &catalogText)
{
    auto parsed = import_detail::parseJson(manifestLabel, manifestText);
    if (!parsed)
        return tl::unexpected(parsed.error());
    const json &manifest = *parsed;
    if (!manifest.is_object() || !manifest.contains("nodes") || !manifest["nodes"].is_object())
        return fail(ErrorCode::Invalid, "not a dbt manifest: no \"nodes\" object", manifestLabel);
    ColumnTypes types;
    if (!catalogText.empty()) {
        auto read = readColumnTypes(catalogLabel, catalogText);
        if (!read)
            return tl::unexpected(read.error());
        types = std::move(*read);
    }
    const KeyPlaces places = KeyPlaces::scan(manifestLabel, manifestText);

    DbtImport out;
    const json &metadata = manifest.value("metadata", json::object());
    const std::string schema = metadata.is_object() && metadata.contains("dbt_schema_version")
                                       && metadata["dbt_schema_version"].is_string()
                                   ? metadata["dbt_schema_version"].get<std::string>() : std::string();
    const int number = schemaNumber(schema);
    out.schemaVersion = number > 0 ? "v" + std::to_string(number) : std::string();
    if (number == 0)
        out.warnings.push_back("no known metadata.dbt_schema_version: read as the newest (v12)");
    else if (number > kNewestSchema)
        out.warnings.push_back("manifest schema " + out.schemaVersion + " is newer than v12: read as v12");

    std::vector<NodeDraft> drafts;
    const auto draft = [&](const std::string &id, const json &node, std::string type) -> Result<void> {
        try {
            drafts.push_back(draftNode(id, type, node, types, places));
            ++out.imported[type];
        } catch (const json::exception &e) {
            return fail(ErrorCode::Invalid, "dbt " + type + " " + id + ": " + e.what(),
                        places.at(id).toString());
        }
        return {};
    };
    for (const auto &[id, node] : manifest["nodes"].items()) {
        const auto typeField = node.is_object() ? node.find("resource_type") : node.end();
        std::string type = node.is_object() && typeField != node.end() && typeField->is_string()
                               ? typeField->get<std::string>() : std::string();
        if (type.empty())
            type = id.substr(0, id.find('.'));
        if (!isImportedType(type)) {
            ++out.skipped[type];
            continue;
        }
        if (auto ok = draft(id, node, type); !ok)
            return tl::unexpected(ok.error());
    }
    if (const auto sources = manifest.find("sources"); sources != manifest.end() && sources->is_object()) {
        for (const auto &[id, node] : sources->items()) {
            if (auto ok = draft(id, node, "source"); !ok)
                return tl::unexpected(ok.error());
        }
    }
    for (const char *section : kSkippedSections) {
        const auto found = manifest.find(section);
        if (found != manifest.end() && found->is_object() && !found->empty())
            out.skipped[section] += found->size();
    }

    // Versions from content need the inputs' versions first: settle them depth first.
    std::unordered_map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < drafts.size(); ++i)
        byId.emplace(drafts[i].uniqueId, i);
    std::vector<int> state(drafts.size(), 0); // 0 new, 1 in progress, 2 done
    std::size_t droppedEdges = 0;
    const std::function<void(std::size_t)> settle = [&](std::size_t i) {
        state[i] = 1;
        NodeDraft &d = drafts[i];
        auto *spec = d.resource.as<SourceSpec>();
        std::set<std::string> added;
        for (const std::string &input : d.dependsOn) {
            const auto found = byId.find(input);
            if (found == byId.end() || !added.insert(input).second) {
                droppedEdges += found == byId.end() ? 1 : 0;
                continue;
            }
            if (state[found->second] == 1) {
                out.warnings.push_back("dependency cycle: " + d.uniqueId + " -> " + input + " left out");
                continue;
            }
            if (state[found->second] == 0)
                settle(found->second);
            spec->inputs.push_back({drafts[found->second].resource.ref, d.resource.where});
            ++out.edges;
        }
        if (!d.ownVersion)
            d.resource.ref.version = import_detail::contentVersion("c", definitionJson(d.resource).dump());
        state[i] = 2;
    };
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (state[i] == 0)
            settle(i);
    }

    std::map<Ref, std::string> seen;
    std::vector<std::string> raw;
    for (NodeDraft &d : drafts) {
        if (auto [at, inserted] = seen.emplace(d.resource.ref, d.uniqueId); !inserted) {
            return fail(ErrorCode::Invalid, d.uniqueId + " and " + at->second + " both become "
                        + d.resource.ref.toString(), d.resource.where.toString());
        }
        if (d.rawSql)
            raw.push_back(d.uniqueId);
        out.catalog.resources.push_back(std::move(d.resource));
    }
    if (!raw.empty()) {
        out.warnings.push_back(std::to_string(raw.size()) + " of the models have no compiled SQL (run dbt "
                               "compile first): their raw SQL (with Jinja) is kept: " + someNames(raw));
    }
    if (droppedEdges > 0) {
        out.warnings.push_back(std::to_string(droppedEdges)
                               + " depends_on edges point at nodes that are not imported: left out");
    }
    return out;
}

Result<DbtImport> importDbt(const std::string &manifestPath, const std::string &catalogPath)
{
    auto manifest = import_detail::readFile(manifestPath);
    if (!manifest)
        return tl::unexpected(manifest.error());
    import_detail::ReadFile catalog;
    if (!catalogPath.empty()) {
        auto read = import_detail::readFile(catalogPath);
        if (!read)
            return tl::unexpected(read.error());
        catalog = std::move(*read);
        if (catalog.text.empty())
            return fail(ErrorCode::Invalid, "not a dbt catalog.json: the file is empty", catalogPath);
    }
    auto imported = importDbtText(manifestPath, manifest->text, catalogPath, catalog.text);
    if (!imported)
        return imported;
    imported->catalog.files.push_back(manifest->file);
    if (!catalogPath.empty())
        imported->catalog.files.push_back(catalog.file);
    return imported;
}

} // namespace tributary
