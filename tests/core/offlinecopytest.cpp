// SPDX-License-Identifier: Apache-2.0
// Offline copies: every import, revision and fingerprint comes across; nothing half-written.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/search/searchquery.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

// The CLI's two-import shop history plus the sample on top: removals, revisions, restores.
std::unique_ptr<CatalogStore> replayedHistory(const std::string &file)
{
    auto store = openCatalogStore(file, OpenMode::Create);
    EXPECT_TRUE(store);
    const std::filesystem::path catalogs = std::filesystem::path(TRIBUTARY_TEST_DATA) / "cli/catalogs";
    const char *times[] = {"2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"};
    const std::filesystem::path folders[] = {catalogs / "shop_v1", catalogs / "shop_v2", catalogs / "shop_v1"};
    for (int i = 0; i < 3; ++i) {
        ImportOptions options;
        options.at = *Timestamp::parse(times[i]);
        options.author = "replay";
        EXPECT_TRUE((*store)->importCatalog(testing::loadClean(folders[i]), options));
    }
    return std::move(*store);
}

TEST(OfflineCopy, CarriesTheWholeHistory)
{
    testing::TempDir dir;
    auto source = replayedHistory((dir / "source.sqlite").string());
    const std::string copyPath = (dir / "copy.sqlite").string();
    ASSERT_TRUE(writeOfflineCopy(*source, copyPath));
    auto copy = openCatalogStore(copyPath, OpenMode::ReadOnly);
    ASSERT_TRUE(copy) << copy.error().toString();
    const auto before = *source->imports(), after = *(*copy)->imports();
    ASSERT_EQ(after.size(), 3u);
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].id, before[i].id);
        EXPECT_EQ(after[i].at, before[i].at);
        EXPECT_EQ(after[i].author, before[i].author);
        EXPECT_EQ(after[i].fingerprint, before[i].fingerprint);
        EXPECT_EQ(after[i].files.size(), before[i].files.size());
        const AsOf at = AsOf::import(before[i].id);
        EXPECT_EQ(*(*copy)->fingerprint(at), *source->fingerprint(at));
        EXPECT_EQ((*copy)->list({}, at)->size(), source->list({}, at)->size()) << "as of import " << i + 1;
    }
    // Removed at import 2 and back at 3: the copy knows every revision.
    const Ref legacy{ResourceKind::Source, "legacy_orders", "v1"};
    ASSERT_TRUE(source->history(legacy));
    EXPECT_EQ((*copy)->history(legacy)->size(), source->history(legacy)->size());
    EXPECT_FALSE((*copy)->get(legacy, AsOf::import({2})));
    EXPECT_TRUE((*copy)->get(legacy, AsOf::latest()));
    // Search works on the copy, as on the source.
    const auto query = *parseSearchQuery("legacy");
    EXPECT_EQ((*copy)->search(query)->size(), source->search(query)->size());
    EXPECT_FALSE((*copy)->search(query)->empty());
    EXPECT_EQ((*copy)->lineageSnapshot(AsOf::latest())->edges.size(), source->lineageSnapshot(AsOf::latest())->edges.size());
}

TEST(OfflineCopy, ReplacesAFileOnlyWhenComplete)
{
    testing::TempDir dir;
    auto source = replayedHistory((dir / "source.sqlite").string());
    // An existing file at the target is replaced by a complete copy.
    const std::string target = (dir / "old.sqlite").string();
    std::ofstream(target) << "an older copy";
    ASSERT_TRUE(writeOfflineCopy(*source, target));
    EXPECT_TRUE(openCatalogStore(target, OpenMode::ReadOnly));
    EXPECT_FALSE(std::filesystem::exists(target + ".partial"));
    // A folder that does not exist: an error, and nothing left behind.
    const std::string nowhere = (dir / "missing" / "copy.sqlite").string();
    const auto failed = writeOfflineCopy(*source, nowhere);
    ASSERT_FALSE(failed);
    EXPECT_FALSE(std::filesystem::exists(nowhere));
    EXPECT_FALSE(std::filesystem::exists(nowhere + ".partial"));
}

} // namespace
} // namespace tributary
