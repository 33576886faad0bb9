// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// Word pools the generator draws names and text from. Fixed tables: changing one changes every
// generated catalog, so benchmarks compare like with like only within one generator version.

namespace tributary::bench {

enum class ColumnType : std::uint8_t { String, Int64, Float64, Bool, Timestamp, Date };
enum class SourceKind : std::uint8_t { Table, File, Stream, Transformation };

std::string_view typeName(ColumnType type); // "string", "int64", ...
std::string_view sourceKindName(SourceKind kind); // "table", ..., "transformation"

// Column tag bits; a raw column's tags are written as `pii:direct`, `pii:indirect`, `gdpr`.
inline constexpr std::uint8_t kTagPiiDirect = 1;
inline constexpr std::uint8_t kTagPiiIndirect = 2;
inline constexpr std::uint8_t kTagGdpr = 4;

struct ColumnTemplate {
    std::string_view name;
    ColumnType type;
    std::uint8_t tags;
    std::string_view description;
};

struct EntityTemplate {
    std::string_view name;
    std::uint16_t keyColumn; // index into columnTemplates()
    std::string_view description;
};

struct ProviderTemplate {
    std::string_view name;
    std::string_view type;
    SourceKind produces; // the kind of raw source it holds
    bool computes; // runs transformations
    bool holdsRawSources; // false for the online store
};

std::span<const ColumnTemplate> columnTemplates();
std::span<const EntityTemplate> entityTemplates();
std::span<const ProviderTemplate> providerTemplates();

std::span<const std::string> owners(); // 50 e-mail addresses
std::span<const std::string_view> domains();
std::span<const std::string_view> datasetNouns();
std::span<const std::string_view> cadences();
std::span<const std::string_view> subjects();
std::span<const std::string_view> purposes();
std::span<const std::string_view> teams();
std::span<const std::string_view> resourceTags();

// Words for derived column names, by transform: aggregated -> "avg_" prefix, masked -> "_hash"
// suffix, transformed -> "_log" suffix. The same index selects the SQL spelling.
std::span<const std::string_view> aggregatePrefixes();
std::span<const std::string_view> aggregateFunctions();
std::span<const std::string_view> maskSuffixes();
std::span<const std::string_view> maskFunctions();
std::span<const std::string_view> transformSuffixes();

} // namespace tributary::bench
