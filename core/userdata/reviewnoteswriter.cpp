// SPDX-License-Identifier: Apache-2.0
// Review notes written to send back: CSV for spreadsheets and trackers, Markdown for a message
// or a pull request. Comments and reviewer names are people's text, typed anywhere: the CSV
// neutralises what a spreadsheet would run (the report writers' csvCell), the Markdown escapes
// what would end a table cell or turn into markup or HTML.
#include <algorithm>

#include "tributary/report/reportwriter.h"
#include "tributary/userdata/reviewnotes.h"

namespace tributary {
namespace {

constexpr const char *kEol = "\r\n";

constexpr const char *kColumns[] = {"asset", "kind", "name", "version", "status", "comment",
    "reviewer", "reviewed_at", "reviewed_import", "reviewed_fingerprint", "catalog",
    "catalog_import", "catalog_fingerprint", "exported_at"};

std::vector<ReviewNote> ordered(std::vector<ReviewNote> notes)
{
    std::stable_sort(notes.begin(), notes.end(),
        [](const ReviewNote &a, const ReviewNote &b) { return a.asset < b.asset; });
    return notes;
}

std::string importText(const std::optional<ImportId> &import)
{
    return import ? std::to_string(import->value) : std::string();
}

// One CSV line from its cells; every cell goes through csvCell, numbers included (they hold
// only digits, so they stay bare).
std::string csvLine(std::initializer_list<std::string_view> cells)
{
    std::string line;
    bool first = true;
    for (std::string_view cell : cells) {
        if (!first)
            line += ',';
        first = false;
        line += csvCell(cell);
    }
    return line + kEol;
}

// Text in a Markdown table cell: a line break becomes <br>, and the characters that would end
// the cell (|) or start markup, code, links or raw HTML are backslash-escaped.
std::string markdownCell(std::string_view text)
{
    std::string cell;
    cell.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            cell += "<br>";
        } else if (c == '\t') {
            cell += ' ';
        } else if (std::string_view("\\`*_[]<>|&~").find(c) != std::string_view::npos) {
            cell += '\\';
            cell += c;
        } else {
            cell += c;
        }
    }
    return cell;
}

std::string statusWords(ReviewStatus status)
{
    return status == ReviewStatus::Reviewed ? "reviewed" : "needs work";
}

// "import 4", with a warning when the catalog has changed since the note was written.
std::string asOfText(const ReviewNote &note, const ReviewExport &reviews)
{
    std::string text = note.import ? "import " + std::to_string(note.import->value) : "—";
    if (!note.fingerprint.empty() && !reviews.fingerprint.empty()
        && note.fingerprint != reviews.fingerprint)
        text += " (changed since)";
    return text;
}

} // namespace

std::string writeReviewsCsv(const ReviewExport &reviews)
{
    std::string out;
    for (const char *column : kColumns)
        out += (out.empty() ? "" : ",") + csvCell(column);
    out += kEol;
    const std::string catalogImport = importText(reviews.import);
    const std::string exported = reviews.exportedAt.toIso();
    for (const ReviewNote &note : ordered(reviews.notes)) {
        const std::string asset = note.asset.toString();
        const std::string at = note.at.toIso();
        const std::string import = importText(note.import);
        out += csvLine({asset, kindName(note.asset.kind), note.asset.name, note.asset.version,
            reviewStatusName(note.status), note.comment, note.reviewer, at, import,
            note.fingerprint, reviews.catalog, catalogImport, reviews.fingerprint, exported});
    }
    return out;
}

std::string writeReviewsMarkdown(const ReviewExport &reviews)
{
    const std::vector<ReviewNote> notes = ordered(reviews.notes);
    const auto needsWork = std::count_if(notes.begin(), notes.end(),
        [](const ReviewNote &note) { return note.status == ReviewStatus::NeedsWork; });
    std::string out = "# Review notes\n\n";
    out += "- Catalog: " + markdownCell(reviews.catalog) + "\n";
    if (!reviews.fingerprint.empty()) {
        out += "- As it stands now: ";
        out += reviews.import ? "import " + std::to_string(reviews.import->value) + ", " : "";
        out += "fingerprint `" + reviews.fingerprint + "`\n";
    }
    out += "- Exported: " + reviews.exportedAt.toIso() + "\n";
    out += "- Notes: " + std::to_string(notes.size()) + ", " + std::to_string(needsWork)
        + " needing work\n\n";
    out += "| Asset | Status | Comment | Reviewer | When | As of |\n";
    out += "| --- | --- | --- | --- | --- | --- |\n";
    for (const ReviewNote &note : notes) {
        // Asset refs match [A-Za-z0-9_.:@-]: safe inside a code span as they are.
        out += "| `" + note.asset.toString() + "` | " + statusWords(note.status) + " | "
            + markdownCell(note.comment) + " | " + markdownCell(note.reviewer) + " | "
            + note.at.toIso() + " | " + asOfText(note, reviews) + " |\n";
    }
    return out;
}

} // namespace tributary
