// SPDX-License-Identifier: Apache-2.0
// What each import did to each kind: the SQLite store's query (sqlitechanges.cpp), in one
// consistent read with the import it resolves.
#include "pgstore_p.h"

namespace tributary::store {

Result<std::vector<ImportChanges>> PgStore::importChanges(const AsOf &asOf)
{
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    std::vector<ImportChanges> changes;
    if (!*import)
        return changes;
    auto rows
        = m_db->query("SELECT i.id, i.at, r.kind, v.change, count(v.resource_id) FROM imports i"
                      " LEFT JOIN revisions v ON v.import_id = i.id"
                      "  AND v.change IN ('created', 'removed', 'restored')"
                      " LEFT JOIN resources r ON r.id = v.resource_id"
                      " WHERE i.id <= $1::bigint GROUP BY i.id, r.kind, v.change ORDER BY i.id",
            PgParams().add((*import)->value));
    if (!rows)
        return tl::unexpected(rows.error());
    TRY(read.commit());
    for (int row = 0; row < rows->rows(); ++row) {
        const ImportId id{rows->int64(row, 0)};
        if (changes.empty() || changes.back().import != id)
            changes.push_back({id, Timestamp{rows->int64(row, 1)}, {}});
        if (rows->isNull(row, 2))
            continue; // an import that created, removed and restored nothing
        const auto kind = parseKind(rows->view(row, 2));
        if (!kind) {
            return fail(ErrorCode::Database, "a resource of unknown kind " + rows->text(row, 2),
                m_db->locator());
        }
        KindChanges &counts = changes.back().byKind[*kind];
        const std::string_view change = rows->view(row, 3);
        const auto n = std::size_t(rows->int64(row, 4));
        (change == "created"          ? counts.created
                : change == "removed" ? counts.removed
                                      : counts.restored)
            = n;
    }
    return changes;
}

} // namespace tributary::store
