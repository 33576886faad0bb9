// SPDX-License-Identifier: Apache-2.0
// User data beside a catalog: entries survive reopening and never touch the catalog.
#include "tributary/userdata/userdatastore.h"

#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

TEST(UserDataStore, KeepsEntriesByAreaAndKeyAcrossReopening)
{
    testing::TempDir dir;
    const std::string path = UserDataStore::pathBeside((dir / "acme.sqlite").string());
    EXPECT_EQ(path, (dir / "acme.tributary-user.sqlite").string());
    {
        auto store = UserDataStore::open(path);
        ASSERT_TRUE(store) << store.error().toString();
        ASSERT_TRUE((*store)->put("graph-views", "feature:a@v1", R"({"up":1})"));
        ASSERT_TRUE((*store)->put("graph-views", "feature:a@v1", R"({"up":2})")) << "replaces";
        ASSERT_TRUE((*store)->put("graph-views", "model:m@1", "{}"));
        ASSERT_TRUE((*store)->put("reviews", "feature:a@v1", "needs work"));
    }
    auto store = UserDataStore::open(path);
    ASSERT_TRUE(store);
    const auto entry = (*store)->get("graph-views", "feature:a@v1");
    ASSERT_TRUE(entry && *entry);
    EXPECT_EQ((*entry)->value, R"({"up":2})");
    EXPECT_GT((*entry)->updated.seconds, 0);
    EXPECT_FALSE(*(*store)->get("graph-views", "absent"));
    const auto views = (*store)->list("graph-views");
    ASSERT_TRUE(views);
    ASSERT_EQ(views->size(), 2u);
    EXPECT_EQ((*views)[0].key, "feature:a@v1");
    ASSERT_TRUE((*store)->remove("graph-views", "feature:a@v1"));
    EXPECT_EQ((*store)->list("graph-views")->size(), 1u);
    EXPECT_EQ((*store)->list("reviews")->size(), 1u) << "areas apart";
}

TEST(UserDataStore, IsNeverTakenForACatalog)
{
    testing::TempDir dir;
    const std::string path = (dir / "notes.sqlite").string();
    ASSERT_TRUE(UserDataStore::open(path));
    const auto catalog = openCatalogStore(path, OpenMode::ReadOnly);
    ASSERT_FALSE(catalog);
    EXPECT_EQ(catalog.error().code, ErrorCode::Invalid) << catalog.error().toString();
}

} // namespace
} // namespace tributary
