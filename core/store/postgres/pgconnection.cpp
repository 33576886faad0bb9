// SPDX-License-Identifier: Apache-2.0
#include <charconv>
#include <cstdlib>

#include <libpq-fe.h>

#include "pgconnection_p.h"
#include "pglocator_p.h"

namespace tributary::store {
namespace {

constexpr std::string_view kUnavailableHint
    = "check that the server is running and reachable, then open the catalog again";
constexpr std::string_view kCredentialsHint
    = "Tributary never stores passwords: put this one in ~/.pgpass (host:port:database:user:"
      "password, mode 0600) or name a service from pg_service.conf (service=NAME)";

bool contains(std::string_view text, std::string_view part)
{
    return text.find(part) != std::string_view::npos;
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

// A connection that never opened, told apart by what the server (or libpq) said: the server's
// FATAL messages at start-up carry no SQLSTATE that libpq passes on.
Error connectError(pg_conn *connection, const std::string &locator, const std::string &message)
{
    if (PQconnectionNeedsPassword(connection)) {
        return Error{ErrorCode::Invalid, "the server asks for a password and none was given",
            locator, std::string(kCredentialsHint), {}};
    }
    if (contains(message, "authentication failed") || contains(message, "no pg_hba.conf entry")
        || (contains(message, "role \"") && contains(message, "does not exist"))
        || contains(message, "permission denied for database")) {
        return Error{ErrorCode::Invalid, "the server refused the login: " + message, locator,
            std::string(kCredentialsHint), {}};
    }
    if (contains(message, "database \"") && contains(message, "does not exist")) {
        return Error{ErrorCode::NotFound, "no such database: " + message, locator,
            "check dbname, or create the database (createdb NAME) with a role that may", {}};
    }
    if (contains(message, "definition of service") || contains(message, "service file")) {
        return Error{ErrorCode::Invalid, message, locator,
            "services are defined in ~/.pg_service.conf or the file PGSERVICEFILE names", {}};
    }
    return Error{ErrorCode::Unavailable, "cannot reach the PostgreSQL server: " + message, locator,
        std::string(kUnavailableHint), {}};
}

void ignoreNotice(void *, const char *) { }

} // namespace

PgParams &PgParams::add(std::string_view text)
{
    m_values.emplace_back(text);
    m_null.push_back(false);
    return *this;
}

PgParams &PgParams::add(std::int64_t value)
{
    return add(std::to_string(value));
}

PgParams &PgParams::add(const std::optional<std::string> &text)
{
    return text ? add(std::string_view(*text)) : addNull();
}

PgParams &PgParams::addNull()
{
    m_values.emplace_back();
    m_null.push_back(true);
    return *this;
}

const char *const *PgParams::values() const
{
    m_pointers.clear();
    for (std::size_t i = 0; i < m_values.size(); ++i)
        m_pointers.push_back(m_null[i] ? nullptr : m_values[i].c_str());
    return m_pointers.data();
}

PgResult::PgResult(pg_result *result)
    : m_result(result)
{ }

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{ }

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    std::swap(m_result, other.m_result);
    return *this;
}

PgResult::~PgResult()
{
    PQclear(m_result);
}

int PgResult::rows() const
{
    return m_result ? PQntuples(m_result) : 0;
}

std::string_view PgResult::view(int row, int column) const
{
    return {PQgetvalue(m_result, row, column), std::size_t(PQgetlength(m_result, row, column))};
}

std::string PgResult::text(int row, int column) const
{
    return std::string(view(row, column));
}

std::int64_t PgResult::int64(int row, int column) const
{
    const std::string_view digits = view(row, column);
    std::int64_t value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

double PgResult::real(int row, int column) const
{
    return std::strtod(PQgetvalue(m_result, row, column), nullptr);
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

PgConnection::PgConnection(pg_conn *connection, std::string locator)
    : m_connection(connection)
    , m_locator(std::move(locator))
{ }

PgConnection::~PgConnection()
{
    PQfinish(m_connection);
}

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string &conninfo)
{
    const std::string locator = withoutPassword(conninfo);
    char *parseError = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(conninfo.c_str(), &parseError);
    PQconninfoFree(parsed);
    if (!parsed) {
        const std::string message = parseError ? trimmed(parseError) : "out of memory";
        PQfreemem(parseError);
        return fail(ErrorCode::Invalid, "not a valid PostgreSQL connection string: " + message,
            locator,
            "write a URI (postgresql://user@host/dbname) or keywords (host=... dbname=...)");
    }
    // Defaults first: what the locator says overrides them (libpq's expand_dbname order).
    const char *keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char *values[] = {"10", "tributary", conninfo.c_str(), nullptr};
    pg_conn *raw = PQconnectdbParams(keywords, values, 1);
    auto connection = std::unique_ptr<PgConnection>(new PgConnection(raw, locator));
    if (!raw)
        return fail(ErrorCode::Internal, "out of memory", locator);
    if (PQstatus(raw) != CONNECTION_OK) {
        return tl::unexpected(connectError(raw, locator, trimmed(PQerrorMessage(raw))));
    }
    // Notices ("already exists, skipping") are for people at a psql prompt, not our stderr.
    PQsetNoticeProcessor(raw, ignoreNotice, nullptr);
    return connection;
}

Error PgConnection::error(std::string_view doing, const pg_result *result) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    std::string primary;
    if (const char *text = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr)
        primary = text;
    else
        primary = trimmed(PQerrorMessage(m_connection));
    const std::string prefix = doing.empty() ? std::string() : std::string(doing) + ": ";
    if (PQstatus(m_connection) == CONNECTION_BAD || sqlstate.starts_with("08")
        || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03") {
        return Error{ErrorCode::Unavailable,
            prefix + "the connection to the server was lost: " + primary, m_locator,
            std::string(kUnavailableHint), {}};
    }
    Error error{ErrorCode::Database,
        prefix + primary + (sqlstate.empty() ? "" : " (SQLSTATE " + sqlstate + ")"), m_locator, {},
        {}};
    if (const char *detail = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr)
        error.details.push_back(detail);
    if (sqlstate == "42501" || sqlstate == "25006") {
        error.hint = "the role may only read this catalog: write with a role that owns its schema";
    } else if (sqlstate == "3D000") {
        error.code = ErrorCode::NotFound;
    } else if (sqlstate.starts_with("28")) {
        error.code = ErrorCode::Invalid;
        error.hint = std::string(kCredentialsHint);
    } else if (const char *hint
        = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_HINT) : nullptr) {
        error.hint = hint;
    }
    return error;
}

namespace {

// The PGresult of a statement that must end with `expected`, or our error for it.
Result<PgResult> expect(const PgConnection &connection, pg_result *raw, ExecStatusType expected)
{
    PgResult result(raw);
    if (raw && PQresultStatus(raw) == expected)
        return result;
    return tl::unexpected(connection.error({}, raw));
}

} // namespace

Result<void> PgConnection::exec(std::string_view sql)
{
    // Several statements in one string run in turn; each gives a result, the last one counts
    // and an error stops the rest.
    if (!PQsendQuery(m_connection, std::string(sql).c_str()))
        return tl::unexpected(error({}, nullptr));
    std::optional<Error> failed;
    while (pg_result *raw = PQgetResult(m_connection)) {
        const ExecStatusType status = PQresultStatus(raw);
        if (!failed && status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            failed = error({}, raw);
        PQclear(raw);
    }
    if (failed)
        return tl::unexpected(*failed);
    return {};
}

Result<PgResult> PgConnection::query(std::string_view sql, const PgParams &params)
{
    pg_result *raw = PQexecParams(m_connection, std::string(sql).c_str(), params.size(), nullptr,
        params.values(), nullptr, nullptr, 0);
    if (raw && PQresultStatus(raw) == PGRES_COMMAND_OK)
        return PgResult(raw);
    return expect(*this, raw, PGRES_TUPLES_OK);
}

Result<std::int64_t> PgConnection::queryInt(std::string_view sql, const PgParams &params)
{
    auto result = query(sql, params);
    if (!result)
        return tl::unexpected(result.error());
    return result->rows() > 0 && !result->isNull(0, 0) ? result->int64(0, 0) : 0;
}

Result<void> PgConnection::copyIn(std::string_view sql, std::string_view data)
{
    auto started = expect(*this, PQexec(m_connection, std::string(sql).c_str()), PGRES_COPY_IN);
    if (!started)
        return tl::unexpected(started.error());
    // A megabyte at a time keeps libpq's buffer small however large the batch.
    constexpr std::size_t kChunk = 1 << 20;
    bool sent = true;
    for (std::size_t at = 0; at < data.size() && sent; at += kChunk) {
        const std::string_view chunk = data.substr(at, kChunk);
        sent = PQputCopyData(m_connection, chunk.data(), int(chunk.size())) == 1;
    }
    if (PQputCopyEnd(m_connection, sent ? nullptr : "the client stopped sending") != 1)
        return tl::unexpected(error("COPY", nullptr));
    std::optional<Error> failed;
    while (pg_result *raw = PQgetResult(m_connection)) {
        if (!failed && PQresultStatus(raw) != PGRES_COMMAND_OK)
            failed = error({}, raw);
        PQclear(raw);
    }
    if (failed)
        return tl::unexpected(*failed);
    if (!sent)
        return tl::unexpected(error("COPY", nullptr));
    return {};
}

bool PgConnection::inTransaction() const
{
    return PQtransactionStatus(m_connection) != PQTRANS_IDLE;
}

std::string PgConnection::quoteIdentifier(std::string_view name) const
{
    char *quoted = PQescapeIdentifier(m_connection, name.data(), name.size());
    std::string text = quoted ? quoted : "\"\"";
    PQfreemem(quoted);
    return text;
}

PgTransaction::PgTransaction(PgConnection &connection)
    : m_connection(connection)
{ }

PgTransaction::~PgTransaction()
{
    if (m_open)
        (void)m_connection.exec("ROLLBACK");
}

Result<void> PgTransaction::begin(std::string_view begin)
{
    if (m_connection.inTransaction())
        return {};
    auto begun = m_connection.exec(begin);
    m_open = begun.has_value();
    return begun;
}

Result<void> PgTransaction::commit()
{
    if (!m_open)
        return {};
    auto committed = m_connection.exec("COMMIT");
    m_open = false;
    return committed;
}

} // namespace tributary::store
