// SPDX-License-Identifier: Apache-2.0
// Numbered schema migrations of the PostgreSQL catalog: the same tables and columns as the
// SQLite catalog (docs/store.md), in the connection's current schema (search_path), never in a
// schema named here. A released migration is never edited: later changes are new entries.
#include <array>

#include "pgschema_p.h"
#include "tributary/base/timestamp.h"

namespace tributary::store {
namespace {

// Text columns compare and sort byte by byte (COLLATE "C"), as SQLite's do, so both backends
// order and match text alike whatever the database's collation.
constexpr std::array<std::string_view, 2> kMigrations = {
    // 1: the catalog with its history. Ids are given by the importer (one at a time, under
    // the import lock), so they count like SQLite's rowids and survive a copy unchanged; the
    // edge tables' ids are SQLite's implicit rowid made explicit, the order a definition
    // states its edges in. The tables with many rows per resource (tags, columns, edges,
    // search) have no foreign keys: the importer writes them with their resource in one
    // transaction, and a check per row would cost more than the rest of their write.
    R"sql(
CREATE TABLE tributary_schema (
    version      integer PRIMARY KEY,
    applied_at   bigint  NOT NULL,
    tool_version text    NOT NULL
);
CREATE TABLE imports (
    id           bigint PRIMARY KEY,
    at           bigint NOT NULL,
    author       text COLLATE "C" NOT NULL,
    tool_version text COLLATE "C" NOT NULL,
    origin       text COLLATE "C" NOT NULL,
    source_path  text COLLATE "C" NOT NULL,
    fingerprint  text COLLATE "C" NOT NULL,
    added        bigint NOT NULL,
    revised      bigint NOT NULL,
    removed      bigint NOT NULL,
    unchanged    bigint NOT NULL
);
CREATE TABLE import_files (
    import_id bigint NOT NULL REFERENCES imports(id),
    path      text COLLATE "C" NOT NULL,
    sha256    text COLLATE "C" NOT NULL,
    bytes     bigint NOT NULL,
    PRIMARY KEY (import_id, path)
);
CREATE TABLE resources (
    id              bigint PRIMARY KEY,
    kind            text COLLATE "C" NOT NULL,
    name            text COLLATE "C" NOT NULL,
    version         text COLLATE "C" NOT NULL,
    origin          text COLLATE "C" NOT NULL,
    stage           text COLLATE "C",
    definition_hash text COLLATE "C" NOT NULL,
    definition      text COLLATE "C" NOT NULL,
    created_import  bigint NOT NULL REFERENCES imports(id),
    created_file    text COLLATE "C" NOT NULL,
    created_line    bigint NOT NULL,
    UNIQUE (kind, name, version)
);
CREATE INDEX resources_by_name ON resources(name);
CREATE TABLE revisions (
    id            bigint PRIMARY KEY,
    resource_id   bigint NOT NULL REFERENCES resources(id),
    import_id     bigint NOT NULL REFERENCES imports(id),
    change        text COLLATE "C" NOT NULL,
    removed       integer NOT NULL,
    metadata_hash text COLLATE "C" NOT NULL,
    metadata      text COLLATE "C" NOT NULL,
    owner         text COLLATE "C" NOT NULL,
    status        text COLLATE "C" NOT NULL,
    tags          text COLLATE "C" NOT NULL,
    description   text COLLATE "C" NOT NULL,
    file          text COLLATE "C" NOT NULL,
    line          bigint NOT NULL
);
CREATE UNIQUE INDEX revisions_by_resource ON revisions(resource_id, import_id);
CREATE INDEX revisions_by_import ON revisions(import_id);
CREATE TABLE revision_tags (
    revision_id bigint NOT NULL,
    column_name text COLLATE "C" NOT NULL,
    tag         text COLLATE "C" NOT NULL,
    PRIMARY KEY (revision_id, column_name, tag)
);
CREATE INDEX revision_tags_by_tag ON revision_tags(tag);
CREATE TABLE columns (
    resource_id bigint NOT NULL,
    ordinal     bigint NOT NULL,
    name        text COLLATE "C" NOT NULL,
    type        text COLLATE "C" NOT NULL,
    PRIMARY KEY (resource_id, ordinal)
);
CREATE TABLE resource_edges (
    id          bigint PRIMARY KEY,
    to_resource bigint NOT NULL,
    from_ref    text COLLATE "C" NOT NULL,
    kind        text COLLATE "C" NOT NULL
);
CREATE INDEX resource_edges_by_target ON resource_edges(to_resource);
CREATE INDEX resource_edges_by_source ON resource_edges(from_ref);
CREATE TABLE column_edges (
    id          bigint PRIMARY KEY,
    to_resource bigint NOT NULL,
    to_column   text COLLATE "C" NOT NULL,
    from_ref    text COLLATE "C" NOT NULL,
    from_column text COLLATE "C" NOT NULL,
    transform   text COLLATE "C" NOT NULL
);
CREATE INDEX column_edges_by_target ON column_edges(to_resource);
)sql",
    // 2: search over the latest catalog. The importer writes each document (pgwords.cpp:
    // words split at ASCII punctuation as SQLite's unicode61 splits them, weighted name A,
    // tags and column names B, owner C, description D); trigrams of names find near misses.
    // @trgm@ is the schema pg_trgm lives in (migratePgSchema creates it first).
    R"sql(
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE search (
    resource_id bigint PRIMARY KEY,
    name        text COLLATE "C" NOT NULL,
    description text COLLATE "C" NOT NULL,
    owner       text COLLATE "C" NOT NULL,
    tags        text COLLATE "C" NOT NULL,
    columns     text COLLATE "C" NOT NULL,
    document    tsvector NOT NULL
);
CREATE INDEX search_by_document ON search USING gin (document);
CREATE INDEX search_by_name_trigrams ON search USING gin (name @trgm@.gin_trgm_ops);
)sql",
};

constexpr std::string_view kOurTables[] = {"imports", "import_files", "resources", "revisions",
    "revision_tags", "columns", "resource_edges", "column_edges", "search"};

// What the current schema holds: its name, whether it has our version table, and if not,
// whether it has a table of ours anyway (someone else's table by the same name).
struct SchemaState {
    std::string name;
    int version = 0;
    bool foreignTables = false;
};

Result<SchemaState> schemaState(PgConnection &db)
{
    auto current = db.query("SELECT current_schema()");
    if (!current)
        return tl::unexpected(current.error());
    if (current->rows() == 0 || current->isNull(0, 0)) {
        return fail(ErrorCode::Invalid,
            "no schema to keep the catalog in: the search_path names none this role may use",
            db.locator(),
            "create the schema (CREATE SCHEMA name), grant USAGE on it, and name it with "
            "options=-csearch_path=name");
    }
    SchemaState state;
    state.name = current->text(0, 0);
    std::string names;
    for (std::string_view table : kOurTables)
        names += std::string(names.empty() ? "" : ",") + std::string(table);
    auto tables = db.query("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                           " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                           " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                           " AND c.relname = ANY (string_to_array($1 || ',tributary_schema', ','))",
        PgParams().add(names));
    if (!tables)
        return tl::unexpected(tables.error());
    bool versioned = false;
    for (int row = 0; row < tables->rows(); ++row) {
        if (tables->view(row, 0) == "tributary_schema")
            versioned = true;
        else
            state.foreignTables = true;
    }
    if (versioned) {
        state.foreignTables = false;
        auto version = db.queryInt("SELECT max(version) FROM tributary_schema");
        if (!version)
            return tl::unexpected(version.error());
        state.version = int(*version);
    }
    return state;
}

} // namespace

int pgSchemaVersion()
{
    return int(kMigrations.size());
}

Result<std::string> trigramSchema(PgConnection &db)
{
    auto schema = db.query("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n"
                           " ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'");
    if (!schema)
        return tl::unexpected(schema.error());
    return schema->rows() == 0 ? std::string() : db.quoteIdentifier(schema->view(0, 0));
}

Result<void> migratePgSchema(PgConnection &db, bool readOnly)
{
    auto state = schemaState(db);
    if (!state)
        return tl::unexpected(state.error());
    const std::string where = db.locator() + " (schema " + state->name + ")";
    if (state->foreignTables) {
        return fail(ErrorCode::Invalid, "not a Tributary catalog", where,
            "the schema holds tables of another application: give the catalog a schema of "
            "its own (options=-csearch_path=name)");
    }
    const int target = pgSchemaVersion();
    if (state->version > target) {
        return fail(ErrorCode::Invalid,
            "the catalog has schema version " + std::to_string(state->version)
                + ", newer than this Tributary understands (" + std::to_string(target) + ")",
            where, "upgrade Tributary");
    }
    if (state->version == target)
        return {};
    if (readOnly && state->version == 0) {
        return fail(ErrorCode::NotFound, "no Tributary catalog in schema " + state->name, where,
            "create one with `tributary import DIR --catalog '" + db.locator() + "'`");
    }
    if (readOnly) {
        return fail(ErrorCode::Invalid,
            "the catalog has an older schema (" + std::to_string(state->version)
                + ") that must be migrated before reading",
            where,
            "run a writing command on it first (e.g. `tributary import`) with a role that "
            "may change its schema");
    }
    for (int next = state->version + 1; next <= target; ++next) {
        PgTransaction transaction(db);
        TRY(transaction.begin());
        TRY(db.query("SELECT pg_advisory_xact_lock($1::bigint)", PgParams().add(kImportLockKey)));
        // Another process may have migrated while this one waited for the lock.
        auto now = schemaState(db);
        if (!now)
            return tl::unexpected(now.error());
        if (now->version >= next)
            continue;
        std::string sql(kMigrations[std::size_t(next - 1)]);
        if (const auto at = sql.find("@trgm@"); at != std::string::npos) {
            TRY(db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
            auto trgm = trigramSchema(db);
            if (!trgm)
                return tl::unexpected(trgm.error());
            sql.replace(at, 6, *trgm);
        }
        if (auto applied = db.exec(sql); !applied) {
            Error error = applied.error();
            error.message
                = "schema migration " + std::to_string(next) + " failed: " + error.message;
            return tl::unexpected(error);
        }
        TRY(db.query("INSERT INTO tributary_schema (version, applied_at, tool_version)"
                     " VALUES ($1::integer, $2::bigint, $3)",
            PgParams()
                .add(std::int64_t(next))
                .add(Timestamp::now().seconds)
                .add(std::string_view(TRIBUTARY_VERSION))));
        TRY(transaction.commit());
    }
    return {};
}

} // namespace tributary::store
