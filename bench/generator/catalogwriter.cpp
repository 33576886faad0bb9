// SPDX-License-Identifier: Apache-2.0
#include "catalogwriter.h"

#include <algorithm>
#include <cstdio>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace tributary::bench {

namespace {

// Flags the resources that have a later version of the same name.
template <typename Items> std::vector<bool> supersededFlags(const Items &items)
{
    std::vector<bool> flags(items.size());
    std::unordered_map<std::string_view, std::size_t> last;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto [it, inserted] = last.try_emplace(items[i].name, i);
        if (!inserted) {
            flags[it->second] = true;
            it->second = i;
        }
    }
    return flags;
}

std::uint32_t index32(std::size_t index)
{
    return static_cast<std::uint32_t>(index);
}

} // namespace

CatalogWriter::CatalogWriter(
    const CatalogPlan &plan, std::uint64_t seed, std::filesystem::path directory)
    : m_plan(plan)
    , m_seed(seed)
    , m_directory(std::move(directory))
    , m_emitter(plan, m_out)
{ }

std::string CatalogWriter::write(std::size_t perFile)
{
    m_perFile = std::max<std::size_t>(2, perFile);
    m_stats.clear();
    ResourceEmitter &emit = m_emitter;
    std::string error = writeKind("providers", providerTemplates().size(),
        [&](Random &, std::size_t i) { emit.provider(i); });
    if (error.empty())
        error = writeKind("entities", entityTemplates().size(),
            [&](Random &rng, std::size_t i) { emit.entity(rng, i); });
    if (error.empty()) {
        const std::vector<bool> superseded = supersededFlags(m_plan.sources);
        error = writeKind("sources", m_plan.sources.size(),
            [&](Random &rng, std::size_t i) { emit.source(rng, index32(i), superseded[i]); });
    }
    if (error.empty()) {
        const std::vector<bool> superseded = supersededFlags(m_plan.features);
        error = writeKind("features", m_plan.features.size(), [&](Random &rng, std::size_t i) {
            emit.feature(rng, index32(i), false, superseded[i]);
        });
    }
    if (error.empty()) {
        const std::vector<bool> superseded = supersededFlags(m_plan.labels);
        error = writeKind("labels", m_plan.labels.size(), [&](Random &rng, std::size_t i) {
            emit.feature(rng, index32(i), true, superseded[i]);
        });
    }
    if (error.empty()) {
        const std::vector<bool> superseded = supersededFlags(m_plan.trainingSets);
        error = writeKind("training_sets", m_plan.trainingSets.size(),
            [&](Random &rng, std::size_t i) { emit.trainingSet(rng, index32(i), superseded[i]); });
    }
    if (error.empty()) {
        const std::vector<bool> superseded = supersededFlags(m_plan.models);
        error = writeKind("models", m_plan.models.size(),
            [&](Random &rng, std::size_t i) { emit.model(rng, index32(i), superseded[i]); });
    }
    return error;
}

template <typename Emit>
std::string CatalogWriter::writeKind(std::string_view section, std::size_t count, Emit emit)
{
    KindStats stats;
    stats.section = section;
    std::error_code ec;
    std::filesystem::create_directories(m_directory / section, ec);
    if (ec)
        return (m_directory / section).string() + ": " + ec.message();
    const std::size_t perDocument = (m_perFile + 1) / 2;
    const std::uint64_t kindSalt = m_stats.size() + 1;
    m_out.clear();
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0 && i % m_perFile == 0) {
            if (std::string error = flushFile(stats); !error.empty())
                return error;
        }
        if (i % perDocument == 0) {
            m_out << (i % m_perFile == 0 ? "" : "---\n") << "apiVersion: tributary/v1\n"
                  << section << ":\n";
        }
        Random rng(mixSeed(m_seed, (kindSalt << 40) | i));
        emit(rng, i);
        ++stats.resources;
    }
    if (!m_out.empty()) {
        if (std::string error = flushFile(stats); !error.empty())
            return error;
    }
    m_stats.push_back(stats);
    return {};
}

std::string CatalogWriter::flushFile(KindStats &stats)
{
    char name[32];
    std::snprintf(name, sizeof name, "%04zu.yaml", stats.files + 1);
    const std::filesystem::path path = m_directory / stats.section / name;
    const std::string &text = m_out.str();
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file)
        return path.string() + ": cannot open for writing";
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    if (std::fclose(file) != 0 || !written)
        return path.string() + ": write failed";
    stats.bytes += text.size();
    ++stats.files;
    m_out.clear();
    return {};
}

} // namespace tributary::bench
