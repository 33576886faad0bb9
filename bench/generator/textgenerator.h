// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "catalogplan.h"
#include "random.h"

namespace tributary::bench {

// Prose and code for a planned catalog: Markdown descriptions that link existing resources as
// [[kind:name@version]], and transformation definitions consistent with the column lineage.
// Text comes back as lines joined by '\n' without a trailing newline; the caller indents it.
class TextGenerator
{
public:
    explicit TextGenerator(const CatalogPlan &plan)
        : m_plan(plan)
    { }

    std::string sourceDescription(Random &rng, const PlanSource &source) const;
    std::string featureDescription(Random &rng, const PlanFeature &feature, bool label) const;
    std::string trainingSetDescription(Random &rng, const PlanTrainingSet &set) const;
    std::string modelDescription(Random &rng, const PlanModel &model) const;

    // The language the definition is written in: python when it documents no column lineage.
    std::string_view definitionLanguage(Random &rng, const PlanSource &source) const;
    std::string definition(Random &rng, const PlanSource &source, std::string_view language) const;
    // A short SQL definition of a feature or label.
    std::string featureDefinition(const PlanFeature &feature) const;

private:
    void appendCommon(Random &rng, std::string &text) const;
    void appendSourceLink(std::string &text, std::uint32_t source) const;
    void appendFeatureLink(std::string &text, std::uint32_t feature) const;
    void appendColumnExpression(
        std::string &text, const PlanSource &source, const PlanColumn &column) const;

    const CatalogPlan &m_plan;
};

} // namespace tributary::bench
