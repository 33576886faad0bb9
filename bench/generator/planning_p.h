// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "catalogplan.h"
#include "random.h"

// Helpers shared by the planners.

namespace tributary::bench {

inline constexpr std::uint8_t kCountOp = 4; // "count_" in aggregatePrefixes()
inline constexpr std::uint8_t kBucketOp = 2; // "_bucket" in transformSuffixes()

inline bool isNumeric(ColumnType type)
{
    return type == ColumnType::Int64 || type == ColumnType::Float64;
}

inline bool contains(const std::vector<std::uint32_t> &items, std::uint32_t value)
{
    return std::find(items.begin(), items.end(), value) != items.end();
}

// The versions of one name, handed out one at a time: most names get one version, some 2 to 4.
struct NameRun {
    std::string name;
    int scheme = 0;
    int next = 0;
    int count = 0;
    std::uint32_t last = kNone; // the index of the version handed out last

    bool done() const { return next >= count; }
    void start(Random &rng, std::string newName, unsigned multiVersionPercent)
    {
        name = std::move(newName);
        scheme = static_cast<int>(rng.below(4));
        next = 0;
        last = kNone;
        count = rng.percent(multiVersionPercent) ? rng.between(2, 4) : 1;
    }
    std::string take() { return versionLabel(scheme, next++); }
};

} // namespace tributary::bench
