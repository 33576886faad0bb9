// SPDX-License-Identifier: Apache-2.0
// Test helpers: catalogs written from strings into a temporary folder that removes itself.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "tributary/format/catalogreader.h"

namespace tributary::testing {

class TempDir
{
public:
    TempDir()
    {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path()
                 / ("tributary-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ignored; // a destructor must not throw; leftovers are in /tmp anyway
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::string &name) const { return m_path / name; }

    // Writes `files` (relative path -> text) under `folder`, replacing what was there.
    std::filesystem::path writeCatalog(const std::string &folder,
                                       const std::map<std::string, std::string> &files) const
    {
        const std::filesystem::path root = m_path / folder;
        std::filesystem::remove_all(root);
        for (const auto &[name, text] : files) {
            const std::filesystem::path file = root / name;
            std::filesystem::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary) << text;
        }
        return root;
    }

private:
    std::filesystem::path m_path;
};

// Loads a folder and fails the test on any diagnostic.
inline Catalog loadClean(const std::filesystem::path &dir)
{
    CatalogLoad load = loadCatalog(dir);
    std::string problems;
    for (const Diagnostic &d : load.diagnostics)
        problems += d.toString() + "\n";
    EXPECT_TRUE(load.diagnostics.empty()) << problems;
    return std::move(load.catalog);
}

inline std::filesystem::path sampleCatalogDir()
{
    return std::filesystem::path(TRIBUTARY_SOURCE_DIR) / "resources/samples/acme";
}

} // namespace tributary::testing
