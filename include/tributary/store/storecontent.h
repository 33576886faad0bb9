// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tributary {

// Everything a catalog store holds, table by table as the logical schema (docs/store.md) has
// it, with the store's own ids: what an offline copy carries so that history, as-of and every
// fingerprint stay exactly as they were. Rows are in id order (files, columns and edges by
// their owner's id).
struct StoreContent {
    struct Import {
        std::int64_t id = 0;
        std::int64_t at = 0; // seconds since the epoch, UTC
        std::string author, toolVersion, origin, sourcePath, fingerprint;
        std::int64_t added = 0, revised = 0, removed = 0, unchanged = 0;
    };
    struct File {
        std::int64_t importId = 0;
        std::string path, sha256;
        std::int64_t bytes = 0;
    };
    struct Resource {
        std::int64_t id = 0;
        std::string kind, name, version, origin;
        std::optional<std::string> stage;
        std::string definitionHash, definition;
        std::int64_t createdImport = 0;
        std::string createdFile;
        std::int64_t createdLine = 0;
    };
    struct Revision {
        std::int64_t id = 0, resourceId = 0, importId = 0;
        std::string change;
        bool removed = false;
        std::string metadataHash, metadata, owner, status, tags, description, file;
        std::int64_t line = 0;
    };
    struct RevisionTag {
        std::int64_t revisionId = 0;
        std::string columnName, tag;
    };
    struct Column {
        std::int64_t resourceId = 0, ordinal = 0;
        std::string name, type;
    };
    struct ResourceEdge {
        std::int64_t toResource = 0;
        std::string fromRef, kind;
    };
    struct ColumnEdge {
        std::int64_t toResource = 0;
        std::string toColumn, fromRef, fromColumn, transform;
    };

    std::vector<Import> imports;
    std::vector<File> files;
    std::vector<Resource> resources;
    std::vector<Revision> revisions;
    std::vector<RevisionTag> revisionTags;
    std::vector<Column> columns;
    std::vector<ResourceEdge> resourceEdges;
    std::vector<ColumnEdge> columnEdges;
};

} // namespace tributary
