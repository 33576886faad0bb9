// SPDX-License-Identifier: Apache-2.0
#include "tributary/userdata/userdatastore.h"

#include <filesystem>

#include "sqlite/sqlitedb_p.h"

namespace tributary {

struct UserDataStore::Private {
    std::unique_ptr<store::SqliteDatabase> db;
};

UserDataStore::UserDataStore(std::unique_ptr<Private> p)
    : d(std::move(p))
{ }

UserDataStore::~UserDataStore() = default;

std::string UserDataStore::pathBeside(const std::string &catalog)
{
    std::filesystem::path path(catalog);
    const std::string stem
        = path.extension() == ".sqlite" ? path.stem().string() : path.filename().string();
    return (path.parent_path() / (stem + ".tributary-user.sqlite")).string();
}

Result<std::unique_ptr<UserDataStore>> UserDataStore::open(const std::string &path)
{
    auto db = store::SqliteDatabase::open(path, false, true);
    if (!db)
        return tl::unexpected(db.error());
    // One table; its own application id, so it is never mistaken for a catalog.
    if (auto made = (*db)->exec("PRAGMA application_id = 1414681685;"
                                "CREATE TABLE IF NOT EXISTS entries ("
                                " area TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                                " updated INTEGER NOT NULL, PRIMARY KEY (area, key))");
        !made)
        return tl::unexpected(made.error());
    auto p = std::make_unique<Private>();
    p->db = std::move(*db);
    return std::unique_ptr<UserDataStore>(new UserDataStore(std::move(p)));
}

Result<void> UserDataStore::put(std::string_view area, std::string_view key, std::string_view value)
{
    auto statement
        = d->db->prepare("INSERT INTO entries (area, key, value, updated) VALUES (?1, ?2, ?3, ?4)"
                         " ON CONFLICT (area, key) DO UPDATE SET value = ?3, updated = ?4");
    if (!statement)
        return tl::unexpected(statement.error());
    return statement->bind(1, area)
        .bind(2, key)
        .bind(3, value)
        .bind(4, Timestamp::now().seconds)
        .run();
}

Result<std::optional<UserDataEntry>> UserDataStore::get(std::string_view area, std::string_view key)
{
    auto statement
        = d->db->prepare("SELECT key, value, updated FROM entries WHERE area = ?1 AND key = ?2");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, area).bind(2, key);
    auto row = statement->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<UserDataEntry>();
    return std::optional<UserDataEntry>(
        UserDataEntry{statement->text(0), statement->text(1), Timestamp{statement->int64(2)}});
}

Result<std::vector<UserDataEntry>> UserDataStore::list(std::string_view area)
{
    auto statement
        = d->db->prepare("SELECT key, value, updated FROM entries WHERE area = ?1 ORDER BY key");
    if (!statement)
        return tl::unexpected(statement.error());
    statement->bind(1, area);
    std::vector<UserDataEntry> entries;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return entries;
        entries.push_back({statement->text(0), statement->text(1), Timestamp{statement->int64(2)}});
    }
}

Result<void> UserDataStore::remove(std::string_view area, std::string_view key)
{
    auto statement = d->db->prepare("DELETE FROM entries WHERE area = ?1 AND key = ?2");
    if (!statement)
        return tl::unexpected(statement.error());
    return statement->bind(1, area).bind(2, key).run();
}

} // namespace tributary
