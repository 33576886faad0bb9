// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/catalogstore.h"

namespace tributary {

// The numbers behind the dashboard, all at one point in history (the graph's). Every count is
// of resources present at that point: one per version for versioned kinds, one per name for
// providers and entities.
struct CatalogStatistics {
    std::optional<ImportId> import; // the import the numbers stand at; none: an empty catalog
    Timestamp importedAt;

    // Resources present, by kind; every kind has an entry (0 when there is none).
    std::map<ResourceKind, std::size_t> byKind;
    // Models present, by stage; every stage has an entry.
    std::map<ModelStage, std::size_t> modelsByStage;

    // One feature version: the training sets whose `features` list it, and the distinct models
    // that use it, directly (a model's `features`) or through one of those training sets.
    struct FeatureReuse {
        Ref feature;
        std::size_t trainingSets = 0;
        std::size_t models = 0;
        std::size_t uses() const { return trainingSets + models; }
    };
    // Every feature version present, most uses first, then by ref.
    std::vector<FeatureReuse> reuse;
    // uses() -> how many feature versions have that many (0 included: unused features).
    std::map<std::size_t, std::size_t> reuseDistribution;

    // The resources present, by kind (every kind), just after one import.
    struct GrowthPoint {
        ImportId import;
        Timestamp at;
        std::map<ResourceKind, std::size_t> present;
    };
    // One point per import, oldest first, up to the as-of point.
    std::vector<GrowthPoint> growth;

    // Versions present -> how many names have that many, over the versioned kinds (sources,
    // features, labels, training sets, models; a name is counted once per kind).
    std::map<std::size_t, std::size_t> versionsPerAsset;

    // One model's exposures: the distinct (place where a pii tag is written, that tag) pairs
    // whose tag reaches the model under the propagation policy. A place is a column or a
    // resource; `tags` are the distinct pii tags that reach it.
    struct ModelExposure {
        Ref model;
        std::size_t exposures = 0;
        std::vector<std::string> tags;
    };
    // Every model some pii tag reaches, most exposures first, then by ref.
    std::vector<ModelExposure> piiExposure;

    bool empty() const { return !import; }
};

// The tags the exposure statistics follow: `pii` and every `pii:*` (tagMatches("pii", tag)).
inline constexpr const char *kExposureTagPattern = "pii";

// Every statistic at the graph's point. `changes` is CatalogStore::importChanges() at that
// point (it gives the growth); the policy decides where pii tags travel.
CatalogStatistics computeCatalogStatistics(const LineageGraph &graph,
    const PropagationPolicy &policy, const std::vector<ImportChanges> &changes);

// The models pii tags reach, with their exposures as CatalogStatistics defines them: each place
// where a pii tag is written is followed on its own, over what propagateTags() says holds it.
std::vector<CatalogStatistics::ModelExposure> modelExposures(
    const LineageGraph &graph, const PropagationPolicy &policy);

// Reads the lineage and the import changes at `asOf` from `store`, then computes.
// Errors: NotFound (unknown import), Database, Unavailable.
Result<CatalogStatistics> readCatalogStatistics(
    CatalogStore &store, const AsOf &asOf, const PropagationPolicy &policy);

} // namespace tributary
