// SPDX-License-Identifier: Apache-2.0
// Numbered schema migrations of the SQLite catalog. A released migration is never edited:
// later changes are new entries at the end. docs/store.md describes the tables.
#include "sqliteschema_p.h"

#include <array>

namespace tributary::store {
namespace {

constexpr std::array kMigrations = {
    // 1: the catalog with its history.
    R"sql(
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,          -- seconds since the epoch, UTC
    author       TEXT    NOT NULL,
    tool_version TEXT    NOT NULL,
    origin       TEXT    NOT NULL,          -- 'yaml', or an importer's name
    source_path  TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,
    added        INTEGER NOT NULL,
    revised      INTEGER NOT NULL,
    removed      INTEGER NOT NULL,
    unchanged    INTEGER NOT NULL
);
CREATE TABLE import_files (
    import_id INTEGER NOT NULL REFERENCES imports(id),
    path      TEXT    NOT NULL,
    sha256    TEXT    NOT NULL,
    bytes     INTEGER NOT NULL,
    PRIMARY KEY (import_id, path)
);
-- One row per version ever imported; its definition never changes.
CREATE TABLE resources (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    version         TEXT    NOT NULL,
    origin          TEXT    NOT NULL,
    stage           TEXT,
    definition_hash TEXT    NOT NULL,
    definition      TEXT    NOT NULL,       -- canonical JSON
    created_import  INTEGER NOT NULL REFERENCES imports(id),
    created_file    TEXT    NOT NULL,
    created_line    INTEGER NOT NULL,
    UNIQUE (kind, name, version)
);
CREATE INDEX resources_by_name ON resources(name);
-- Metadata over time. A row with removed = 1 marks the version absent from that import on.
CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    resource_id   INTEGER NOT NULL REFERENCES resources(id),
    import_id     INTEGER NOT NULL REFERENCES imports(id),
    change        TEXT    NOT NULL,         -- created, revised, removed, restored
    removed       INTEGER NOT NULL,
    metadata_hash TEXT    NOT NULL,
    metadata      TEXT    NOT NULL,         -- canonical JSON
    owner         TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    tags          TEXT    NOT NULL,         -- the resource's own tags, '\n'-separated
    description   TEXT    NOT NULL,
    file          TEXT    NOT NULL,
    line          INTEGER NOT NULL
);
CREATE UNIQUE INDEX revisions_by_resource ON revisions(resource_id, import_id);
CREATE INDEX revisions_by_import ON revisions(import_id);
-- Tags of a revision; column_name is '' for the resource's own tags.
CREATE TABLE revision_tags (
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    column_name TEXT    NOT NULL,
    tag         TEXT    NOT NULL,
    PRIMARY KEY (revision_id, column_name, tag)
) WITHOUT ROWID;
CREATE INDEX revision_tags_by_tag ON revision_tags(tag);
CREATE TABLE columns (
    resource_id INTEGER NOT NULL REFERENCES resources(id),
    ordinal     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    PRIMARY KEY (resource_id, ordinal)
) WITHOUT ROWID;
-- Lineage as the definitions state it: upstream (by reference) -> resource.
CREATE TABLE resource_edges (
    to_resource INTEGER NOT NULL REFERENCES resources(id),
    from_ref    TEXT    NOT NULL,
    kind        TEXT    NOT NULL
);
CREATE INDEX resource_edges_by_target ON resource_edges(to_resource);
CREATE INDEX resource_edges_by_source ON resource_edges(from_ref);
CREATE TABLE column_edges (
    to_resource INTEGER NOT NULL REFERENCES resources(id),
    to_column   TEXT    NOT NULL,           -- '' for a feature or label as a whole
    from_ref    TEXT    NOT NULL,
    from_column TEXT    NOT NULL,
    transform   TEXT    NOT NULL
);
CREATE INDEX column_edges_by_target ON column_edges(to_resource);
-- Full-text search over the latest catalog; rowid = resources.id.
CREATE VIRTUAL TABLE search USING fts5(
    name, description, owner, tags, columns,
    tokenize = "unicode61 remove_diacritics 2"
);
)sql",
};

} // namespace

int sqliteSchemaVersion() { return int(kMigrations.size()); }

Result<void> migrateSqliteSchema(SqliteDatabase &db, bool readOnly)
{
    auto applicationId = db.queryInt("PRAGMA application_id");
    if (!applicationId)
        return tl::unexpected(applicationId.error());
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return tl::unexpected(version.error());
    auto tables = db.queryInt("SELECT count(*) FROM sqlite_schema");
    if (!tables)
        return tl::unexpected(tables.error());
    if (*applicationId != kSqliteApplicationId && (*applicationId != 0 || *tables > 0)) {
        return fail(ErrorCode::Invalid, "not a Tributary catalog", db.path(),
                    "choose a .sqlite file made by `tributary import`, or a new file name");
    }
    const int target = sqliteSchemaVersion();
    if (*version > target) {
        return fail(ErrorCode::Invalid,
                    "the catalog has schema version " + std::to_string(*version)
                        + ", newer than this Tributary understands (" + std::to_string(target) + ")",
                    db.path(), "upgrade Tributary");
    }
    if (*version == target)
        return {};
    if (readOnly) {
        return fail(ErrorCode::Invalid,
                    *tables == 0 ? "the file is empty, not a catalog"
                                 : "the catalog has an older schema (" + std::to_string(*version)
                                       + ") that must be migrated before reading",
                    db.path(), "run a writing command on it first, e.g. `tributary import`");
    }
    if (*version == 0) {
        // WAL lets readers browse while an import writes; set once, it stays with the file.
        if (auto wal = db.exec("PRAGMA journal_mode = WAL"); !wal)
            return wal;
    }
    for (int next = int(*version) + 1; next <= target; ++next) {
        SqliteTransaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun;
        if (auto applied = db.exec(kMigrations[std::size_t(next - 1)]); !applied) {
            Error error = applied.error();
            error.message = "schema migration " + std::to_string(next) + " failed: " + error.message;
            return tl::unexpected(error);
        }
        if (auto marked = db.exec("PRAGMA application_id = " + std::to_string(kSqliteApplicationId)
                                  + "; PRAGMA user_version = " + std::to_string(next));
            !marked)
            return marked;
        if (auto committed = transaction.commit(); !committed)
            return committed;
    }
    return {};
}

} // namespace tributary::store
