// SPDX-License-Identifier: Apache-2.0
// An offline copy: a catalog's every row written into a new SQLite file, checked against the
// fingerprints its imports recorded, then put in place.
#include <filesystem>
#include <system_error>

#include "sqlite/sqlitestore_p.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

// The copy is complete when every import's recorded fingerprint is what the copy computes
// at that import: the content at every point in history came across.
Result<void> checkFingerprints(CatalogStore &copy, const StoreContent &content, const std::string &path)
{
    for (const StoreContent::Import &import : content.imports) {
        auto computed = copy.fingerprint(AsOf::import(ImportId{import.id}));
        if (!computed)
            return tl::unexpected(computed.error());
        if (*computed != import.fingerprint) {
            return fail(ErrorCode::Internal,
                        "the offline copy differs from the catalog at import " + std::to_string(import.id), path,
                        "nothing was written; report this");
        }
    }
    return {};
}

} // namespace

Result<void> writeOfflineCopy(CatalogStore &source, const std::string &path)
{
    namespace fs = std::filesystem;
    auto content = source.content();
    if (!content)
        return tl::unexpected(content.error());
    const std::string temporary = path + ".partial";
    std::error_code ignored;
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(temporary + suffix, ignored);
    const auto cleanUp = [&] {
        for (const char *suffix : {"", "-wal", "-shm"})
            fs::remove(temporary + suffix, ignored);
    };
    {
        auto copy = store::SqliteStore::open(temporary, OpenMode::Create);
        if (!copy) {
            cleanUp();
            return tl::unexpected(copy.error());
        }
        auto loaded = (*copy)->load(*content);
        if (loaded)
            loaded = checkFingerprints(**copy, *content, path);
        if (!loaded) {
            copy->reset();
            cleanUp();
            return tl::unexpected(loaded.error());
        }
    } // closed (and its WAL checkpointed) before the rename
    std::error_code renamed;
    fs::rename(temporary, path, renamed);
    if (renamed) {
        cleanUp();
        return fail(ErrorCode::Io, "cannot write the offline copy: " + renamed.message(), path);
    }
    return {};
}

} // namespace tributary
