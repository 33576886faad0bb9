// SPDX-License-Identifier: Apache-2.0
// Faults in the SQLite catalog file: one cut short or overwritten is refused on open, with a
// message that says so, and is never modified; a disk that fills up during an import leaves
// the catalog as it was. (Killed imports and two processes at once are in
// tests/cli/processfaulttest.cpp: they need the real program.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "support/catalogstate.h"
#include "support/fulldisk.h"
#include "support/smallcatalog.h"
#include "support/tempcatalog.h"
#include "tributary/base/sha256.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;
using testing::CatalogState;
using testing::readBytes;
using testing::stateOf;
using testing::TempDir;

void writeBytes(const fs::path &file, const std::string &bytes)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Every file in `dir`, with its size: a failed open must leave no -wal or -shm beside the file.
std::map<std::string, std::uintmax_t> folderListing(const fs::path &dir)
{
    std::map<std::string, std::uintmax_t> files;
    for (const auto &entry : fs::directory_iterator(dir))
        files[entry.path().filename().string()] = entry.file_size();
    return files;
}

Result<ImportSummary> importFolder(const fs::path &catalog, const fs::path &folder)
{
    auto store = openCatalogStore(catalog.string(), OpenMode::Create);
    if (!store)
        return tl::unexpected(store.error());
    ImportOptions options;
    options.sourcePath = folder.string();
    return (*store)->importCatalog(testing::loadClean(folder), options);
}

class DamagedCatalog : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_file = m_dir / "catalog.sqlite";
        ASSERT_TRUE(importFolder(m_file, testing::sampleCatalogDir()));
        m_whole = readBytes(m_file);
        ASSERT_GT(m_whole.size(), 8 * 4096u);
    }

    // Writes `bytes` as the catalog, opens it in every mode, and checks each open is refused
    // with `code`, a message containing `says`, and the file and its folder left as found.
    void expectRefused(const std::string &bytes, ErrorCode code, const std::string &says,
                       const std::string &what)
    {
        writeBytes(m_file, bytes);
        const auto listing = folderListing(m_dir.path());
        for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite, OpenMode::Create}) {
            auto store = openCatalogStore(m_file.string(), mode);
            ASSERT_FALSE(store) << what << ": opened as if whole";
            EXPECT_EQ(store.error().code, code) << what << ": " << store.error().toString();
            EXPECT_NE(store.error().toString().find(says), std::string::npos)
                << what << ": " << store.error().toString();
            EXPECT_EQ(store.error().where, m_file.string()) << what;
            EXPECT_FALSE(store.error().hint.empty()) << what;
            EXPECT_EQ(readBytes(m_file), bytes) << what << ": the file was changed";
            EXPECT_EQ(folderListing(m_dir.path()), listing) << what << ": files were left beside it";
        }
    }

    TempDir m_dir;
    fs::path m_file;
    std::string m_whole;
};

TEST_F(DamagedCatalog, CutShortIsRefusedWhereverItEnds)
{
    const std::size_t page = 4096;
    for (std::size_t size : {std::size_t(60), std::size_t(100), page, page + 1, m_whole.size() / 2,
             m_whole.size() - page, m_whole.size() - 1}) {
        expectRefused(m_whole.substr(0, size), ErrorCode::Corrupt, "cut short",
                      "cut to " + std::to_string(size) + " bytes");
    }
}

TEST_F(DamagedCatalog, AnOverwrittenPageIsRefused)
{
    // Every page but the header's, in turn, overwritten with noise: a bad sector, a stray
    // write. The structural check reads them all.
    const std::size_t page = 4096, pages = m_whole.size() / page;
    std::mt19937 random(9);
    for (std::size_t p = 1; p < pages; ++p) {
        std::string bytes = m_whole;
        for (std::size_t i = 0; i < page; ++i)
            bytes[p * page + i] = char(random());
        expectRefused(bytes, ErrorCode::Corrupt, "damaged", "page " + std::to_string(p + 1));
    }
}

TEST_F(DamagedCatalog, SomethingElseIsNotACatalog)
{
    expectRefused("name,owner\nfeature,alice\n" + std::string(5000, 'x'), ErrorCode::Invalid,
                  "not a SQLite database", "a CSV file");
    std::string header = m_whole.substr(0, 100);
    header[0] = 'X';
    expectRefused(header + m_whole.substr(100), ErrorCode::Invalid, "not a SQLite database",
                  "a damaged magic number");
}

TEST_F(DamagedCatalog, TheWholeFileStillOpens)
{
    writeBytes(m_file, m_whole);
    auto store = openCatalogStore(m_file.string(), OpenMode::ReadOnly);
    ASSERT_TRUE(store) << store.error().toString();
    auto imports = (*store)->imports();
    ASSERT_TRUE(imports);
    EXPECT_EQ(imports->size(), 1u);
}

// The import in `folder` with `budget` bytes of disk left: it either fits and is recorded
// whole, or fails saying the disk is full and leaves `before` exactly.
TEST(FullDiskImport, LeavesTheCatalogAsItWasAtEveryPoint)
{
    TempDir dir;
    const fs::path file = dir / "catalog.sqlite";
    const fs::path small = dir.writeCatalog("small", {{"catalog.yaml", testing::kSmallCatalog}});
    ASSERT_TRUE(importFolder(file, small));
    const CatalogState before = stateOf(file);
    ASSERT_EQ(before.imports, 1u);

    // How much the sample's import writes on a copy, to spread the failures over all of it.
    const fs::path copy = dir / "copy.sqlite";
    fs::copy_file(file, copy);
    std::int64_t needed = 0;
    {
        testing::FullDisk unlimited;
        ASSERT_TRUE(importFolder(copy, testing::sampleCatalogDir()));
        needed = testing::FullDisk::written();
    }
    const CatalogState after = stateOf(copy);
    ASSERT_NE(after.fingerprint, before.fingerprint);
    ASSERT_GT(needed, 0);

    int failures = 0;
    for (int step = 0; step <= 24; ++step) {
        const std::int64_t budget = step == 0 ? 0 : needed * step / 25;
        Result<ImportSummary> imported = tl::unexpected(Error{});
        {
            testing::FullDisk disk(budget);
            imported = importFolder(file, testing::sampleCatalogDir());
            EXPECT_TRUE(imported || testing::FullDisk::refused() > 0)
                << "failed without running out of space: " << imported.error().toString();
        }
        if (imported) {
            // The commit fitted. (A write may still have been refused after it: the checkpoint
            // on closing, which leaves the committed pages in the WAL for the next open.)
            EXPECT_EQ(stateOf(file), (CatalogState{2, after.fingerprint})) << "budget " << budget;
            break;
        }
        ++failures;
        const std::string message = imported.error().toString();
        EXPECT_NE(message.find("full"), std::string::npos) << "budget " << budget << ": " << message;
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
        EXPECT_EQ(stateOf(file), before) << "budget " << budget << " of " << needed;
    }
    EXPECT_GE(failures, 5) << "the import should need much of what it wrote on the copy";
    // With room again, the same import goes through.
    if (stateOf(file).imports == 1) {
        ASSERT_TRUE(importFolder(file, testing::sampleCatalogDir()));
        EXPECT_EQ(stateOf(file), (CatalogState{2, after.fingerprint}));
    }
}

} // namespace
} // namespace tributary
