// SPDX-License-Identifier: Apache-2.0
// Search: full text with SQLite FTS5 over the latest catalog; at an earlier point, substring
// matches over the text each resource had then (the FTS index holds only the latest text).
#include "sqlitestore_p.h"
#include "tributary/base/text.h"

namespace tributary::store {
namespace {

// Each word becomes a quoted FTS5 prefix query, so user text can never be FTS syntax.
std::string matchExpression(const std::vector<std::string> &terms)
{
    std::string match;
    for (const std::string &term : terms) {
        std::string quoted = "\"";
        for (char c : term)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += "\"*";
        if (!match.empty())
            match += " AND ";
        match += quoted;
    }
    return match;
}

// "(col = ?n OR col = ?n+1 ...)" for alternatives of one filter; advances `next`.
std::string anyOf(
    std::string_view column, std::size_t count, int &next, std::string_view collate = {})
{
    std::string sql = " AND (";
    for (std::size_t i = 0; i < count; ++i) {
        if (i)
            sql += " OR ";
        sql += std::string(column) + " = ?" + std::to_string(next++);
        if (!collate.empty())
            sql += " COLLATE " + std::string(collate);
    }
    return sql + ")";
}

// A LIKE pattern matching `term` anywhere, with LIKE's own wildcards taken literally.
std::string containsPattern(const std::string &term)
{
    std::string pattern = "%";
    for (char c : term) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

// For a past point: every term must occur in the name, description, owner, tags or a column
// name as they stood; a match in the name counts most, as bm25's weights do for the latest.
std::string historicalMatch(std::size_t terms, int &next, std::string &score)
{
    std::string sql;
    score = "0";
    for (std::size_t i = 0; i < terms; ++i) {
        const std::string p = "?" + std::to_string(next++);
        const auto like = [&](std::string_view column) {
            return std::string(column) + " LIKE " + p + " ESCAPE '\\'";
        };
        sql += " AND (" + like("r.name") + " OR " + like("v.description") + " OR " + like("v.owner")
            + " OR " + like("v.tags")
            + " OR EXISTS (SELECT 1 FROM columns c WHERE c.resource_id = r.id AND " + like("c.name")
            + "))";
        score += " + 10 * (" + like("r.name") + ") + 3 * (" + like("v.tags") + ") + ("
            + like("v.description") + ")";
    }
    return sql;
}

} // namespace

Result<std::vector<SearchHit>> SqliteStore::search(const SearchQuery &query, const AsOf &asOf)
{
    std::vector<SearchHit> hits;
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return hits;
    const bool latest = asOf.isLatest();
    const bool fullText = !query.terms.empty() && latest;
    const bool historical = !query.terms.empty() && !latest;
    int next = 2;
    std::string score = fullText ? "-bm25(search, 10.0, 1.0, 2.0, 3.0, 3.0)" : "0";
    const std::string match
        = historical ? historicalMatch(query.terms.size(), next, score) : std::string();
    // Name matches count most, then tags and column names, then prose.
    std::string sql
        = "SELECT r.kind, r.name, r.version, r.stage, v.owner, v.status, v.tags, v.description, "
        + score + " FROM resources r JOIN revisions v ON v.resource_id = r.id"
        + (fullText ? " JOIN search ON search.rowid = r.id" : "")
        + " WHERE v.import_id = (SELECT max(w.import_id) FROM revisions w"
          " WHERE w.resource_id = r.id AND w.import_id <= ?1) AND v.removed = 0"
        + match;
    if (fullText)
        sql += " AND search MATCH ?" + std::to_string(next++);
    if (!query.kinds.empty())
        sql += anyOf("r.kind", query.kinds.size(), next);
    if (!query.owners.empty())
        sql += anyOf("v.owner", query.owners.size(), next, "NOCASE");
    if (!query.stages.empty())
        sql += anyOf("r.stage", query.stages.size(), next);
    for (std::size_t i = 0; i < query.tags.size(); ++i) {
        const std::string p = "?" + std::to_string(next);
        sql += " AND EXISTS (SELECT 1 FROM revision_tags t WHERE t.revision_id = v.id AND (t.tag = "
            + p + " OR substr(t.tag, 1, length(" + p + ") + 1) = " + p + " || ':'))";
        ++next;
    }
    // What is current comes first: deprecated, retired and archived resources rank below.
    sql += " ORDER BY (v.status IN ('deprecated', 'retired')"
           " OR coalesce(r.stage, '') = 'archived')";
    sql += query.terms.empty() ? ", r.name, r.version" : ", 9 DESC, r.name, r.version";
    sql += " LIMIT ?" + std::to_string(next);

    auto statement = m_db->prepare(sql);
    if (!statement)
        return tl::unexpected(statement.error());
    int param = 1;
    statement->bind(param++, (*import)->value);
    if (historical) {
        for (const std::string &term : query.terms)
            statement->bind(param++, containsPattern(term));
    }
    if (fullText)
        statement->bind(param++, matchExpression(query.terms));
    for (ResourceKind kind : query.kinds)
        statement->bind(param++, kindName(kind));
    for (const std::string &owner : query.owners)
        statement->bind(param++, owner);
    for (ModelStage stage : query.stages)
        statement->bind(param++, stageName(stage));
    for (const std::string &tag : query.tags)
        statement->bind(param++, tag);
    statement->bind(param, std::int64_t(query.limit));
    for (;;) {
        auto more = statement->step();
        if (!more)
            return tl::unexpected(more.error());
        if (!*more)
            break;
        SearchHit hit;
        hit.summary = summaryAt(*statement, 0);
        hit.score = statement->real(8);
        hits.push_back(std::move(hit));
    }
    return hits;
}

} // namespace tributary::store
