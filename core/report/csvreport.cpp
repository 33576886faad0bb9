// SPDX-License-Identifier: Apache-2.0
// The CSV report (RFC 4180): a header row, then one row per fact and evidence path.
//
// Where the stamps go: spreadsheets and CSV tools take the first line as the header, so there
// is no preamble. The report's stamps (query, as-of, the import it resolved to, fingerprint,
// generation time, tool version) are repeated in trailing columns on every row instead: each
// row stays self-describing when rows of several reports are concatenated or filtered, and a
// reader that wants only the facts ignores the last columns. An empty report is a header alone.
// The impact report's owners are not a separate table: they are the `owner` column.
#include "reportwriter_p.h"
#include "tributary/model/resource.h"
#include "tributary/report/reportwriter.h"

namespace tributary {

std::string csvCell(std::string_view text)
{
    std::string cell;
    cell.reserve(text.size() + 3);
    // A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
    // injection"); a leading apostrophe makes it text and is hidden by the spreadsheet.
    if (!text.empty()) {
        const char first = text.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
            || first == '\r')
            cell += '\'';
    }
    cell += text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

namespace report_detail {
namespace {

constexpr const char *kEol = "\r\n";

constexpr const char *kColumns[] = {"ref", "kind", "owner", "status", "stage", "depth", "tags",
    "strength", "rule", "evidence", "import", "file", "line", "sha256", "query", "as_of",
    "as_of_import", "imported_at", "fingerprint", "generated_at", "tool_version"};

// Builds one row; strings from the catalog go through csvCell, numbers we print ourselves go
// out bare so that a spreadsheet reads them as numbers (a depth of -2 is not a formula).
class CsvRow
{
public:
    void text(std::string_view value) { next() += csvCell(value); }
    void number(long long value) { next() += std::to_string(value); }
    void empty() { next(); }
    std::string finish() { return std::move(m_line) + kEol; }

private:
    std::string &next()
    {
        if (m_cells++ > 0)
            m_line += ',';
        return m_line;
    }

    std::string m_line;
    int m_cells = 0;
};

void appendStamps(CsvRow &row, const Report &report)
{
    row.text(report.query);
    row.text(report.asOf);
    if (report.import) {
        row.number(report.import->value);
        row.text(report.importedAt.toIso());
    } else {
        row.empty();
        row.empty();
    }
    row.text(report.fingerprint);
    row.text(report.generatedAt.toIso());
    row.text(report.toolVersion);
}

std::string factRow(const Report &report, const ReportFact &fact, const ReportEvidence *evidence)
{
    CsvRow row;
    row.text(fact.ref.toString());
    row.text(kindName(fact.ref.kind));
    row.text(fact.owner);
    row.text(statusName(fact.status));
    row.text(fact.stage ? stageName(*fact.stage) : std::string_view());
    row.number(fact.depth);
    // Tags hold no spaces; "; " keeps the cell readable and clear of the CSV comma.
    row.text(joined(fact.tags, "; "));
    if (evidence) {
        row.text(evidence->strength);
        row.text(evidence->rule);
        row.text(hopRefs(*evidence, " > "));
    } else {
        row.empty();
        row.empty();
        row.empty();
    }
    const Provenance &p = fact.provenance;
    row.number(p.import.value);
    row.text(p.file);
    if (p.file.empty())
        row.empty();
    else
        row.number(p.line);
    row.text(p.fileSha256);
    appendStamps(row, report);
    return row.finish();
}

} // namespace

std::string writeCsv(const Report &report)
{
    CsvRow header;
    for (const char *column : kColumns)
        header.text(column);
    std::string out = header.finish();
    for (const ReportFact &fact : report.results) {
        if (fact.evidence.empty()) {
            out += factRow(report, fact, nullptr);
            continue;
        }
        for (const ReportEvidence &evidence : fact.evidence)
            out += factRow(report, fact, &evidence);
    }
    return out;
}

} // namespace report_detail
} // namespace tributary
