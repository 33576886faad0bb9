// SPDX-License-Identifier: Apache-2.0
// writeFileAtomically: the whole file or the old one, the user's default permissions, no
// temporary file left behind.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <fstream>

#include "support/catalogstate.h"
#include "support/tempcatalog.h"
#include "tributary/base/atomicfile.h"

namespace tributary {
namespace {

namespace fs = std::filesystem;
using testing::readBytes;
using testing::TempDir;

mode_t modeOf(const fs::path &file)
{
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}

std::size_t entriesIn(const fs::path &dir)
{
    return std::size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Sets the umask for one scope.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_old(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_old); }

private:
    mode_t m_old;
};

TEST(AtomicFile, NewFilesGetTheUsersDefaultPermissions)
{
    TempDir dir;
    {
        Umask mask(022);
        ASSERT_TRUE(writeFileAtomically(dir / "shared.csv", "a,b\n"));
    }
    {
        Umask mask(077);
        ASSERT_TRUE(writeFileAtomically(dir / "private.csv", "a,b\n"));
    }
    EXPECT_EQ(modeOf(dir / "shared.csv"), 0644u);
    EXPECT_EQ(modeOf(dir / "private.csv"), 0600u);
    EXPECT_EQ(readBytes(dir / "shared.csv"), "a,b\n");
    EXPECT_EQ(entriesIn(dir.path()), 2u) << "no temporary file is left";
}

TEST(AtomicFile, ReplacingKeepsTheFilesOwnPermissions)
{
    TempDir dir;
    const fs::path file = dir / "report.html";
    std::ofstream(file) << "old";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const std::string big(3'000'000, 'x');
    ASSERT_TRUE(writeFileAtomically(file, big));
    EXPECT_EQ(readBytes(file), big);
    EXPECT_EQ(modeOf(file), 0640u);
    EXPECT_EQ(entriesIn(dir.path()), 1u);
}

TEST(AtomicFile, AFailureNamesThePath)
{
    TempDir dir;
    const fs::path missing = dir / "no-such-folder" / "out.json";
    auto written = writeFileAtomically(missing, "{}");
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().code, ErrorCode::Io);
    EXPECT_EQ(written.error().where, missing.string());
}

TEST(AtomicFile, AFolderItMayNotWriteLeavesTheOldFile)
{
    TempDir dir;
    if (::geteuid() == 0)
        GTEST_SKIP() << "root writes into a read-only folder; the rest needs an ordinary user";
    const fs::path locked = dir / "locked";
    fs::create_directory(locked);
    std::ofstream(locked / "out.json") << "old";
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    auto written = writeFileAtomically(locked / "out.json", "new");
    fs::permissions(locked, fs::perms::owner_all);
    ASSERT_FALSE(written);
    EXPECT_EQ(readBytes(locked / "out.json"), "old");
    EXPECT_EQ(entriesIn(locked), 1u);
}

} // namespace
} // namespace tributary
