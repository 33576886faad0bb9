// SPDX-License-Identifier: Apache-2.0
#include "resourceemitter.h"

#include <algorithm>
#include <iterator>

namespace tributary::bench {

namespace {

constexpr std::string_view kTransformNames[] = {"identity", "transformed", "aggregated", "masked"};
constexpr std::string_view kColumnTags[] = {"pii:direct", "pii:indirect", "gdpr"};
constexpr std::string_view kCategories[] = {"web", "ios", "android", "partner", "store", "other"};
constexpr std::string_view kRegressionPurposes[] = {"ltv", "eta", "demand"};

} // namespace

void ResourceEmitter::nameAndVersion(const std::string &name, const std::string &version)
{
    m_out << "  - name: " << name << "\n    version: ";
    m_out.quoted(version) << '\n';
}

void ResourceEmitter::metadata(Random &rng, const std::string &description, bool superseded)
{
    if (rng.percent(90))
        m_out << "    owner: " << rng.pick(owners()) << '\n';
    if (!description.empty())
        m_out.block(4, "description", description);
    if (rng.percent(60)) {
        m_out << "    tags: [team:" << rng.pick(teams());
        const std::size_t first = rng.below(resourceTags().size());
        const int extra = rng.between(0, 2);
        for (int i = 0; i < extra; ++i)
            m_out << ", " << resourceTags()[(first + 3 * std::size_t(i)) % resourceTags().size()];
        m_out << "]\n";
    }
    if (rng.percent(20))
        m_out << "    properties: {cost_center: \"cc-" << rng.between(100, 999) << "\", sla: \""
              << rng.pick(cadences()) << "\"}\n";
    if (superseded && rng.percent(50))
        m_out << (rng.percent(80) ? "    status: deprecated\n" : "    status: retired\n");
    else if (!superseded && rng.percent(3))
        m_out << "    status: draft\n";
}

void ResourceEmitter::ref(
    std::string_view kindPrefix, const std::string &name, const std::string &version)
{
    m_out << '"' << kindPrefix << name << '@' << version << '"';
}

void ResourceEmitter::columnRef(std::uint32_t source, std::uint16_t column)
{
    const PlanSource &s = m_plan.sources[source];
    m_out << '"' << s.name << '@' << s.version << '#' << s.columns[column].name << '"';
}

template <typename Items>
void ResourceEmitter::refList(
    std::string_view key, const Items &all, const std::vector<std::uint32_t> &picked)
{
    const bool flow = picked.size() <= 6;
    m_out << "    " << key << (flow ? ": [" : ":");
    for (std::size_t i = 0; i < picked.size(); ++i) {
        m_out << (flow ? (i ? ", " : "") : "\n      - ");
        ref("", all[picked[i]].name, all[picked[i]].version);
    }
    m_out << (flow ? "]\n" : "\n");
}

void ResourceEmitter::provider(std::size_t index)
{
    const ProviderTemplate &provider = providerTemplates()[index];
    m_out << "  - name: " << provider.name << "\n    type: " << provider.type
          << "\n    owner: data-platform@acme.example\n    description: \"Production "
          << provider.type << " connection, managed by the data platform team.\"\n";
}

void ResourceEmitter::entity(Random &rng, std::size_t index)
{
    const EntityTemplate &entity = entityTemplates()[index];
    m_out << "  - name: " << entity.name << '\n';
    metadata(rng, std::string(entity.description), false);
}

void ResourceEmitter::source(Random &rng, std::uint32_t index, bool superseded)
{
    const PlanSource &source = m_plan.sources[index];
    const std::string domain(domains()[source.domain]);
    nameAndVersion(source.name, source.version);
    m_out << "    provider: " << providerTemplates()[source.provider].name
          << "\n    type: " << sourceKindName(source.kind) << "\n    location: ";
    switch (source.kind) {
    case SourceKind::Table: m_out.quoted("acme." + domain + '.' + source.name); break;
    case SourceKind::File:
        m_out.quoted("s3://acme-lake/" + domain + '/' + source.name + '/');
        break;
    case SourceKind::Stream: m_out.quoted(domain + '.' + source.name); break;
    case SourceKind::Transformation: m_out.quoted("acme.derived." + source.name); break;
    }
    m_out << '\n';
    metadata(
        rng, rng.percent(85) ? m_text.sourceDescription(rng, source) : std::string(), superseded);
    const bool raw = source.kind != SourceKind::Transformation;
    if (!raw) {
        m_out << "    inputs: [";
        for (std::size_t i = 0; i < source.inputs.size(); ++i) {
            const PlanSource &input = m_plan.sources[source.inputs[i]];
            m_out << (i ? ", " : "");
            ref(rng.percent(10) ? "source:" : "", input.name, input.version);
        }
        const std::string_view language = m_text.definitionLanguage(rng, source);
        m_out << "]\n    language: " << language << '\n';
        m_out.block(4, "definition", m_text.definition(rng, source, language));
    }
    m_out << "    columns:\n";
    for (const PlanColumn &planColumn : source.columns)
        column(rng, planColumn, raw);
}

void ResourceEmitter::column(Random &rng, const PlanColumn &column, bool raw)
{
    std::string tags;
    for (std::size_t bit = 0; bit < std::size(kColumnTags); ++bit) {
        if (column.tags & (1u << bit))
            tags += (tags.empty() ? "" : ", ") + std::string(kColumnTags[bit]);
    }
    if (raw && rng.percent(20)) {
        m_out << "      - name: " << column.name << "\n        type: " << typeName(column.type)
              << "\n        description: ";
        m_out.quoted(columnTemplates()[column.root].description) << '\n';
        if (!tags.empty())
            m_out << "        tags: [" << tags << "]\n";
        return;
    }
    m_out << "      - {name: " << column.name;
    if (raw || rng.percent(80))
        m_out << ", type: " << typeName(column.type);
    if (!tags.empty())
        m_out << ", tags: [" << tags << ']';
    if (!column.derivedFrom.empty()) {
        m_out << ", derived_from: [";
        for (std::size_t i = 0; i < column.derivedFrom.size(); ++i) {
            const PlanDerivation &d = column.derivedFrom[i];
            const bool mapping = d.transform != Transform::Identity || rng.percent(10);
            m_out << (i ? ", " : "") << (mapping ? "{column: " : "");
            columnRef(d.source, d.column);
            if (mapping)
                m_out << ", transform: " << kTransformNames[int(d.transform)] << '}';
        }
        m_out << ']';
    }
    m_out << "}\n";
}

void ResourceEmitter::feature(Random &rng, std::uint32_t index, bool label, bool superseded)
{
    const PlanFeature &feature = label ? m_plan.labels[index] : m_plan.features[index];
    const PlanSource &source = m_plan.sources[feature.source];
    const PlanColumn &valueColumn = source.columns[feature.column];
    nameAndVersion(feature.name, feature.version);
    m_out << "    entity: " << entityTemplates()[feature.entity].name << "\n    source: ";
    ref("", source.name, source.version);
    m_out << "\n    column: " << valueColumn.name << "\n    type: " << typeName(valueColumn.type)
          << '\n';
    metadata(rng, rng.percent(80) ? m_text.featureDescription(rng, feature, label) : std::string(),
        superseded);
    if (rng.percent(25)) {
        m_out << "    language: sql\n";
        m_out.block(4, "definition", m_text.featureDefinition(feature));
    }
    if (rng.percent(30))
        stats(rng, valueColumn.type);
}

void ResourceEmitter::stats(Random &rng, ColumnType type)
{
    const int count = rng.between(1000, 50'000'000);
    m_out << "    stats:\n      count: " << count << "\n      null_fraction: ";
    m_out.fixed(rng.between(0, 2000), 4) << '\n';
    if (type == ColumnType::Timestamp || type == ColumnType::Date)
        return;
    std::int64_t remaining = count;
    auto bucketCount = [&](bool last) {
        const std::int64_t n = last ? remaining : remaining * rng.between(10, 60) / 100;
        remaining -= n;
        return static_cast<std::uint64_t>(n);
    };
    if (type == ColumnType::Bool) {
        m_out << "      mean: ";
        m_out.fixed(rng.between(0, 10000), 4) << "\n      min: 0\n      max: 1\n";
        m_out << "      histogram: [{bucket: \"false\", count: " << bucketCount(false)
              << "}, {bucket: \"true\", count: " << bucketCount(true) << "}]\n";
        return;
    }
    if (type == ColumnType::String) {
        const int buckets = rng.between(3, 6);
        m_out << "      histogram: [";
        for (int i = 0; i < buckets; ++i) {
            m_out << (i ? ", " : "") << "{bucket: \"" << kCategories[i]
                  << "\", count: " << bucketCount(i + 1 == buckets) << '}';
        }
        m_out << "]\n";
        return;
    }
    // Numbers in hundredths.
    const std::int64_t low = rng.between(-1000, 10000);
    const std::int64_t width = rng.between(100, 2'000'000);
    m_out << "      mean: ";
    m_out.fixed(low + rng.between(0, static_cast<int>(width * 5)), 2) << "\n      min: ";
    m_out.fixed(low, 2) << "\n      max: ";
    m_out.fixed(low + 5 * width, 2) << "\n      histogram:\n";
    for (int i = 0; i < 5; ++i) {
        YamlText bucket;
        bucket.fixed(low + i * width, 2) << '-';
        bucket.fixed(low + (i + 1) * width, 2);
        m_out << "        - {bucket: ";
        m_out.quoted(bucket.str()) << ", count: " << bucketCount(i == 4) << "}\n";
    }
}

void ResourceEmitter::trainingSet(Random &rng, std::uint32_t index, bool superseded)
{
    const PlanTrainingSet &set = m_plan.trainingSets[index];
    const PlanFeature &label = m_plan.labels[set.label];
    nameAndVersion(set.name, set.version);
    m_out << "    label: ";
    ref("", label.name, label.version);
    m_out << '\n';
    refList("features", m_plan.features, set.features);
    metadata(
        rng, rng.percent(80) ? m_text.trainingSetDescription(rng, set) : std::string(), superseded);
}

void ResourceEmitter::model(Random &rng, std::uint32_t index, bool superseded)
{
    const PlanModel &model = m_plan.models[index];
    nameAndVersion(model.name, model.version);
    refList("training_sets", m_plan.trainingSets, model.trainingSets);
    if (!model.features.empty())
        refList("features", m_plan.features, model.features);
    const std::uint32_t roll = rng.below(100);
    const std::string_view stage = superseded ? (roll < 70 ? "archived" : "staging")
        : roll < 50                           ? "production"
        : roll < 75                           ? "staging"
                                              : "development";
    m_out << "    stage: " << stage << "\n    metrics: {";
    const std::string_view purpose = purposes()[model.purpose];
    if (std::find(std::begin(kRegressionPurposes), std::end(kRegressionPurposes), purpose)
        != std::end(kRegressionPurposes)) {
        m_out << "rmse: ";
        m_out.fixed(rng.between(100, 50000), 3) << ", mae: ";
        m_out.fixed(rng.between(50, 30000), 3) << ", r2: ";
        m_out.fixed(rng.between(2000, 9500), 4);
    } else {
        m_out << "auc: ";
        m_out.fixed(rng.between(6000, 9900), 4) << ", precision: ";
        m_out.fixed(rng.between(3000, 9800), 4) << ", recall: ";
        m_out.fixed(rng.between(2000, 9500), 4) << ", logloss: ";
        m_out.fixed(rng.between(50, 7000), 4);
    }
    m_out << "}\n";
    metadata(
        rng, rng.percent(80) ? m_text.modelDescription(rng, model) : std::string(), superseded);
}

} // namespace tributary::bench
