// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "catalogplan.h"
#include "planning_p.h"
#include "random.h"

namespace tributary::bench {

// Plans the sources of a catalog, appending to `sources`: raw tables, files and streams with
// 5 to 20 typed, partly PII-tagged columns, and transformations over 1 to 3 earlier sources
// whose columns map to input columns (identity, transformed, aggregated, masked).
class SourcePlanner
{
public:
    SourcePlanner(Random &rng, std::vector<PlanSource> &sources);

    void add(bool raw);

    // The indices of the sources keyed by each entity, by entityTemplates() index.
    const std::vector<std::vector<std::uint32_t>> &sourcesByEntity() const
    {
        return m_sourcesByEntity;
    }

private:
    void fillRawColumns(PlanSource &source, std::size_t count);
    void fillTransformation(PlanSource &source, const PlanSource *previous);
    PlanColumn deriveColumn(std::uint32_t input, std::uint16_t column);
    std::uint32_t pickInput();

    Random &m_rng;
    std::vector<PlanSource> &m_sources;
    NameRun m_rawRun;
    NameRun m_transformRun;
    std::vector<std::vector<std::uint32_t>> m_sourcesByEntity;
};

} // namespace tributary::bench
