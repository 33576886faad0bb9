// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalogplan.h"
#include "random.h"
#include "resourceemitter.h"
#include "yamltext.h"

namespace tributary::bench {

struct KindStats {
    std::string_view section; // "sources", ...
    std::size_t resources = 0;
    std::size_t files = 0;
    std::uint64_t bytes = 0;
};

// Writes a planned catalog as YAML files, one folder per kind. The text is built in memory per
// file (no YAML library). Each resource draws its text from its own random stream derived from
// (seed, kind, index), so the output depends on nothing but the plan and the seed.
class CatalogWriter
{
public:
    CatalogWriter(const CatalogPlan &plan, std::uint64_t seed, std::filesystem::path directory);

    // Writes <directory>/<section>/0001.yaml, ... with `perFile` resources a file, in documents
    // of perFile / 2 resources, each starting with `apiVersion: tributary/v1`. Existing files of
    // the same names are overwritten. Returns an error message, empty on success.
    std::string write(std::size_t perFile);

    // One entry per kind, in the order written.
    const std::vector<KindStats> &stats() const { return m_stats; }

private:
    template <typename Emit>
    std::string writeKind(std::string_view section, std::size_t count, Emit emit);
    std::string flushFile(KindStats &stats);

    const CatalogPlan &m_plan;
    std::uint64_t m_seed;
    std::filesystem::path m_directory;
    std::size_t m_perFile = 500;
    std::vector<KindStats> m_stats;
    YamlText m_out;
    ResourceEmitter m_emitter;
};

} // namespace tributary::bench
