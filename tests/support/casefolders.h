// SPDX-License-Identifier: Apache-2.0
// Shared by the data-driven suites: each case is a folder (STYLE.md rule 18).
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace tributary::testing {

// The case folders under `root`, sorted; with `marker`, only those holding that file.
inline std::vector<std::string> caseFolders(const std::filesystem::path &root, const std::string &marker = {})
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_directory() && !name.starts_with('.')
            && (marker.empty() || std::filesystem::exists(entry.path() / marker)))
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline std::string readText(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

inline void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
    if (from.empty())
        return;
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
}

// A GoogleTest name for a case folder: letters and digits, the rest '_'.
inline std::string caseTestName(const ::testing::TestParamInfo<std::string> &info)
{
    std::string name = info.param;
    std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                    '_');
    return name;
}

} // namespace tributary::testing
