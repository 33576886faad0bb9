// SPDX-License-Identifier: Apache-2.0
// Test helpers for the PostgreSQL store: the test server from the environment, and a fresh
// schema per test (made and dropped over an admin connection) so tests run in parallel.
#pragma once

#include <cctype>
#include <cstdlib>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <libpq-fe.h>

namespace tributary::testing {

// TRIBUTARY_TEST_POSTGRES, or the server packaging/setup-test-postgres.sh sets up.
inline std::string pgAdminLocator()
{
    const char *env = std::getenv("TRIBUTARY_TEST_POSTGRES");
    return env && *env ? env : "postgresql://tributary:tributary@localhost/tributary_test";
}

// TRIBUTARY_TEST_POSTGRES_READER: a role that may connect and nothing more.
inline std::string pgReaderLocator()
{
    const char *env = std::getenv("TRIBUTARY_TEST_POSTGRES_READER");
    return env && *env ? env : "postgresql://tributary_reader:reader@localhost/tributary_test";
}

// CI sets TRIBUTARY_TEST_POSTGRES_REQUIRED=1: then a missing server fails the tests.
inline bool pgRequired()
{
    const char *env = std::getenv("TRIBUTARY_TEST_POSTGRES_REQUIRED");
    return env && std::string(env) == "1";
}

// `locator` with one more connection keyword: a URI query parameter (value percent-encoded)
// or a keyword string's `key='value'`.
inline std::string withKeyword(
    const std::string &locator, const std::string &key, const std::string &value)
{
    if (locator.starts_with("postgresql://") || locator.starts_with("postgres://")) {
        std::string encoded;
        for (char c : value) {
            if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')
                encoded += c;
            else
                encoded += "%" + std::string(1, "0123456789ABCDEF"[(c >> 4) & 15])
                    + std::string(1, "0123456789ABCDEF"[c & 15]);
        }
        return locator + (locator.find('?') == std::string::npos ? "?" : "&") + key + "=" + encoded;
    }
    return locator + " " + key + "='" + value + "'";
}

// The locator of a catalog in `schema`, whose connections show `application` in
// pg_stat_activity when given.
inline std::string inSchema(
    const std::string &locator, const std::string &schema, const std::string &application = {})
{
    std::string out = withKeyword(locator, "options", "-csearch_path=" + schema);
    return application.empty() ? out : withKeyword(out, "application_name", application);
}

// A schema of its own for one test, dropped with everything in it at the end.
class PgTestSchema
{
public:
    PgTestSchema()
    {
        const std::string admin = pgAdminLocator();
        m_connection = PQconnectdb(withKeyword(admin, "connect_timeout", "5").c_str());
        if (PQstatus(m_connection) != CONNECTION_OK) {
            m_problem = "the PostgreSQL test server cannot be reached ("
                + std::string(PQerrorMessage(m_connection))
                + "); run packaging/setup-test-postgres.sh or set TRIBUTARY_TEST_POSTGRES"
                  " (TRIBUTARY_TEST_POSTGRES_REQUIRED=1 makes this a failure)";
            return;
        }
        PQsetNoticeProcessor(
            m_connection, [](void *, const char *) {}, nullptr);
        std::random_device random;
        m_name = "tributary_test_" + std::to_string(getpid()) + "_"
            + std::to_string(random() % 1000000);
        // pg_trgm lives in public, so that no test's schema drops it from under another's.
        exec("SELECT pg_advisory_lock(7283)");
        exec("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
        exec("SELECT pg_advisory_unlock(7283)");
        if (!exec("CREATE SCHEMA " + m_name) || !exec("SET search_path = " + m_name + ", public"))
            m_problem = "cannot create a test schema: " + m_lastError;
    }
    ~PgTestSchema()
    {
        if (m_connection && PQstatus(m_connection) == CONNECTION_OK && !m_name.empty())
            exec("DROP SCHEMA IF EXISTS " + m_name + " CASCADE");
        PQfinish(m_connection);
    }
    PgTestSchema(const PgTestSchema &) = delete;
    PgTestSchema &operator=(const PgTestSchema &) = delete;

    bool available() const { return m_problem.empty(); }
    const std::string &problem() const { return m_problem; }
    const std::string &name() const { return m_name; }
    std::string locator(const std::string &application = {}) const
    {
        return inSchema(pgAdminLocator(), m_name, application);
    }
    std::string readerLocator() const { return inSchema(pgReaderLocator(), m_name); }

    // Runs SQL over the admin connection (search_path: this schema, then public).
    bool exec(const std::string &sql)
    {
        PGresult *result = PQexec(m_connection, sql.c_str());
        const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK
            || PQresultStatus(result) == PGRES_TUPLES_OK;
        m_lastError = ok ? std::string() : PQresultErrorMessage(result);
        PQclear(result);
        return ok;
    }
    // The first cell of a query's first row ("" for none; the error text on failure).
    std::string value(const std::string &sql)
    {
        PGresult *result = PQexec(m_connection, sql.c_str());
        std::string text;
        if (PQresultStatus(result) != PGRES_TUPLES_OK)
            text = "error: " + std::string(PQresultErrorMessage(result));
        else if (PQntuples(result) > 0)
            text = PQgetvalue(result, 0, 0);
        PQclear(result);
        return text;
    }
    const std::string &lastError() const { return m_lastError; }

    // Rows in every table of the catalog, to show that something wrote nothing.
    std::string tableCounts()
    {
        std::string counts;
        for (const char *table : {"imports", "import_files", "resources", "revisions",
                 "revision_tags", "columns", "resource_edges", "column_edges", "search"}) {
            counts += std::string(table) + "="
                + value("SELECT count(*) FROM " + m_name + "." + table) + " ";
        }
        return counts;
    }

    // What the read-only role needs to browse this schema's catalog: USAGE and SELECT.
    bool grantReader()
    {
        const std::string role = "\"" + readerRole() + "\"";
        return exec("GRANT USAGE ON SCHEMA " + m_name + " TO " + role)
            && exec("GRANT SELECT ON ALL TABLES IN SCHEMA " + m_name + " TO " + role);
    }

    // The role the reader's locator logs in as.
    static std::string readerRole()
    {
        std::string user = "tributary_reader";
        char *error = nullptr;
        PQconninfoOption *options = PQconninfoParse(pgReaderLocator().c_str(), &error);
        PQfreemem(error);
        for (PQconninfoOption *o = options; o && o->keyword; ++o) {
            if (std::string(o->keyword) == "user" && o->val)
                user = o->val;
        }
        PQconninfoFree(options);
        return user;
    }

private:
    PGconn *m_connection = nullptr;
    std::string m_name;
    std::string m_problem;
    std::string m_lastError;
};

// Skips the test (or fails it, where the server is required) when `schema` is unusable.
#define TRIBUTARY_REQUIRE_POSTGRES(schema)                                                         \
    do {                                                                                           \
        if (!(schema).available()) {                                                               \
            if (::tributary::testing::pgRequired())                                                \
                FAIL() << (schema).problem();                                                      \
            GTEST_SKIP() << (schema).problem();                                                    \
        }                                                                                          \
    } while (false)

} // namespace tributary::testing
