// SPDX-License-Identifier: Apache-2.0
// The dashboard's counts, from the lineage graph at one point (what is present, and how it is
// connected) and from the import changes up to that point (growth). The pii exposures are in
// catalogstatsexposure.cpp.
#include "tributary/report/catalogstats.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace tributary {
namespace {

constexpr ModelStage kAllStages[]
    = {ModelStage::Development, ModelStage::Staging, ModelStage::Production, ModelStage::Archived};

std::map<ResourceKind, std::size_t> zeroByKind()
{
    std::map<ResourceKind, std::size_t> counts;
    for (ResourceKind kind : kAllKinds)
        counts[kind] = 0;
    return counts;
}

// The distinct nodes downstream of `node` along edges of `edge` that are of `kind`, sorted.
std::vector<NodeId> downstreamOf(
    const LineageGraph &graph, NodeId node, EdgeKind edge, ResourceKind kind)
{
    std::vector<NodeId> nodes;
    for (const LineageStep &step : graph.downstream(node)) {
        if (step.kind == edge && graph.resource(step.node).ref.kind == kind)
            nodes.push_back(step.node);
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    return nodes;
}

CatalogStatistics::FeatureReuse reuseOf(const LineageGraph &graph, NodeId feature)
{
    const std::vector<NodeId> trainingSets
        = downstreamOf(graph, feature, EdgeKind::Feature, ResourceKind::TrainingSet);
    std::vector<NodeId> models
        = downstreamOf(graph, feature, EdgeKind::InferenceFeature, ResourceKind::Model);
    for (NodeId set : trainingSets) {
        const std::vector<NodeId> trained
            = downstreamOf(graph, set, EdgeKind::TrainingSet, ResourceKind::Model);
        models.insert(models.end(), trained.begin(), trained.end());
    }
    std::sort(models.begin(), models.end());
    models.erase(std::unique(models.begin(), models.end()), models.end());
    return {graph.resource(feature).ref, trainingSets.size(), models.size()};
}

std::vector<CatalogStatistics::GrowthPoint> growthFrom(const std::vector<ImportChanges> &changes)
{
    std::vector<CatalogStatistics::GrowthPoint> growth;
    std::map<ResourceKind, std::int64_t> present;
    for (ResourceKind kind : kAllKinds)
        present[kind] = 0;
    for (const ImportChanges &import : changes) {
        CatalogStatistics::GrowthPoint point{import.import, import.at, {}};
        for (const auto &[kind, counts] : import.byKind)
            present[kind]
                += std::int64_t(counts.created + counts.restored) - std::int64_t(counts.removed);
        for (const auto &[kind, count] : present)
            point.present[kind] = std::size_t(std::max<std::int64_t>(count, 0));
        growth.push_back(std::move(point));
    }
    return growth;
}

} // namespace

CatalogStatistics computeCatalogStatistics(const LineageGraph &graph,
    const PropagationPolicy &policy, const std::vector<ImportChanges> &changes)
{
    CatalogStatistics stats;
    stats.import = graph.import();
    stats.importedAt = graph.importedAt();
    stats.byKind = zeroByKind();
    for (ModelStage stage : kAllStages)
        stats.modelsByStage[stage] = 0;

    std::map<std::pair<ResourceKind, std::string>, std::size_t> versions;
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        const LineageNode &resource = graph.resource(node);
        ++stats.byKind[resource.ref.kind];
        if (resource.ref.kind == ResourceKind::Model)
            ++stats.modelsByStage[resource.stage.value_or(ModelStage::Development)];
        if (resource.ref.kind == ResourceKind::Feature)
            stats.reuse.push_back(reuseOf(graph, node));
        if (isVersioned(resource.ref.kind))
            ++versions[{resource.ref.kind, resource.ref.name}];
    }
    std::sort(stats.reuse.begin(), stats.reuse.end(),
        [](const CatalogStatistics::FeatureReuse &a, const CatalogStatistics::FeatureReuse &b) {
            return a.uses() != b.uses() ? a.uses() > b.uses() : a.feature < b.feature;
        });
    for (const CatalogStatistics::FeatureReuse &feature : stats.reuse)
        ++stats.reuseDistribution[feature.uses()];
    for (const auto &[name, count] : versions)
        ++stats.versionsPerAsset[count];

    stats.growth = growthFrom(changes);
    stats.piiExposure = modelExposures(graph, policy);
    return stats;
}

Result<CatalogStatistics> readCatalogStatistics(
    CatalogStore &store, const AsOf &asOf, const PropagationPolicy &policy)
{
    // Both reads at one import, so an import made meanwhile cannot come between them.
    auto import = store.resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    const AsOf at = *import ? AsOf::import(**import) : asOf;
    auto snapshot = store.lineageSnapshot(at);
    if (!snapshot)
        return tl::unexpected(snapshot.error());
    auto changes = store.importChanges(at);
    if (!changes)
        return tl::unexpected(changes.error());
    const LineageGraph graph = LineageGraph::build(std::move(*snapshot));
    return computeCatalogStatistics(graph, policy, *changes);
}

} // namespace tributary
