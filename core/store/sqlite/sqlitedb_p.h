// SPDX-License-Identifier: Apache-2.0
// Thin RAII over the sqlite3 C API, returning errors as values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tributary/base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tributary::store {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3_stmt *statement, std::string where);
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    ~SqliteStatement();

    // Parameters count from 1, as in SQL.
    SqliteStatement &bind(int index, std::int64_t value);
    SqliteStatement &bind(int index, std::string_view value);
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bindNull(int index);

    // True while a row is available. Errors: Database.
    Result<bool> step();
    // Runs a statement that returns no rows, then resets it for reuse.
    Result<void> run();
    void reset();

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_statement = nullptr;
    std::string m_where;
};

class SqliteDatabase
{
public:
    // Errors: NotFound (missing file in a read mode), Database.
    static Result<std::unique_ptr<SqliteDatabase>> open(const std::string &path, bool readOnly,
                                                        bool create);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    const std::string &path() const { return m_path; }
    Result<void> exec(std::string_view sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    // The first column of the first row, as an integer (e.g. a PRAGMA).
    Result<std::int64_t> queryInt(std::string_view sql);
    std::int64_t lastInsertId() const;

    // A Database error naming the file and SQLite's message.
    Error error(std::string_view doing) const;

private:
    SqliteDatabase(sqlite3 *db, std::string path);

    sqlite3 *m_db = nullptr;
    std::string m_path;
};

// Runs `commit` on success, and rolls back on scope exit otherwise.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    Result<void> begin();
    Result<void> commit();

private:
    SqliteDatabase &m_db;
    bool m_open = false;
};

} // namespace tributary::store
