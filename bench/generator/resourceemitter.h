// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalogplan.h"
#include "random.h"
#include "textgenerator.h"
#include "yamltext.h"

namespace tributary::bench {

// Writes one planned resource as an item of its section list (`  - name: ...`). Every choice
// not fixed by the plan (metadata, prose, stats, YAML spelling) is drawn from `rng`.
// `superseded` says a later version of the same name exists (it may then be deprecated).
class ResourceEmitter
{
public:
    ResourceEmitter(const CatalogPlan &plan, YamlText &out)
        : m_plan(plan)
        , m_text(plan)
        , m_out(out)
    { }

    void provider(std::size_t index);
    void entity(Random &rng, std::size_t index);
    void source(Random &rng, std::uint32_t index, bool superseded);
    void feature(Random &rng, std::uint32_t index, bool label, bool superseded);
    void trainingSet(Random &rng, std::uint32_t index, bool superseded);
    void model(Random &rng, std::uint32_t index, bool superseded);

private:
    void nameAndVersion(const std::string &name, const std::string &version);
    void metadata(Random &rng, const std::string &description, bool superseded);
    void column(Random &rng, const PlanColumn &column, bool raw);
    void stats(Random &rng, ColumnType type);
    void ref(std::string_view kindPrefix, const std::string &name, const std::string &version);
    void columnRef(std::uint32_t source, std::uint16_t column);
    template <typename Items>
    void refList(std::string_view key, const Items &all, const std::vector<std::uint32_t> &picked);

    const CatalogPlan &m_plan;
    TextGenerator m_text;
    YamlText &m_out;
};

} // namespace tributary::bench
