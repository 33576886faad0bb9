// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/base/timestamp.h"

namespace tributary {

struct UserDataEntry {
    std::string key;
    std::string value; // the caller's text (JSON, usually)
    Timestamp updated;
};

// What a person keeps about a catalog apart from its content: saved lineage views, review notes.
// It lives in a file of its own (UserDataStore::pathFor), so a read-only or shared catalog can
// have it and the catalog's content and fingerprint never change. Entries are grouped in areas
// ("graph-views", "reviews") and keyed within them. Not thread-safe: one instance per thread.
class UserDataStore
{
public:
    // Opens (creating when missing) the user-data file at `path`. Errors: Io, Database.
    static Result<std::unique_ptr<UserDataStore>> open(const std::string &path);
    // Where the user data of the catalog file `catalog` lives: beside it, as
    // `<name>.tributary-user.sqlite`.
    static std::string pathBeside(const std::string &catalog);
    ~UserDataStore();

    // Writes or replaces one entry, now. Errors: Database.
    Result<void> put(std::string_view area, std::string_view key, std::string_view value);
    // nullopt when there is no such entry. Errors: Database.
    Result<std::optional<UserDataEntry>> get(std::string_view area, std::string_view key);
    // Every entry of an area, by key. Errors: Database.
    Result<std::vector<UserDataEntry>> list(std::string_view area);
    // Removes an entry (nothing when absent). Errors: Database.
    Result<void> remove(std::string_view area, std::string_view key);

private:
    struct Private;
    explicit UserDataStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace tributary
