// SPDX-License-Identifier: Apache-2.0
#include "catalogplan.h"

#include <algorithm>
#include <utility>

#include "planning_p.h"
#include "random.h"
#include "sourceplanner.h"

namespace tributary::bench {

namespace {

class Planner
{
public:
    explicit Planner(std::uint64_t seed)
        : m_rng(seed)
        , m_sources(m_rng, m_plan.sources)
    { }

    CatalogPlan run(std::size_t resources);

private:
    void addFeature(std::vector<PlanFeature> &list, NameRun &run, bool label);
    void addTrainingSet();
    void addModel();
    std::uint16_t pickValueColumn(const PlanSource &source, bool label);

    Random m_rng;
    CatalogPlan m_plan;
    SourcePlanner m_sources;
    NameRun m_featureRun, m_labelRun, m_trainingRun, m_modelRun;
    std::vector<std::vector<std::uint32_t>> m_featuresByEntity;
};

CatalogPlan Planner::run(std::size_t resources)
{
    const std::size_t sources = std::max<std::size_t>(4, resources * 25 / 100);
    const std::size_t raw = std::max<std::size_t>(2, sources * 40 / 100);
    const std::size_t features = std::max<std::size_t>(5, resources * 60 / 100);
    const std::size_t labels = std::max<std::size_t>(1, resources * 3 / 100);
    const std::size_t trainingSets = std::max<std::size_t>(1, resources * 7 / 100);
    const std::size_t used = sources + features + labels + trainingSets;
    const std::size_t models = resources > used ? resources - used : 1;

    m_featuresByEntity.assign(entityTemplates().size(), {});
    // A few raw tables first, then raw tables and transformations interleaved.
    std::size_t rawLeft = raw;
    for (std::size_t i = 0; i < sources; ++i) {
        const std::size_t left = sources - i;
        const bool addRaw = i < 2 || (rawLeft > 0 && m_rng.below(left) < rawLeft);
        m_sources.add(addRaw);
        rawLeft -= addRaw ? 1 : 0;
    }
    for (std::size_t i = 0; i < features; ++i)
        addFeature(m_plan.features, m_featureRun, false);
    for (std::size_t i = 0; i < labels; ++i)
        addFeature(m_plan.labels, m_labelRun, true);
    for (std::size_t i = 0; i < trainingSets; ++i)
        addTrainingSet();
    for (std::size_t i = 0; i < models; ++i)
        addModel();
    return std::move(m_plan);
}

std::uint16_t Planner::pickValueColumn(const PlanSource &source, bool label)
{
    // Labels are outcomes (booleans if there is one); features are measures rather than
    // identifiers or timestamps, where the source has some.
    const auto size = static_cast<std::uint32_t>(source.columns.size());
    if (label) {
        for (std::uint32_t i = 1; i < size; ++i) {
            if (source.columns[i].type == ColumnType::Bool)
                return static_cast<std::uint16_t>(i);
        }
    }
    std::uint32_t pick = 1 + m_rng.below(size - 1);
    for (int attempt = 0; attempt < 8; ++attempt) {
        const PlanColumn &column = source.columns[pick];
        const bool identifier = column.root < entityTemplates().size() && column.op != kCountOp;
        if (!identifier && column.type != ColumnType::Timestamp && column.type != ColumnType::Date)
            break;
        pick = 1 + m_rng.below(size - 1);
    }
    return static_cast<std::uint16_t>(pick);
}

void Planner::addFeature(std::vector<PlanFeature> &list, NameRun &run, bool label)
{
    const auto index = static_cast<std::uint32_t>(list.size());
    PlanFeature feature;
    if (run.done()) {
        std::uint32_t source = m_rng.below(m_plan.sources.size());
        if (m_plan.sources[source].kind != SourceKind::Transformation && m_rng.percent(70))
            source = m_rng.below(m_plan.sources.size()); // lean towards transformations
        feature.source = source;
        feature.column = pickValueColumn(m_plan.sources[source], label);
        feature.entity = m_plan.sources[source].entity;
        const PlanSource &from = m_plan.sources[source];
        run.start(m_rng,
            std::string(entityTemplates()[feature.entity].name) + '_'
                + from.columns[feature.column].name + (label ? "_label_" : "_")
                + std::to_string(index),
            label ? 20 : 30);
    } else {
        const PlanFeature &previous = list[run.last];
        feature.previous = run.last;
        feature.entity = previous.entity;
        feature.source = m_rng.percent(70)
            ? previous.source
            : m_rng.pick(m_sources.sourcesByEntity()[previous.entity]);
        // A new version reads the same column, from another source where that has it.
        const PlanSource &from = m_plan.sources[feature.source];
        const std::string &wanted = m_plan.sources[previous.source].columns[previous.column].name;
        const auto same = std::find_if(from.columns.begin() + 1, from.columns.end(),
            [&wanted](const PlanColumn &c) { return c.name == wanted; });
        feature.column = same != from.columns.end()
            ? static_cast<std::uint16_t>(same - from.columns.begin())
            : pickValueColumn(from, label);
    }
    feature.name = run.name;
    feature.version = run.take();
    run.last = index;
    if (!label)
        m_featuresByEntity[feature.entity].push_back(index);
    list.push_back(std::move(feature));
}

void Planner::addTrainingSet()
{
    const auto index = static_cast<std::uint32_t>(m_plan.trainingSets.size());
    PlanTrainingSet set;
    const bool newName = m_trainingRun.done();
    const PlanTrainingSet *previous = newName ? nullptr : &m_plan.trainingSets[m_trainingRun.last];
    // A new version mostly keeps the label and most of the features of the one before.
    set.label = previous && m_rng.percent(80) ? previous->label : m_rng.below(m_plan.labels.size());
    const std::uint8_t entity = m_plan.labels[set.label].entity;
    if (newName) {
        set.purpose = static_cast<std::uint8_t>(m_rng.below(purposes().size()));
        m_trainingRun.start(m_rng,
            std::string(purposes()[set.purpose]) + '_' + std::string(entityTemplates()[entity].name)
                + "_training_" + std::to_string(index),
            25);
    } else {
        set.purpose = previous->purpose;
    }
    const std::size_t wanted = std::min<std::size_t>(m_rng.between(5, 50), m_plan.features.size());
    if (previous) {
        for (std::uint32_t feature : previous->features) {
            if (set.features.size() < wanted && m_rng.percent(80))
                set.features.push_back(feature);
        }
    }
    const std::vector<std::uint32_t> &sameEntity = m_featuresByEntity[entity];
    while (set.features.size() < wanted) {
        const std::uint32_t feature = !sameEntity.empty() && m_rng.percent(60)
            ? m_rng.pick(sameEntity)
            : m_rng.below(m_plan.features.size());
        if (!contains(set.features, feature))
            set.features.push_back(feature);
    }
    set.name = m_trainingRun.name;
    set.version = m_trainingRun.take();
    m_trainingRun.last = index;
    m_plan.trainingSets.push_back(std::move(set));
}

void Planner::addModel()
{
    const auto index = static_cast<std::uint32_t>(m_plan.models.size());
    PlanModel model;
    const bool newName = m_modelRun.done();
    if (!newName && m_rng.percent(60)) {
        model.trainingSets = m_plan.models[m_modelRun.last].trainingSets; // retrained as it was
    } else {
        const int setCount = m_rng.percent(15) ? m_rng.between(2, 3) : 1;
        for (int i = 0; i < setCount; ++i) {
            const std::uint32_t set = m_rng.below(m_plan.trainingSets.size());
            if (!contains(model.trainingSets, set))
                model.trainingSets.push_back(set);
        }
    }
    if (newName) {
        model.purpose = m_plan.trainingSets[model.trainingSets[0]].purpose;
        m_modelRun.start(
            m_rng, std::string(purposes()[model.purpose]) + "_model_" + std::to_string(index), 40);
    } else {
        model.purpose = m_plan.models[m_modelRun.last].purpose;
    }
    if (m_rng.percent(40)) {
        const int wanted = m_rng.between(1, 5);
        for (int attempt = 0; attempt < 4 * wanted && int(model.features.size()) < wanted;
             ++attempt) {
            const std::uint32_t feature = m_rng.below(m_plan.features.size());
            const bool inSet = std::any_of(
                model.trainingSets.begin(), model.trainingSets.end(), [&](std::uint32_t set) {
                    return contains(m_plan.trainingSets[set].features, feature);
                });
            if (!inSet && !contains(model.features, feature))
                model.features.push_back(feature);
        }
    }
    model.name = m_modelRun.name;
    model.version = m_modelRun.take();
    m_modelRun.last = index;
    m_plan.models.push_back(std::move(model));
}

} // namespace

std::size_t CatalogPlan::resourceCount() const
{
    return sources.size() + features.size() + labels.size() + trainingSets.size() + models.size();
}

EdgeCounts CatalogPlan::edges() const
{
    EdgeCounts counts;
    for (const PlanSource &source : sources) {
        counts.resource += source.inputs.size();
        for (const PlanColumn &column : source.columns)
            counts.column += column.derivedFrom.size();
    }
    counts.resource += features.size() + labels.size();
    counts.featureColumn += features.size() + labels.size();
    for (const PlanTrainingSet &set : trainingSets)
        counts.resource += 1 + set.features.size();
    for (const PlanModel &model : models)
        counts.resource += model.trainingSets.size() + model.features.size();
    return counts;
}

CatalogPlan planCatalog(std::uint64_t seed, std::size_t resources)
{
    return Planner(seed).run(resources);
}

CatalogPlan planCatalogForEdges(std::uint64_t seed, std::uint64_t edges)
{
    // The edge count per resource varies a little with the size, so rescale a few times and keep
    // the closest plan.
    auto distance = [edges](const CatalogPlan &plan) {
        const std::uint64_t got = plan.edges().total();
        return got > edges ? got - edges : edges - got;
    };
    std::size_t resources = std::max<std::uint64_t>(100, edges / 6);
    CatalogPlan best;
    std::uint64_t bestDistance = ~std::uint64_t(0);
    for (int attempt = 0; attempt < 6 && bestDistance * 200 > edges; ++attempt) {
        CatalogPlan plan = planCatalog(seed, resources);
        const std::uint64_t got = plan.edges().total();
        if (distance(plan) < bestDistance) {
            bestDistance = distance(plan);
            best = std::move(plan);
        }
        resources = std::max<std::uint64_t>(100, resources * edges / got);
    }
    return best;
}

std::string versionLabel(int scheme, int index)
{
    switch (scheme) {
    case 0: return 'v' + std::to_string(index + 1);
    case 1: {
        const int months = 3 * index;
        const int month = months % 12 + 1;
        return std::to_string(2023 + months / 12) + (month < 10 ? "-0" : "-")
            + std::to_string(month);
    }
    case 2: return std::to_string(index + 1);
    default: return "1." + std::to_string(index);
    }
}

} // namespace tributary::bench
