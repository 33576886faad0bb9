// SPDX-License-Identifier: Apache-2.0
#include "textgenerator.h"

#include <algorithm>

namespace tributary::bench {

namespace {

constexpr std::string_view kReasons[]
    = {"double-counted refunds", "ignored events that arrived late",
        "used a 7-day instead of a 30-day window", "was computed in local time instead of UTC",
        "dropped rows with a missing currency", "counted test accounts"};

constexpr std::string_view kCommon[] = {
    "Backfilled to 2021-01-01; values before that date are missing.",
    "Numbers differ slightly from the finance dashboard, which uses settled amounts.",
    "**Do not** change the definition without announcing it in #data-changes.",
    "Monitored for drift; alerts go to the on-call rotation.",
    "Late data is reprocessed for up to `3` days.",
    "Documented in the data handbook under *Core metrics*.",
};

std::string entityName(std::uint8_t entity)
{
    return std::string(entityTemplates()[entity].name);
}

} // namespace

void TextGenerator::appendSourceLink(std::string &text, std::uint32_t source) const
{
    const PlanSource &s = m_plan.sources[source];
    text += "[[source:" + s.name + '@' + s.version + "]]";
}

void TextGenerator::appendFeatureLink(std::string &text, std::uint32_t feature) const
{
    const PlanFeature &f = m_plan.features[feature];
    text += "[[feature:" + f.name + '@' + f.version + "]]";
}

void TextGenerator::appendCommon(Random &rng, std::string &text) const
{
    if (rng.percent(40))
        text += "\nOwned by the " + std::string(rng.pick(teams())) + " team; questions go to "
            + rng.pick(owners()) + '.';
    if (rng.percent(35))
        text += '\n' + std::string(rng.pick(kCommon));
    if (rng.percent(30) && !m_plan.features.empty()) {
        text += "\nSee also ";
        appendFeatureLink(text, rng.below(m_plan.features.size()));
        text += '.';
    }
}

std::string TextGenerator::sourceDescription(Random &rng, const PlanSource &source) const
{
    std::string text;
    const std::string domain(domains()[source.domain]);
    if (source.kind != SourceKind::Transformation) {
        text = "Raw " + std::string(sourceKindName(source.kind)) + " from the " + domain
            + " systems, landed " + std::string(rng.pick(cadences())) + " by ingestion.";
        text += "\nEach row belongs to one " + entityName(source.entity) + "; `"
            + source.columns[0].name + "` joins it to the rest of the catalog.";
        const auto pii = std::find_if(source.columns.begin(), source.columns.end(),
            [](const PlanColumn &c) { return c.tags & kTagPiiDirect; });
        if (pii != source.columns.end())
            text += "\nHolds personal data (`" + pii->name + "`): access is restricted.";
    } else {
        text = "Per-" + entityName(source.entity) + " " + domain + " aggregates built from ";
        for (std::size_t i = 0; i < source.inputs.size(); ++i) {
            text += i == 0 ? "" : i + 1 == source.inputs.size() ? " and " : ", ";
            appendSourceLink(text, source.inputs[i]);
        }
        text += '.';
        if (rng.percent(50))
            text += "\nWindows cover the last " + std::to_string(rng.between(7, 90)) + " days.";
    }
    appendCommon(rng, text);
    return text;
}

std::string TextGenerator::featureDescription(
    Random &rng, const PlanFeature &feature, bool label) const
{
    const PlanSource &source = m_plan.sources[feature.source];
    const PlanColumn &column = source.columns[feature.column];
    std::string text = label ? "What the models learn to predict: " : "";
    std::string_view meaning = columnTemplates()[column.root].description;
    if (label && !meaning.empty()) {
        text += char(meaning[0] - 'A' + 'a');
        meaning.remove_prefix(1);
    }
    text += std::string(meaning) + "\nComputed per " + entityName(feature.entity) + " from ";
    appendSourceLink(text, feature.source);
    text += " (`" + column.name + "`).";
    if (feature.previous != kNone) {
        const PlanFeature &previous
            = label ? m_plan.labels[feature.previous] : m_plan.features[feature.previous];
        text += "\nReplaces [[" + std::string(label ? "label:" : "feature:") + previous.name + '@'
            + previous.version + "]], which " + std::string(rng.pick(kReasons)) + '.';
    }
    appendCommon(rng, text);
    return text;
}

std::string TextGenerator::trainingSetDescription(Random &rng, const PlanTrainingSet &set) const
{
    const PlanFeature &label = m_plan.labels[set.label];
    std::string text = "Training data for " + std::string(purposes()[set.purpose]) + " models on "
        + entityName(label.entity) + " (" + std::to_string(set.features.size())
        + " features), labelled by [[label:" + label.name + '@' + label.version + "]].";
    text += "\nPoint-in-time correct joins on `event_ts`; the strongest feature so far is ";
    appendFeatureLink(text, rng.pick(set.features));
    text += '.';
    appendCommon(rng, text);
    return text;
}

std::string TextGenerator::modelDescription(Random &rng, const PlanModel &model) const
{
    const PlanTrainingSet &set = m_plan.trainingSets[model.trainingSets[0]];
    std::string text = "Predicts " + std::string(purposes()[model.purpose])
        + " scores; trained on [[training_set:" + set.name + '@' + set.version + "]].";
    text += "\nServes about " + std::to_string(rng.between(5, 900))
        + " requests per second with a p99 latency of " + std::to_string(rng.between(4, 80))
        + " ms; retrained " + std::string(rng.pick(cadences())) + '.';
    appendCommon(rng, text);
    return text;
}

std::string_view TextGenerator::definitionLanguage(Random &rng, const PlanSource &source) const
{
    const bool lineage = std::any_of(source.columns.begin(), source.columns.end(),
        [](const PlanColumn &c) { return !c.derivedFrom.empty(); });
    if (!lineage)
        return "python";
    return rng.percent(80) ? "sql" : "spark";
}

void TextGenerator::appendColumnExpression(
    std::string &text, const PlanSource &source, const PlanColumn &column) const
{
    auto ref = [&](const PlanDerivation &d) {
        const auto alias = std::find(source.inputs.begin(), source.inputs.end(), d.source)
            - source.inputs.begin();
        return 't' + std::to_string(alias) + '.' + m_plan.sources[d.source].columns[d.column].name;
    };
    const PlanDerivation &first = column.derivedFrom[0];
    const std::string x = ref(first);
    switch (first.transform) {
    case Transform::Identity: text += x; break;
    case Transform::Aggregated:
        text += std::string(aggregateFunctions()[column.op]) + '(' + x + ')';
        break;
    case Transform::Masked: text += std::string(maskFunctions()[column.op]) + '(' + x + ')'; break;
    case Transform::Transformed:
        if (column.derivedFrom.size() > 1) {
            text += x + " / NULLIF(" + ref(column.derivedFrom[1]) + ", 0)";
            break;
        }
        static constexpr std::string_view kForms[] = {"LN(1 + %)",
            "(% - AVG(%) OVER ()) / NULLIF(STDDEV(%) OVER (), 0)", "NTILE(10) OVER (ORDER BY %)",
            "SUM(%) OVER (PARTITION BY t0.$ ORDER BY t0.event_ts ROWS 6 PRECEDING)",
            "SUM(%) OVER (PARTITION BY t0.$ ORDER BY t0.event_ts ROWS 29 PRECEDING)"};
        for (char c : kForms[column.op % std::size(kForms)]) {
            if (c == '%')
                text += x;
            else if (c == '$')
                text += source.columns[0].name;
            else
                text += c;
        }
        break;
    }
    if (column.name != m_plan.sources[first.source].columns[first.column].name)
        text += " AS " + column.name;
}

std::string TextGenerator::definition(
    Random &rng, const PlanSource &source, std::string_view language) const
{
    const std::string key = source.columns[0].name;
    std::string text;
    if (language == "python") {
        text = "def transform(";
        for (std::size_t i = 0; i < source.inputs.size(); ++i)
            text += (i ? ", t" : "t") + std::to_string(i);
        text += "):\n    \"\"\"Built by the " + std::string(rng.pick(teams())) + " pipeline.\"\"\"";
        text += "\n    df = t0";
        for (std::size_t i = 1; i < source.inputs.size(); ++i)
            text += ".join(t" + std::to_string(i) + ", on=\"" + key + "\", how=\"left\")";
        text += "\n    return build_" + std::string(rng.pick(subjects()))
            + "_features(df, window_days=" + std::to_string(rng.between(7, 90)) + ')';
        return text;
    }
    text = "SELECT";
    bool grouped = false;
    for (std::size_t i = 0; i < source.columns.size(); ++i) {
        text += i == 0 ? "\n  " : ",\n  ";
        appendColumnExpression(text, source, source.columns[i]);
        grouped = grouped || source.columns[i].derivedFrom[0].transform == Transform::Aggregated;
    }
    for (std::size_t i = 0; i < source.inputs.size(); ++i) {
        text += i == 0 ? "\nFROM " : "\nJOIN ";
        text += m_plan.sources[source.inputs[i]].name + " AS t" + std::to_string(i);
        if (i > 0)
            text += " USING (" + key + ')';
    }
    text += "\nWHERE t0.event_date >= DATE_SUB(CURRENT_DATE(), INTERVAL "
        + std::to_string(rng.between(7, 365)) + " DAY)";
    if (grouped)
        text += "\nGROUP BY t0." + key;
    return text;
}

std::string TextGenerator::featureDefinition(const PlanFeature &feature) const
{
    const PlanSource &source = m_plan.sources[feature.source];
    const std::string &column = source.columns[feature.column].name;
    return "SELECT " + source.columns[0].name + ", " + column + " FROM " + source.name + " WHERE "
        + column + " IS NOT NULL";
}

} // namespace tributary::bench
