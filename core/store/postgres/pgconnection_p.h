// SPDX-License-Identifier: Apache-2.0
// Thin RAII over libpq: one connection, text parameters, results and errors as values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/base/result.h"

struct pg_conn;
struct pg_result;

#ifndef TRY
#define TRY(expression)                                                                            \
    if (auto tried_ = (expression); !tried_)                                                       \
    return tl::unexpected(tried_.error())
#endif

namespace tributary::store {

// The parameters $1, $2, ... of one query, sent as text (the server infers or casts types).
class PgParams
{
public:
    PgParams &add(std::string_view text);
    PgParams &add(const std::string &text) { return add(std::string_view(text)); }
    PgParams &add(const char *text) { return add(std::string_view(text)); }
    PgParams &add(std::int64_t value);
    PgParams &add(const std::optional<std::string> &text);
    PgParams &addNull();

    int size() const { return int(m_values.size()); }
    // Pointers into this object, valid until it changes: what PQexecParams takes.
    const char *const *values() const;

private:
    std::vector<std::string> m_values;
    std::vector<bool> m_null;
    mutable std::vector<const char *> m_pointers;
};

// The rows of one query, all in memory.
class PgResult
{
public:
    explicit PgResult(pg_result *result = nullptr);
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    ~PgResult();

    int rows() const;
    std::string text(int row, int column) const;
    std::string_view view(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    double real(int row, int column) const;
    bool isNull(int row, int column) const;

private:
    pg_result *m_result = nullptr;
};

class PgConnection
{
public:
    // Connects with a libpq URI or keyword string. Errors: Unavailable (no server there),
    // Invalid (bad credentials, a malformed string), NotFound (no such database).
    static Result<std::unique_ptr<PgConnection>> connect(const std::string &conninfo);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // The connection string without its password: for messages, never for reconnecting.
    const std::string &locator() const { return m_locator; }

    // Runs one or more statements without parameters (the simple query protocol).
    Result<void> exec(std::string_view sql);
    // Runs one statement. Errors: Unavailable (the connection is gone), Database, ...
    Result<PgResult> query(std::string_view sql, const PgParams &params = {});
    // The first column of the first row as an integer; 0 when there is no row or it is NULL.
    Result<std::int64_t> queryInt(std::string_view sql, const PgParams &params = {});
    // Runs `COPY ... FROM STDIN` and sends `data`, rows in COPY's text format.
    Result<void> copyIn(std::string_view sql, std::string_view data);

    bool inTransaction() const;
    // "name" quoted as an SQL identifier.
    std::string quoteIdentifier(std::string_view name) const;

    // Our error for a failed statement: Unavailable when the connection broke, else by
    // SQLSTATE (Database, with the SQLSTATE in the message, for everything unexpected).
    Error error(std::string_view doing, const pg_result *result) const;

private:
    PgConnection(pg_conn *connection, std::string locator);

    pg_conn *m_connection = nullptr;
    std::string m_locator;
};

// A transaction that rolls back on scope exit unless committed. Inside a transaction the
// connection already has (an import reading what it wrote), it joins that one instead.
class PgTransaction
{
public:
    explicit PgTransaction(PgConnection &connection);
    ~PgTransaction();
    PgTransaction(const PgTransaction &) = delete;
    PgTransaction &operator=(const PgTransaction &) = delete;

    // `begin` is the statement that starts it, e.g. "BEGIN ISOLATION LEVEL REPEATABLE READ".
    Result<void> begin(std::string_view begin = "BEGIN");
    Result<void> commit();

private:
    PgConnection &m_connection;
    bool m_open = false;
};

// Starts the snapshot every multi-statement read runs in: it sees one committed state of the
// catalog, whatever imports commit meanwhile.
inline constexpr std::string_view kBeginConsistentRead
    = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

} // namespace tributary::store
