// SPDX-License-Identifier: Apache-2.0
// What every benchmark needs besides its own work: seconds since a start, and the scale a
// catalog folder from bench/run stands for.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace tributary::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// bench/run caches catalogs as <scale>-seed<n>: figures are named after the scale.
inline std::string scaleOf(const std::filesystem::path &catalogDir)
{
    const std::string folder = catalogDir.filename().string();
    return folder.substr(0, folder.find("-seed"));
}

} // namespace tributary::bench
