// SPDX-License-Identifier: Apache-2.0
#include "sqlitedb_p.h"

#include <filesystem>

#include <sqlite3.h>

namespace tributary::store {
namespace {

// SQLite's error as ours: a file that is not a database is a user's mistake, not a failure.
Error sqliteError(sqlite3 *db, std::string_view doing, const std::string &where)
{
    const char *message = db ? sqlite3_errmsg(db) : "out of memory";
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
    if ((code & 0xff) == SQLITE_NOTADB) {
        return Error{ErrorCode::Invalid, "not a Tributary catalog", where,
                     "choose a .sqlite file made by `tributary import`, or a new file name", {}};
    }
    if ((code & 0xff) == SQLITE_CORRUPT) {
        return Error{ErrorCode::Corrupt,
                     "the catalog file is damaged: " + std::string(message) + " (SQLite error "
                         + std::to_string(code) + ")",
                     where, "restore it from a copy, or import the catalog again into a new file", {}};
    }
    std::string hint;
    if ((code & 0xff) == SQLITE_FULL)
        hint = "the disk is full: free some space and try again; nothing was written";
    return Error{ErrorCode::Database,
                 std::string(doing) + (doing.empty() ? "" : ": ") + message + " (SQLite error "
                     + std::to_string(code) + ")",
                 where, hint, {}};
}

} // namespace

SqliteStatement::SqliteStatement(sqlite3_stmt *statement, std::string where)
    : m_statement(statement)
    , m_where(std::move(where))
{
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_where(std::move(other.m_where))
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    std::swap(m_statement, other.m_statement);
    std::swap(m_where, other.m_where);
    return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(m_statement); }

SqliteStatement &SqliteStatement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, std::string_view value)
{
    sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return tl::unexpected(sqliteError(sqlite3_db_handle(m_statement), {}, m_where));
}

Result<void> SqliteStatement::run()
{
    auto stepped = step();
    reset();
    if (!stepped)
        return tl::unexpected(stepped.error());
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t SqliteStatement::int64(int column) const { return sqlite3_column_int64(m_statement, column); }
double SqliteStatement::real(int column) const { return sqlite3_column_double(m_statement, column); }
bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::string SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? std::string(data, std::size_t(sqlite3_column_bytes(m_statement, column))) : std::string();
}

SqliteDatabase::SqliteDatabase(sqlite3 *db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(m_db); }

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string &path, bool readOnly,
                                                             bool create)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return fail(ErrorCode::Invalid, "is a folder, not a catalog file", path,
                    "pass the .sqlite file, e.g. --catalog "
                        + (std::filesystem::path(path) / "catalog.sqlite").string());
    }
    if (!create && !std::filesystem::exists(path, ec)) {
        return fail(ErrorCode::NotFound, "no catalog file", path,
                    "create one with `tributary import DIR --catalog " + path + "`");
    }
    // Readers open read-write but query-only where they may: the last connection to close then
    // checkpoints the WAL and removes the -wal and -shm files, which a read-only connection
    // leaves behind. On a read-only medium they fall back to a true read-only open.
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    sqlite3 *db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK && readOnly) {
        sqlite3_close_v2(db);
        db = nullptr;
        rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    }
    auto database = std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, path));
    if (rc != SQLITE_OK)
        return tl::unexpected(database->error("cannot open"));
    if (readOnly) {
        if (auto queryOnly = database->exec("PRAGMA query_only = ON"); !queryOnly)
            return tl::unexpected(queryOnly.error());
    }
    sqlite3_extended_result_codes(db, 1);
    // Another process importing holds the write lock briefly; wait for it rather than fail.
    sqlite3_busy_timeout(db, 10000);
    return database;
}

Error SqliteDatabase::error(std::string_view doing) const { return sqliteError(m_db, doing, m_path); }

Result<void> SqliteDatabase::exec(std::string_view sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc == SQLITE_OK)
        return {};
    return tl::unexpected(error({}));
}

Result<SqliteStatement> SqliteDatabase::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement, nullptr);
    if (rc != SQLITE_OK)
        return tl::unexpected(error("cannot prepare a query"));
    return SqliteStatement(statement, m_path);
}

Result<std::int64_t> SqliteDatabase::queryInt(std::string_view sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    auto row = statement->step();
    if (!row)
        return tl::unexpected(row.error());
    return *row ? statement->int64(0) : 0;
}

std::int64_t SqliteDatabase::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open)
        (void)m_db.exec("ROLLBACK");
}

Result<void> SqliteTransaction::begin()
{
    // IMMEDIATE takes the write lock now, so two importers queue instead of deadlocking.
    auto begun = m_db.exec("BEGIN IMMEDIATE");
    m_open = begun.has_value();
    return begun;
}

Result<void> SqliteTransaction::commit()
{
    auto committed = m_db.exec("COMMIT");
    if (committed)
        m_open = false;
    return committed;
}

} // namespace tributary::store
