// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "importplan_p.h"
#include "pgconnection_p.h"

namespace tributary::store {

// Writes the rows of one import in batches: rows are collected per table in COPY's text format
// and sent with one COPY per table when a batch is full. Ids are given here, counting on from
// the largest stored one, in the order the SQLite writer's rowids take (resources as created;
// revisions as created, revised, then removed), so both backends hold the same rows. Only
// valid inside the import's transaction, under the import lock.
class PgImportWriter
{
public:
    // Reads the next free ids. Errors: Unavailable, Database.
    static Result<PgImportWriter> start(PgConnection &db, std::int64_t import, std::string origin);

    void create(const PlannedResource &planned);
    void revise(const PlannedResource &planned, std::string_view change);
    void remove(std::int64_t resourceId);

    // Bytes waiting to be sent: flush when it grows large.
    std::size_t pending() const;
    // Sends every waiting row. Errors: Unavailable, Database.
    Result<void> flush();

private:
    enum Table {
        Resources,
        Columns,
        ResourceEdges,
        ColumnEdges,
        Revisions,
        RevisionTags,
        Search,
        TableCount
    };

    PgImportWriter(PgConnection &db, std::int64_t import, std::string origin);
    void addRevision(
        const PlannedResource &planned, std::int64_t resourceId, std::string_view change);

    PgConnection *m_db;
    std::int64_t m_import;
    std::string m_origin;
    std::int64_t m_nextResource = 1, m_nextRevision = 1, m_nextEdge = 1, m_nextColumnEdge = 1;
    std::string m_rows[TableCount];
    std::vector<std::int64_t> m_replacedSearch; // revised: their search row is written anew
    std::vector<std::int64_t> m_removed; // with the revision id each removal gets
    std::vector<std::int64_t> m_removedRevisions;
};

} // namespace tributary::store
