// SPDX-License-Identifier: Apache-2.0
#include "sqliteintegrity_p.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

#include "sqlitedb_p.h"
#include "tributary/base/text.h"

namespace tributary::store {
namespace {

namespace fs = std::filesystem;

// The database header's fields (https://www.sqlite.org/fileformat2.html#the_database_header).
constexpr std::size_t kHeaderBytes = 100;
constexpr std::string_view kMagic{"SQLite format 3\0", 16};
constexpr std::size_t kPageSizeAt = 16, kChangeCounterAt = 24, kPageCountAt = 28,
                      kValidForAt = 92;

std::uint32_t bigEndian(const std::array<unsigned char, kHeaderBytes> &header, std::size_t at,
                        std::size_t bytes)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        value = (value << 8) | header[at + i];
    return value;
}

const char *const kDamagedHint =
    "Tributary has not changed the file; restore it from a copy, or import the catalog again"
    " into a new file";

} // namespace

Result<void> checkCatalogFile(const std::string &path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return {}; // opening says what to pass instead
    const auto size = fs::file_size(path, ec);
    if (ec)
        return ec == std::errc::no_such_file_or_directory
                   ? Result<void>{}
                   : fail(ErrorCode::Io, "cannot read the catalog file: " + ec.message(), path);
    if (size == 0)
        return {};
    std::array<unsigned char, kHeaderBytes> header{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, "cannot read the catalog file", path);
    in.read(reinterpret_cast<char *>(header.data()), std::streamsize(header.size()));
    const auto read = std::size_t(in.gcount());
    if (read < kMagic.size()
        || std::string_view(reinterpret_cast<const char *>(header.data()), kMagic.size()) != kMagic) {
        return fail(ErrorCode::Invalid, "not a Tributary catalog", path,
                    "it is not a SQLite database; choose a .sqlite file made by `tributary import`,"
                    " or a new file name");
    }
    if (read < kHeaderBytes) {
        return fail(ErrorCode::Corrupt,
                    "the catalog file is cut short: it ends inside its header, after "
                        + std::to_string(read) + " bytes",
                    path, kDamagedHint);
    }
    std::uint64_t pageSize = bigEndian(header, kPageSizeAt, 2);
    if (pageSize == 1)
        pageSize = 65536;
    const bool countValid = bigEndian(header, kChangeCounterAt, 4) == bigEndian(header, kValidForAt, 4);
    const std::uint64_t pages = bigEndian(header, kPageCountAt, 4);
    // Pages written since the last checkpoint live in the -wal file beside it, so the main file
    // may be shorter than the pages the catalog has; with such a file present the length says
    // nothing, and the structural check still sees every page.
    const auto wal = fs::file_size(path + "-wal", ec);
    const bool walHoldsPages = !ec && wal > 0;
    if (countValid && pages > 0 && !walHoldsPages && size < pages * pageSize) {
        return fail(ErrorCode::Corrupt,
                    "the catalog file is cut short: it holds " + formatNumber(size)
                        + " bytes of the " + formatNumber(pages * pageSize) + " its header records ("
                        + formatNumber(pages) + " pages of " + formatNumber(pageSize) + " bytes)",
                    path, kDamagedHint);
    }
    return {};
}

Result<void> checkCatalogStructure(SqliteDatabase &db)
{
    auto check = db.prepare("PRAGMA quick_check(5)");
    if (!check)
        return tl::unexpected(check.error());
    std::vector<std::string> problems;
    for (;;) {
        auto row = check->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (std::string line = check->text(0); line != "ok")
            problems.push_back(std::move(line));
    }
    if (problems.empty())
        return {};
    Error error{ErrorCode::Corrupt, "the catalog file is damaged: SQLite's integrity check failed",
                db.path(), kDamagedHint, {}};
    for (std::string &problem : problems)
        error.details.push_back("  " + problem);
    return tl::unexpected(std::move(error));
}

} // namespace tributary::store
