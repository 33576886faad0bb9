// SPDX-License-Identifier: Apache-2.0
// The rows of an import, batched into COPY: an L catalog has 100,000 resources and millions of
// rows, which one INSERT per row would send one round trip at a time.
#include <set>
#include <utility>

#include "pgimportwriter_p.h"
#include "pgwords_p.h"
#include "tributary/model/lineageedges.h"

namespace tributary::store {
namespace {

constexpr const char *kCopy[] = {
    "COPY resources (id, kind, name, version, origin, stage, definition_hash, definition,"
    " created_import, created_file, created_line) FROM STDIN",
    "COPY columns (resource_id, ordinal, name, type) FROM STDIN",
    "COPY resource_edges (id, to_resource, from_ref, kind) FROM STDIN",
    "COPY column_edges (id, to_resource, to_column, from_ref, from_column, transform) FROM STDIN",
    "COPY revisions (id, resource_id, import_id, change, removed, metadata_hash, metadata, owner,"
    " status, tags, description, file, line) FROM STDIN",
    "COPY revision_tags (revision_id, column_name, tag) FROM STDIN",
    "COPY search (resource_id, name, description, owner, tags, columns, document) FROM STDIN",
};

// One row of COPY's text format: fields escaped, tab-separated, newline-terminated.
class Row
{
public:
    explicit Row(std::string &out)
        : m_out(out)
    { }
    ~Row() { m_out += '\n'; }

    Row &operator<<(std::string_view text)
    {
        separate();
        for (char c : text) {
            switch (c) {
            case '\\': m_out += "\\\\"; break;
            case '\n': m_out += "\\n"; break;
            case '\r': m_out += "\\r"; break;
            case '\t': m_out += "\\t"; break;
            default: m_out += c;
            }
        }
        return *this;
    }
    Row &operator<<(std::int64_t value)
    {
        separate();
        m_out += std::to_string(value);
        return *this;
    }
    Row &null()
    {
        separate();
        m_out += "\\N";
        return *this;
    }

private:
    void separate()
    {
        if (m_fields++ > 0)
            m_out += '\t';
    }

    std::string &m_out;
    int m_fields = 0;
};

std::string joinWith(const std::vector<std::string> &items, char separator)
{
    std::string text;
    for (const std::string &item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

// "{1,2,3}": an array parameter.
std::string arrayText(const std::vector<std::int64_t> &ids)
{
    std::string text = "{";
    for (std::int64_t id : ids)
        text += (text.size() > 1 ? "," : "") + std::to_string(id);
    return text + "}";
}

} // namespace

PgImportWriter::PgImportWriter(PgConnection &db, std::int64_t import, std::string origin)
    : m_db(&db)
    , m_import(import)
    , m_origin(std::move(origin))
{ }

Result<PgImportWriter> PgImportWriter::start(
    PgConnection &db, std::int64_t import, std::string origin)
{
    auto next = db.query("SELECT (SELECT coalesce(max(id), 0) + 1 FROM resources),"
                         " (SELECT coalesce(max(id), 0) + 1 FROM revisions),"
                         " (SELECT coalesce(max(id), 0) + 1 FROM resource_edges),"
                         " (SELECT coalesce(max(id), 0) + 1 FROM column_edges)");
    if (!next)
        return tl::unexpected(next.error());
    PgImportWriter writer(db, import, std::move(origin));
    writer.m_nextResource = next->int64(0, 0);
    writer.m_nextRevision = next->int64(0, 1);
    writer.m_nextEdge = next->int64(0, 2);
    writer.m_nextColumnEdge = next->int64(0, 3);
    return writer;
}

void PgImportWriter::create(const PlannedResource &planned)
{
    const Resource &resource = *planned.resource;
    const std::int64_t id = m_nextResource++;
    {
        Row row(m_rows[Resources]);
        row << id << kindName(resource.kind()) << resource.ref.name << resource.ref.version
            << m_origin;
        if (const auto *model = resource.as<ModelSpec>())
            row << stageName(model->stage);
        else
            row.null();
        row << planned.definitionHash << planned.definitionText << m_import << planned.file
            << std::int64_t(planned.line);
    }
    if (const auto *source = resource.as<SourceSpec>()) {
        for (std::size_t i = 0; i < source->columns.size(); ++i) {
            const Column &column = source->columns[i];
            Row(m_rows[Columns]) << id << std::int64_t(i) << column.name << column.type;
        }
    }
    for (const ResourceEdge &edge : resourceEdgesInto(resource)) {
        Row(m_rows[ResourceEdges])
            << m_nextEdge++ << id << edge.from.toString() << edgeKindName(edge.kind);
    }
    for (const ColumnEdge &edge : columnEdgesInto(resource)) {
        Row(m_rows[ColumnEdges]) << m_nextColumnEdge++ << id << edge.to.column
                                 << edge.from.resource.toString() << edge.from.column
                                 << transformName(edge.transform);
    }
    addRevision(planned, id, "created");
}

void PgImportWriter::revise(const PlannedResource &planned, std::string_view change)
{
    m_replacedSearch.push_back(planned.resourceId);
    addRevision(planned, planned.resourceId, change);
}

void PgImportWriter::addRevision(
    const PlannedResource &planned, std::int64_t resourceId, std::string_view change)
{
    const Resource &resource = *planned.resource;
    const Metadata &meta = resource.meta;
    const std::int64_t revision = m_nextRevision++;
    Row(m_rows[Revisions]) << revision << resourceId << m_import << change << std::int64_t(0)
                           << planned.metadataHash << planned.metadataText << meta.owner
                           << statusName(meta.status) << joinWith(meta.tags, '\n')
                           << meta.description << planned.file << std::int64_t(planned.line);
    // A tag given twice is one row, as SQLite's INSERT OR IGNORE keeps it.
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const std::string &tag : meta.tags) {
        if (seen.emplace("", tag).second)
            Row(m_rows[RevisionTags]) << revision << "" << tag;
    }
    std::vector<std::string> columnNames;
    std::vector<std::string> allTags = meta.tags;
    if (const auto *source = resource.as<SourceSpec>()) {
        for (const Column &column : source->columns) {
            columnNames.push_back(column.name);
            for (const std::string &tag : column.tags) {
                if (seen.emplace(column.name, tag).second)
                    Row(m_rows[RevisionTags]) << revision << column.name << tag;
                allTags.push_back(tag);
            }
        }
    }
    const std::string tags = joinWith(allTags, ' '), columns = joinWith(columnNames, ' ');
    Row(m_rows[Search]) << resourceId << resource.ref.name << meta.description << meta.owner << tags
                        << columns
                        << tsvectorText({{'A', resource.ref.name}, {'B', tags}, {'B', columns},
                               {'C', meta.owner}, {'D', meta.description}});
}

void PgImportWriter::remove(std::int64_t resourceId)
{
    m_removed.push_back(resourceId);
    m_removedRevisions.push_back(m_nextRevision++);
}

std::size_t PgImportWriter::pending() const
{
    std::size_t bytes = 0;
    for (const std::string &rows : m_rows)
        bytes += rows.size();
    return bytes + 24 * m_removed.size();
}

Result<void> PgImportWriter::flush()
{
    if (!m_replacedSearch.empty()) {
        TRY(m_db->query("DELETE FROM search WHERE resource_id = ANY ($1::bigint[])",
            PgParams().add(arrayText(m_replacedSearch))));
        m_replacedSearch.clear();
    }
    // In this order, each table's rows find the rows they refer to.
    for (int table = 0; table < TableCount; ++table) {
        if (m_rows[table].empty())
            continue;
        TRY(m_db->copyIn(kCopy[table], m_rows[table]));
        m_rows[table].clear();
    }
    if (!m_removed.empty()) {
        // A removal copies the last metadata, so the removed row still tells what went away.
        TRY(m_db->query(
            "INSERT INTO revisions (id, resource_id, import_id, change, removed, metadata_hash,"
            " metadata, owner, status, tags, description, file, line)"
            " SELECT n.id, n.resource_id, $3::bigint, 'removed', 1, v.metadata_hash, v.metadata,"
            " v.owner, v.status, v.tags, v.description, '', 0"
            " FROM unnest($1::bigint[], $2::bigint[]) AS n(resource_id, id)"
            " CROSS JOIN LATERAL (SELECT * FROM revisions w WHERE w.resource_id = n.resource_id"
            " ORDER BY w.import_id DESC LIMIT 1) v",
            PgParams().add(arrayText(m_removed)).add(arrayText(m_removedRevisions)).add(m_import)));
        TRY(m_db->query("DELETE FROM search WHERE resource_id = ANY ($1::bigint[])",
            PgParams().add(arrayText(m_removed))));
        m_removed.clear();
        m_removedRevisions.clear();
    }
    return {};
}

} // namespace tributary::store
