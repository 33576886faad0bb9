// SPDX-License-Identifier: Apache-2.0
// What each import did to each kind, read from the revisions it wrote: a version's first
// revision is `created`, a removal mark `removed`, a return after one `restored`. One
// statement, so the imports and their counts come from one snapshot.
#include "sqlitestore_p.h"

namespace tributary::store {

Result<std::vector<ImportChanges>> SqliteStore::importChanges(const AsOf &asOf)
{
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    std::vector<ImportChanges> changes;
    if (!*import)
        return changes;
    auto rows
        = m_db->prepare("SELECT i.id, i.at, r.kind, v.change, count(v.resource_id) FROM imports i"
                        " LEFT JOIN revisions v ON v.import_id = i.id"
                        "  AND v.change IN ('created', 'removed', 'restored')"
                        " LEFT JOIN resources r ON r.id = v.resource_id"
                        " WHERE i.id <= ?1 GROUP BY i.id, r.kind, v.change ORDER BY i.id");
    if (!rows)
        return tl::unexpected(rows.error());
    rows->bind(1, (*import)->value);
    for (;;) {
        auto more = rows->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        const ImportId id{rows->int64(0)};
        if (changes.empty() || changes.back().import != id)
            changes.push_back({id, Timestamp{rows->int64(1)}, {}});
        if (rows->isNull(2))
            continue; // an import that created, removed and restored nothing
        const auto kind = parseKind(rows->text(2));
        if (!kind)
            return fail(
                ErrorCode::Database, "a resource of unknown kind " + rows->text(2), m_db->path());
        KindChanges &counts = changes.back().byKind[*kind];
        const std::string change = rows->text(3);
        const auto n = std::size_t(rows->int64(4));
        (change == "created"          ? counts.created
                : change == "removed" ? counts.removed
                                      : counts.restored)
            = n;
    }
    return changes;
}

} // namespace tributary::store
