// SPDX-License-Identifier: Apache-2.0
// Search on PostgreSQL. The latest catalog: full text over the search table's tsvector (each
// word a prefix, all words required); where that finds nothing, near misses of names by
// trigram word similarity. An earlier point: substring matches over the text each resource had
// then, exactly as the SQLite store does (the search table holds only the latest text).
#include "pgstore_p.h"
#include "pgwords_p.h"

namespace tributary::store {
namespace {

// How much a match counts by where it is: description (D), owner (C), tags and column names
// (B), name (A); the order SQLite's bm25 weights give.
constexpr std::string_view kRankWeights = "'{0.1, 0.2, 0.3, 1.0}'::real[]";

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

// One search statement: the resources that match, joined to their current revision at
// import $1, with the query's filters, best first.
class SearchSql
{
public:
    SearchSql(std::int64_t import, const SearchQuery &query)
        : m_query(query)
    {
        m_params.add(import);
    }

    // "$n::text" for a new parameter.
    std::string param(std::string_view value)
    {
        m_params.add(value);
        return "$" + std::to_string(m_params.size()) + "::text";
    }

    // `hits` (optional) is a CTE of (resource_id, score) that drives the query; `match` adds
    // conditions on r and v; `score` is the ninth column.
    std::pair<std::string, const PgParams &> build(const std::string &hits,
        const std::string &match, const std::string &score, std::size_t limit)
    {
        std::string sql
            = hits.empty() ? std::string() : "WITH hits AS MATERIALIZED (" + hits + ") ";
        sql += "SELECT " + std::string(kPgSummaryColumns) + ", " + score
            + (hits.empty() ? " FROM resources r JOIN" + std::string(kPgCurrentRevisions)
                        + "ON v.resource_id = r.id"
                            : " FROM hits h JOIN resources r ON r.id = h.resource_id"
                        + std::string(kPgCurrentRevisionOfEach))
            + " WHERE v.removed = 0" + match + filters();
        // What is current comes first: deprecated, retired and archived resources rank below.
        sql += " ORDER BY (v.status IN ('deprecated', 'retired')"
               " OR coalesce(r.stage, '') = 'archived')";
        sql += m_query.terms.empty() ? ", r.name, r.version" : ", 9 DESC, r.name, r.version";
        m_params.add(std::int64_t(limit));
        sql += " LIMIT $" + std::to_string(m_params.size()) + "::bigint";
        return {sql, m_params};
    }

private:
    std::string anyOf(
        std::string_view column, const std::vector<std::string> &values, bool ignoreCase = false)
    {
        std::string sql = " AND (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string p = param(values[i]);
            sql += (i ? " OR " : "")
                + (ignoreCase ? "lower(" + std::string(column) + ") = lower(" + p + ")"
                              : std::string(column) + " = " + p);
        }
        return sql + ")";
    }

    std::string filters()
    {
        std::string sql;
        if (!m_query.kinds.empty()) {
            std::vector<std::string> kinds;
            for (ResourceKind kind : m_query.kinds)
                kinds.emplace_back(kindName(kind));
            sql += anyOf("r.kind", kinds);
        }
        if (!m_query.owners.empty())
            sql += anyOf("v.owner", m_query.owners, true);
        if (!m_query.stages.empty()) {
            std::vector<std::string> stages;
            for (ModelStage stage : m_query.stages)
                stages.emplace_back(stageName(stage));
            sql += anyOf("r.stage", stages);
        }
        for (const std::string &tag : m_query.tags) {
            const std::string p = param(tag);
            sql += " AND EXISTS (SELECT 1 FROM revision_tags t WHERE t.revision_id = v.id"
                   " AND (t.tag = "
                + p + " OR starts_with(t.tag, " + p + " || ':')))";
        }
        return sql;
    }

    const SearchQuery &m_query;
    PgParams m_params;
};

// For a past point: every term must occur in the name, description, owner, tags or a column
// name as they stood; a match in the name counts most, as the weights do for the latest.
std::pair<std::string, std::string> historicalMatch(const SearchQuery &query, SearchSql &sql)
{
    std::string match, score = "0";
    for (const std::string &term : query.terms) {
        const std::string p = sql.param(containsPattern(term));
        const auto like = [&](std::string_view column) {
            return std::string(column) + " ILIKE " + p + " ESCAPE E'\\\\'";
        };
        match += " AND (" + like("r.name") + " OR " + like("v.description") + " OR "
            + like("v.owner") + " OR " + like("v.tags")
            + " OR EXISTS (SELECT 1 FROM columns c WHERE c.resource_id = r.id AND " + like("c.name")
            + "))";
        score += " + 10 * (" + like("r.name") + ")::int + 3 * (" + like("v.tags") + ")::int + ("
            + like("v.description") + ")::int";
    }
    return {match, score};
}

} // namespace

Result<std::vector<SearchHit>> PgStore::search(const SearchQuery &query, const AsOf &asOf)
{
    std::vector<SearchHit> hits;
    PgTransaction read(*m_db);
    TRY(read.begin(kBeginConsistentRead));
    auto import = resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    if (!*import)
        return hits;
    const auto run
        = [&](const std::pair<std::string, const PgParams &> &statement) -> Result<void> {
        auto rows = m_db->query(statement.first, statement.second);
        if (!rows)
            return tl::unexpected(rows.error());
        for (int row = 0; row < rows->rows(); ++row)
            hits.push_back({summaryAt(*rows, row, 0), rows->real(row, 8)});
        return {};
    };
    const std::int64_t at = (*import)->value;
    if (query.terms.empty()) {
        SearchSql sql(at, query);
        TRY(run(sql.build({}, {}, "0", query.limit)));
    } else if (!asOf.isLatest()) {
        SearchSql sql(at, query);
        const auto [match, score] = historicalMatch(query, sql);
        TRY(run(sql.build({}, match, score, query.limit)));
    } else {
        // The search table's index finds the matches first, whatever the planner's statistics
        // say after a large import; full-text scores are above 1.
        const std::string tsquery = tsqueryText(query.terms);
        if (!tsquery.empty()) {
            SearchSql sql(at, query);
            const std::string hitsSql = "SELECT s.resource_id, ts_rank(" + std::string(kRankWeights)
                + ", s.document, q) AS score FROM search s, CAST(" + sql.param(tsquery)
                + " AS tsquery) q WHERE s.document @@ q";
            TRY(run(sql.build(hitsSql, {}, "1 + h.score", query.limit)));
        }
        // Near misses of names only where the words match nothing (not where the filters
        // leave nothing): then the answers are SQLite's whenever SQLite has any, and a typo
        // still finds what was meant.
        bool wordsMatch = false;
        if (hits.empty() && !tsquery.empty() && !query.isEmpty()
            && (!query.kinds.empty() || !query.tags.empty() || !query.owners.empty()
                || !query.stages.empty())) {
            auto any = m_db->queryInt("SELECT count(*) FROM (SELECT 1 FROM search"
                                      " WHERE document @@ CAST($1::text AS tsquery) LIMIT 1) x",
                PgParams().add(tsquery));
            if (!any)
                return tl::unexpected(any.error());
            wordsMatch = *any > 0;
        }
        if (hits.empty() && !wordsMatch && !m_trigramSchema.empty()) {
            SearchSql sql(at, query);
            std::string text;
            for (const std::string &term : query.terms)
                text += (text.empty() ? "" : " ") + term;
            const std::string t = sql.param(text);
            const std::string hitsSql = "SELECT s.resource_id, " + m_trigramSchema
                + ".word_similarity(" + t + ", s.name) AS score FROM search s WHERE " + t
                + " OPERATOR(" + m_trigramSchema + ".<%) s.name";
            TRY(run(sql.build(hitsSql, {}, "0.5 * h.score", query.limit)));
        }
    }
    TRY(read.commit());
    return hits;
}

} // namespace tributary::store
