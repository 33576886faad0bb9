// SPDX-License-Identifier: Apache-2.0
// Test helpers for fault tests: what a reader sees of a catalog file afterwards, and a file's
// bytes, to compare before and after.
#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "tributary/store/catalogstore.h"

namespace tributary::testing {

inline std::string readBytes(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The imports and the content's fingerprint at the latest one.
struct CatalogState {
    std::size_t imports = 0;
    std::string fingerprint;
    bool operator==(const CatalogState &) const = default;
};

inline void PrintTo(const CatalogState &state, std::ostream *out)
{
    *out << state.imports << " imports, fingerprint " << state.fingerprint;
}

// Opens the catalog as a reader would; opening runs the integrity check, so a damaged store
// fails the test here.
inline CatalogState stateOf(const std::filesystem::path &catalog)
{
    auto store = openCatalogStore(catalog.string(), OpenMode::ReadOnly);
    EXPECT_TRUE(store) << store.error().toString();
    if (!store)
        return {};
    auto imports = (*store)->imports();
    auto fingerprint = (*store)->fingerprint(AsOf::latest());
    EXPECT_TRUE(imports && fingerprint);
    return {imports ? imports->size() : 0, fingerprint ? *fingerprint : std::string()};
}

} // namespace tributary::testing
