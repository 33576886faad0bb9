// SPDX-License-Identifier: Apache-2.0
// `tributary stats`: the dashboard's numbers (core/report/catalogstats.cpp) as text or JSON.
#include <ostream>

#include "lineagesupport.h"
#include "texttable.h"
#include "tributary/report/catalogstats.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

json distributionJson(
    const std::map<std::size_t, std::size_t> &counts, const char *key, const char *value)
{
    json list = json::array();
    for (const auto &[n, count] : counts)
        list.push_back({{key, n}, {value, count}});
    return list;
}

json statisticsJson(const CatalogStatistics &stats, const AsOf &asOf)
{
    json out = {{"as_of", asOf.toString()},
        {"import", stats.import ? json(stats.import->value) : json(nullptr)},
        {"imported_at", stats.import ? json(stats.importedAt.toIso()) : json(nullptr)}};
    json kinds = json::object();
    for (const auto &[kind, count] : stats.byKind)
        kinds[std::string(kindName(kind))] = count;
    json stages = json::object();
    for (const auto &[stage, count] : stats.modelsByStage)
        stages[std::string(stageName(stage))] = count;
    json reuse = json::array();
    for (const auto &feature : stats.reuse) {
        reuse.push_back({{"feature", feature.feature.toString()},
            {"training_sets", feature.trainingSets}, {"models", feature.models}});
    }
    json growth = json::array();
    for (const auto &point : stats.growth) {
        json present = json::object();
        for (const auto &[kind, count] : point.present)
            present[std::string(kindName(kind))] = count;
        growth.push_back(
            {{"import", point.import.value}, {"at", point.at.toIso()}, {"present", present}});
    }
    json exposure = json::array();
    for (const auto &model : stats.piiExposure) {
        exposure.push_back({{"model", model.model.toString()}, {"exposures", model.exposures},
            {"tags", model.tags}});
    }
    out["by_kind"] = kinds;
    out["models_by_stage"] = stages;
    out["feature_reuse"] = reuse;
    out["reuse_distribution"] = distributionJson(stats.reuseDistribution, "uses", "features");
    out["growth"] = growth;
    out["versions_per_asset"] = distributionJson(stats.versionsPerAsset, "versions", "names");
    out["pii_exposure"] = exposure;
    return out;
}

void printDistribution(const std::map<std::size_t, std::size_t> &counts, const char *what,
    const char *of, std::ostream &out)
{
    TextTable table({what, of});
    for (const auto &[n, count] : counts)
        table.addRow({std::to_string(n), std::to_string(count)});
    table.print(out);
}

void printStatistics(const CatalogStatistics &stats, std::size_t top, std::ostream &out)
{
    out << "Catalog statistics as of import " << stats.import->value << " ("
        << stats.importedAt.toIso() << ")\n\nResources by kind\n";
    TextTable kinds({"kind", "resources"});
    for (const auto &[kind, count] : stats.byKind)
        kinds.addRow({std::string(kindName(kind)), std::to_string(count)});
    kinds.print(out);
    out << "\nModels by stage\n";
    TextTable stages({"stage", "models"});
    for (const auto &[stage, count] : stats.modelsByStage)
        stages.addRow({std::string(stageName(stage)), std::to_string(count)});
    stages.print(out);
    out << "\nMost reused features (top " << top << ")\n";
    TextTable reuse({"feature", "training sets", "models"});
    for (std::size_t i = 0; i < stats.reuse.size() && i < top; ++i) {
        const auto &feature = stats.reuse[i];
        reuse.addRow({feature.feature.toString(), std::to_string(feature.trainingSets),
            std::to_string(feature.models)});
    }
    reuse.print(out);
    out << "\nFeature reuse (training sets + models using a feature)\n";
    printDistribution(stats.reuseDistribution, "uses", "features", out);
    out << "\nCatalog growth (resources present after each import)\n";
    std::vector<std::string> header{"import", "at"};
    for (ResourceKind kind : kAllKinds)
        header.emplace_back(kindName(kind));
    TextTable growth(header);
    for (const auto &point : stats.growth) {
        std::vector<std::string> row{std::to_string(point.import.value), point.at.toIso()};
        for (ResourceKind kind : kAllKinds)
            row.push_back(std::to_string(point.present.at(kind)));
        growth.addRow(std::move(row));
    }
    growth.print(out);
    out << "\nVersions per asset\n";
    printDistribution(stats.versionsPerAsset, "versions", "names", out);
    out << "\nModels by pii exposure (places a pii tag reaching the model is written)\n";
    if (stats.piiExposure.empty()) {
        out << "  no pii tag reaches a model\n";
        return;
    }
    TextTable exposure({"model", "exposures", "tags"});
    for (std::size_t i = 0; i < stats.piiExposure.size() && i < top; ++i) {
        const auto &model = stats.piiExposure[i];
        std::string tags;
        for (const std::string &tag : model.tags)
            tags += (tags.empty() ? "" : ", ") + tag;
        exposure.addRow({model.model.toString(), std::to_string(model.exposures), tags});
    }
    exposure.print(out);
}

int runStats(const Arguments &args, Io &io)
{
    std::size_t top = 10;
    if (const auto text = args.value("--top")) {
        const auto parsed = positiveCount(*text);
        if (!parsed)
            return usageError(
                io, "stats", "--top takes a whole number from 1, not '" + *text + "'");
        top = *parsed;
    }
    int exitCode = ExitOk;
    const auto policy = policyOption(args, io, exitCode);
    if (!policy)
        return exitCode;
    auto opened = openForReading(args, "stats", io, exitCode);
    if (!opened)
        return exitCode;
    auto stats = readCatalogStatistics(*opened->store, opened->asOf, *policy);
    if (!stats)
        return reportError(stats.error(), io);
    if (args.flag("--json")) {
        io.out << statisticsJson(*stats, opened->asOf).dump(2) << '\n';
        return ExitOk;
    }
    if (stats->empty()) {
        io.out << "The catalog has no imports yet.\n";
        return ExitOk;
    }
    printStatistics(*stats, top, io.out);
    return ExitOk;
}

} // namespace

std::vector<Command> statsCommands()
{
    return {
        {"stats", "stats --catalog FILE [--as-of T] [--policy F] [--top N] [--json]",
            "how the catalog is used: resources by kind and stage, feature reuse, growth over "
            "imports, versions per asset, models by pii exposure",
            {{"--catalog", "--as-of", "--policy", "--top"}, {"--json"}, 0, 0}, runStats},
    };
}

} // namespace tributary::cli
