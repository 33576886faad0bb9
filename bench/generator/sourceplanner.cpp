// SPDX-License-Identifier: Apache-2.0
#include "sourceplanner.h"

#include <algorithm>
#include <string>
#include <utility>

namespace tributary::bench {

SourcePlanner::SourcePlanner(Random &rng, std::vector<PlanSource> &sources)
    : m_rng(rng)
    , m_sources(sources)
    , m_sourcesByEntity(entityTemplates().size())
{ }

void SourcePlanner::add(bool raw)
{
    const auto index = static_cast<std::uint32_t>(m_sources.size());
    NameRun &run = raw ? m_rawRun : m_transformRun;
    const bool newName = run.done();
    PlanSource source;
    if (!newName) {
        const PlanSource &previous = m_sources[run.last];
        source.entity = previous.entity;
        source.provider = previous.provider;
        source.domain = previous.domain;
    } else {
        source.entity = static_cast<std::uint8_t>(m_rng.below(entityTemplates().size()));
        source.domain = static_cast<std::uint8_t>(m_rng.below(domains().size()));
    }
    if (raw) {
        if (newName) {
            do {
                source.provider
                    = static_cast<std::uint8_t>(m_rng.below(providerTemplates().size()));
            } while (!providerTemplates()[source.provider].holdsRawSources);
            const std::string_view noun = m_rng.pick(datasetNouns());
            run.start(m_rng,
                std::string(domains()[source.domain]) + '_' + std::string(noun) + '_'
                    + std::to_string(index),
                10);
            fillRawColumns(source, static_cast<std::size_t>(m_rng.between(5, 20)));
        } else {
            // A new version of a raw table: the same schema with a column added.
            source.columns = m_sources[run.last].columns;
            fillRawColumns(source, std::min<std::size_t>(source.columns.size() + 1, 20));
        }
        source.kind = providerTemplates()[source.provider].produces;
    } else {
        source.kind = SourceKind::Transformation;
        // The inputs decide the entity; a new version keeps its predecessor's inputs.
        fillTransformation(source, newName ? nullptr : &m_sources[run.last]);
        if (newName) {
            do {
                source.provider
                    = static_cast<std::uint8_t>(m_rng.below(providerTemplates().size()));
            } while (!providerTemplates()[source.provider].computes);
            run.start(m_rng,
                std::string(entityTemplates()[source.entity].name) + '_'
                    + std::string(m_rng.pick(cadences())) + '_'
                    + std::string(m_rng.pick(subjects())) + '_' + std::to_string(index),
                10);
        }
    }
    source.name = run.name;
    source.version = run.take();
    run.last = index;
    m_sourcesByEntity[source.entity].push_back(index);
    m_sources.push_back(std::move(source));
}

void SourcePlanner::fillRawColumns(PlanSource &source, std::size_t count)
{
    const auto templates = columnTemplates();
    const std::uint16_t key = entityTemplates()[source.entity].keyColumn;
    auto has = [&source](std::uint16_t root) {
        return std::any_of(source.columns.begin(), source.columns.end(),
            [root](const PlanColumn &c) { return c.root == root; });
    };
    while (source.columns.size() < count) {
        const auto root = static_cast<std::uint16_t>(
            source.columns.empty() ? key : m_rng.below(templates.size()));
        if (has(root))
            continue;
        PlanColumn column;
        column.name = std::string(templates[root].name);
        column.type = templates[root].type;
        column.tags = templates[root].tags;
        column.root = root;
        source.columns.push_back(std::move(column));
    }
}

void SourcePlanner::fillTransformation(PlanSource &source, const PlanSource *previous)
{
    const int inputCount = 1 + (m_rng.percent(45) ? 1 : 0) + (m_rng.percent(15) ? 1 : 0);
    if (previous)
        source.inputs = previous->inputs;
    for (int i = int(source.inputs.size()); i < inputCount; ++i) {
        const std::uint32_t input = pickInput();
        if (!contains(source.inputs, input))
            source.inputs.push_back(input);
    }
    source.entity = m_sources[source.inputs[0]].entity;

    const PlanColumn &inputKey = m_sources[source.inputs[0]].columns[0];
    PlanColumn key;
    key.name = inputKey.name;
    key.type = inputKey.type;
    key.root = inputKey.root;
    key.derivedFrom.push_back({source.inputs[0], 0, Transform::Identity});
    source.columns.push_back(std::move(key));
    const int outputs = m_rng.between(3, 15);
    for (int i = 0; i < outputs; ++i) {
        const std::uint32_t input = m_rng.pick(source.inputs);
        const PlanSource &from = m_sources[input];
        const auto column = static_cast<std::uint16_t>(1 + m_rng.below(from.columns.size() - 1));
        PlanColumn out = deriveColumn(input, column);
        if (isNumeric(from.columns[column].type) && m_rng.percent(15)) {
            // A ratio of two numeric input columns.
            const std::uint32_t other = m_rng.pick(source.inputs);
            const PlanSource &second = m_sources[other];
            const auto otherColumn = static_cast<std::uint16_t>(m_rng.below(second.columns.size()));
            if (isNumeric(second.columns[otherColumn].type)) {
                out.derivedFrom = {{input, column, Transform::Transformed},
                    {other, otherColumn, Transform::Transformed}};
                out.op = static_cast<std::uint8_t>(transformSuffixes().size() - 1);
                out.name = std::string(columnTemplates()[out.root].name) + "_ratio";
                out.type = ColumnType::Float64;
            }
        }
        const auto named = [&out](const PlanColumn &c) { return c.name == out.name; };
        if (out.derivedFrom[0].transform == Transform::Identity
            && std::any_of(source.columns.begin(), source.columns.end(), named))
            continue; // the column is there already
        const std::string base = out.name;
        for (int n = 2; std::any_of(source.columns.begin(), source.columns.end(), named); ++n)
            out.name = base + '_' + std::to_string(n);
        source.columns.push_back(std::move(out));
    }
    // Some transformations document no column lineage: tags then reach downstream at resource
    // level only.
    if (m_rng.percent(10)) {
        for (PlanColumn &column : source.columns)
            column.derivedFrom.clear();
    }
}

PlanColumn SourcePlanner::deriveColumn(std::uint32_t input, std::uint16_t column)
{
    const PlanColumn &from = m_sources[input].columns[column];
    PlanColumn out;
    out.root = from.root;
    const std::string rootName(columnTemplates()[from.root].name);
    const bool numeric = isNumeric(from.type);
    // Only what makes sense for the data: masking for personal data (judged by the raw column the
    // value comes from), no averages of strings, no logarithms of booleans.
    const std::uint8_t sensitivity = columnTemplates()[from.root].tags;
    const std::uint32_t roll = m_rng.below(100);
    Transform transform = Transform::Identity;
    if (sensitivity & kTagPiiDirect) {
        transform = roll < 60 ? Transform::Masked
            : roll < 80       ? Transform::Identity
                              : Transform::Transformed;
    } else {
        const std::uint32_t masked = (sensitivity & kTagPiiIndirect) ? 15 : 0;
        const std::uint32_t identity = masked + (numeric ? 40 : 55);
        const std::uint32_t transformed = identity + (numeric ? 27 : 15);
        transform = roll < masked ? Transform::Masked
            : roll < identity     ? Transform::Identity
            : roll < transformed  ? Transform::Transformed
                                  : Transform::Aggregated;
    }
    switch (transform) {
    case Transform::Identity:
        out.name = from.name;
        out.type = from.type;
        break;
    case Transform::Aggregated:
        out.op = static_cast<std::uint8_t>(
            numeric ? m_rng.below(aggregatePrefixes().size()) : kCountOp);
        out.name = std::string(aggregatePrefixes()[out.op]) + rootName;
        out.type = out.op == kCountOp ? ColumnType::Int64 : ColumnType::Float64;
        break;
    case Transform::Masked:
        out.op = static_cast<std::uint8_t>(m_rng.below(maskSuffixes().size()));
        out.name = rootName + std::string(maskSuffixes()[out.op]);
        out.type = ColumnType::String;
        break;
    case Transform::Transformed:
        // The last suffix, "_ratio", is for two-column ratios.
        out.op = static_cast<std::uint8_t>(
            numeric ? m_rng.below(transformSuffixes().size() - 1) : kBucketOp);
        out.name = rootName + std::string(transformSuffixes()[out.op]);
        out.type = out.op == kBucketOp ? ColumnType::Int64 : ColumnType::Float64;
        break;
    }
    out.derivedFrom.push_back({input, column, transform});
    return out;
}

std::uint32_t SourcePlanner::pickInput()
{
    // Half of the inputs are recent sources, which makes long chains as well as wide fan-in.
    const std::size_t count = m_sources.size();
    if (count > 300 && m_rng.percent(50))
        return static_cast<std::uint32_t>(count - 1 - m_rng.below(300));
    return m_rng.below(count);
}

} // namespace tributary::bench
