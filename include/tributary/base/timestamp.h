// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "tributary/base/result.h"

namespace tributary {

// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
struct Timestamp {
    std::int64_t seconds = 0;

    static Timestamp now();
    // ISO-8601: "2024-03-01", "2024-03-01T12:00", "2024-03-01T12:00:00Z",
    // "2024-03-01T12:00:00.123+02:00". A bare date means the end of that day (UTC), so
    // "as of 2024-03-01" includes everything imported on the first of March.
    // Errors: Invalid, naming what is wrong.
    static Result<Timestamp> parse(std::string_view text);
    // "2024-03-01T12:00:00Z"
    std::string toIso() const;

    auto operator<=>(const Timestamp &) const = default;
};

} // namespace tributary
