// SPDX-License-Identifier: Apache-2.0
// The report writers, on reports built by hand: the JSON contract, RFC 4180 CSV with formula
// injection neutralised, an HTML page that stays inert whatever the catalog holds, and text.
#include "tributary/report/reportwriter.h"

#include <algorithm>
#include <cctype>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tributary {
namespace {

using nlohmann::json;

constexpr const char *kScript = "<script>alert(1)</script>";
constexpr const char *kFormula = "=cmd|' /C calc'!A0";
constexpr const char *kFingerprint = "9f2c1e7a44d0b3c8";

Provenance provenance(std::int64_t import, std::string file, int line)
{
    return {ImportId{import}, Timestamp{1709294400}, std::move(file), line,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"};
}

ReportHop hop(std::string ref, std::string edge = {})
{
    return {std::move(ref), std::move(edge)};
}

// Three facts: one with two evidence paths, one with one, one with none; catalog strings that
// are hostile to HTML, CSV and terminals alike.
Report sampleTrace()
{
    Report report;
    report.kind = ReportKind::Trace;
    report.title = std::string("Trace of source:raw@v1#email ") + kScript;
    report.query = "tributary trace 'source:raw@v1#email' --as-of \"4\"";
    report.asOf = "import 4";
    report.import = ImportId{4};
    report.importedAt = Timestamp{1709294400}; // 2024-03-01T12:00:00Z
    report.fingerprint = kFingerprint;
    report.generatedAt = Timestamp{1709380800}; // 2024-03-02T12:00:00Z
    report.toolVersion = "0.1.0";

    ReportFact domain;
    domain.ref = {ResourceKind::Feature, "email_domain", "v1"};
    domain.owner = "Zoë — 数据 " + std::string(kScript);
    domain.tags = {"pii:direct", "gdpr"};
    domain.depth = 1;
    domain.evidence.push_back(
        {{hop("source:raw@v1#email"), hop("feature:email_domain@v1", "feature")}, "column",
            "pii: not stopped by \"transformed\" & 'identity'"});
    domain.evidence.push_back(
        {{hop("source:raw@v1#email"), hop("source:clean@v2#email", "identity"),
             hop("feature:email_domain@v1", "feature")},
            "direct", ""});
    domain.provenance = provenance(3, "features/email.yaml", 12);

    ReportFact churn;
    churn.ref = {ResourceKind::Model, "churn", "3"};
    churn.owner = kFormula;
    churn.stage = ModelStage::Production;
    churn.depth = 3;
    churn.evidence.push_back(
        {{hop("source:raw@v1#email"), hop("model:churn@3", "input")}, "resource", "+1"});
    churn.provenance = provenance(4, "models/churn, \"final\".yaml", 7);

    ReportFact label;
    label.ref = {ResourceKind::Label, "churned", "v1"};
    label.owner = "@SUM(1)";
    label.tags = {"-2"};
    label.status = ResourceStatus::Deprecated;
    label.depth = -2;
    label.provenance = provenance(2, "labels.yaml", 40);

    report.results = {domain, churn, label};
    return report;
}

Report sampleImpact()
{
    Report report = sampleTrace();
    report.kind = ReportKind::Impact;
    report.title = "Impact of source:raw@v1";
    report.owners = {{"\"quotes\" & 'single' &amp;", {"feature:email_domain@v1"}},
        {"Zoë — 数据", {"model:churn@3", "label:churned@v1"}}};
    return report;
}

// A small RFC 4180 reader, strict about line ends: a record ends at CRLF outside quotes only.
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    bool hadQuotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += text[++i];
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            EXPECT_TRUE(cell.empty() && !hadQuotes) << "quote inside an unquoted cell at " << i;
            quoted = hadQuotes = true;
        } else if (c == ',') {
            rows.back().push_back(std::exchange(cell, {}));
            hadQuotes = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::exchange(cell, {}));
            hadQuotes = false;
            rows.emplace_back();
            ++i;
        } else {
            EXPECT_NE(c, '\n') << "bare LF outside quotes at " << i;
            EXPECT_NE(c, '\r') << "bare CR outside quotes at " << i;
            cell += c;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quoted cell";
    EXPECT_TRUE(rows.back().empty() && cell.empty()) << "last record lacks its CRLF";
    rows.pop_back();
    return rows;
}

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

TEST(ReportFormat, ParsesExactLowerCaseNames)
{
    EXPECT_EQ(parseReportFormat("text"), ReportFormat::Text);
    EXPECT_EQ(parseReportFormat("json"), ReportFormat::Json);
    EXPECT_EQ(parseReportFormat("csv"), ReportFormat::Csv);
    EXPECT_EQ(parseReportFormat("html"), ReportFormat::Html);
    for (const char *bad : {"", "JSON", "Html", " csv", "txt", "htm", "text "})
        EXPECT_FALSE(parseReportFormat(bad)) << bad;
    EXPECT_EQ(reportKindName(ReportKind::Trace), "trace");
    EXPECT_EQ(reportKindName(ReportKind::Inputs), "inputs");
    EXPECT_EQ(reportKindName(ReportKind::Impact), "impact");
    EXPECT_EQ(reportKindName(ReportKind::Exposure), "exposure");
}

TEST(ReportEscaping, EscapesHtmlSpecials)
{
    EXPECT_EQ(escapeHtml(kScript), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(escapeHtml("\"a\" & 'b'"), "&quot;a&quot; &amp; &#39;b&#39;");
    EXPECT_EQ(escapeHtml("&amp;"), "&amp;amp;");
    EXPECT_EQ(escapeHtml("Zoë — 数据"), "Zoë — 数据");
    EXPECT_EQ(escapeHtml(""), "");
}

TEST(ReportEscaping, QuotesCsvCellsAndNeutralisesFormulas)
{
    EXPECT_EQ(csvCell("plain"), "plain");
    EXPECT_EQ(csvCell(""), "");
    EXPECT_EQ(csvCell("a,b"), "\"a,b\"");
    EXPECT_EQ(csvCell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvCell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvCell("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(csvCell(kFormula), "'=cmd|' /C calc'!A0");
    EXPECT_EQ(csvCell("+1"), "'+1");
    EXPECT_EQ(csvCell("-2"), "'-2");
    EXPECT_EQ(csvCell("@SUM(1)"), "'@SUM(1)");
    EXPECT_EQ(csvCell("\tx"), "'\tx");
    EXPECT_EQ(csvCell("\rx"), "\"'\rx\"");
    EXPECT_EQ(csvCell("=1,\"2\""), "\"'=1,\"\"2\"\"\"");
    EXPECT_EQ(csvCell("a=b"), "a=b"); // only a leading sign starts a formula
}

TEST(ReportJson, CarriesStampsFactsEvidenceAndProvenance)
{
    const json doc = json::parse(writeReport(sampleTrace(), ReportFormat::Json));
    EXPECT_EQ(doc["kind"], "trace");
    EXPECT_EQ(doc["title"], std::string("Trace of source:raw@v1#email ") + kScript);
    EXPECT_EQ(doc["query"], "tributary trace 'source:raw@v1#email' --as-of \"4\"");
    EXPECT_EQ(doc["as_of"], "import 4");
    EXPECT_EQ(doc["import"], 4);
    EXPECT_EQ(doc["imported_at"], "2024-03-01T12:00:00Z");
    EXPECT_EQ(doc["fingerprint"], kFingerprint);
    EXPECT_EQ(doc["generated_at"], "2024-03-02T12:00:00Z");
    EXPECT_EQ(doc["tool_version"], "0.1.0");
    EXPECT_FALSE(doc.contains("owners")); // a trace names no one to notify
    ASSERT_EQ(doc["results"].size(), 3u);

    const json &domain = doc["results"][0];
    EXPECT_EQ(domain["ref"], "feature:email_domain@v1");
    EXPECT_EQ(domain["kind"], "feature");
    EXPECT_EQ(domain["name"], "email_domain");
    EXPECT_EQ(domain["version"], "v1");
    EXPECT_EQ(domain["owner"], "Zoë — 数据 " + std::string(kScript));
    EXPECT_EQ(domain["status"], "active");
    EXPECT_FALSE(domain.contains("stage"));
    EXPECT_EQ(domain["tags"], json({"pii:direct", "gdpr"}));
    EXPECT_EQ(domain["depth"], 1);
    // The public contract: an array of paths, each an array of hop ref strings.
    EXPECT_EQ(
        domain["evidence"], json::parse(R"([["source:raw@v1#email", "feature:email_domain@v1"],
                              ["source:raw@v1#email", "source:clean@v2#email",
                               "feature:email_domain@v1"]])"));
    const json &detail = domain["evidence_detail"];
    ASSERT_EQ(detail.size(), 2u);
    EXPECT_EQ(detail[0]["strength"], "column");
    EXPECT_EQ(detail[0]["rule"], "pii: not stopped by \"transformed\" & 'identity'");
    const json clean = {{"ref", "source:clean@v2#email"}, {"edge", "identity"}};
    EXPECT_EQ(detail[1]["hops"][1], clean);
    EXPECT_TRUE(detail[1]["hops"][0]["edge"].is_null()); // the first hop has no edge
    EXPECT_TRUE(detail[1]["rule"].is_null());
    EXPECT_EQ(domain["provenance"]["import"], 3);
    EXPECT_EQ(domain["provenance"]["file"], "features/email.yaml");
    EXPECT_EQ(domain["provenance"]["line"], 12);
    EXPECT_EQ(domain["provenance"]["sha256"].get<std::string>().size(), 64u);

    EXPECT_EQ(doc["results"][1]["stage"], "production");
    const json &label = doc["results"][2];
    EXPECT_EQ(label["status"], "deprecated");
    EXPECT_EQ(label["depth"], -2);
    EXPECT_EQ(label["evidence"], json::array());
    EXPECT_EQ(label["evidence_detail"], json::array());
}

TEST(ReportJson, ListsOwnersForImpactAndSurvivesBadUtf8)
{
    Report report = sampleImpact();
    report.results[0].ref.name = "bad\xff"
                                 "byte";
    const json doc = json::parse(writeReport(report, ReportFormat::Json));
    EXPECT_EQ(doc["kind"], "impact");
    ASSERT_EQ(doc["owners"].size(), 2u);
    EXPECT_EQ(doc["owners"][1]["owner"], "Zoë — 数据");
    EXPECT_EQ(doc["owners"][1]["resources"], json({"model:churn@3", "label:churned@v1"}));
    EXPECT_EQ(doc["results"][0]["name"],
        "bad\xef\xbf\xbd"
        "byte"); // U+FFFD

    Report empty = report;
    empty.results.clear();
    empty.owners.clear();
    empty.import.reset();
    const json none = json::parse(writeReport(empty, ReportFormat::Json));
    EXPECT_EQ(none["results"], json::array());
    EXPECT_EQ(none["owners"], json::array());
    EXPECT_TRUE(none["import"].is_null());
    EXPECT_TRUE(none["imported_at"].is_null());
}

TEST(ReportCsv, OneRowPerFactAndPathWithStampsOnEveryRow)
{
    const std::string text = writeReport(sampleTrace(), ReportFormat::Csv);
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.rfind("ref,kind,owner,", 0), 0u) << "the header comes first, no preamble";
    const auto rows = parseCsv(text);
    // The header; two paths of email_domain; one of churn; churned, without evidence.
    ASSERT_EQ(rows.size(), 5u);
    const std::vector<std::string> header = {"ref", "kind", "owner", "status", "stage", "depth",
        "tags", "strength", "rule", "evidence", "import", "file", "line", "sha256", "query",
        "as_of", "as_of_import", "imported_at", "fingerprint", "generated_at", "tool_version"};
    EXPECT_EQ(rows[0], header);
    for (const auto &row : rows)
        ASSERT_EQ(row.size(), header.size());
    const auto column = [&](std::string_view name) {
        return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
    };

    EXPECT_EQ(rows[1][column("ref")], "feature:email_domain@v1");
    EXPECT_EQ(rows[2][column("ref")], "feature:email_domain@v1");
    EXPECT_EQ(rows[1][column("evidence")], "source:raw@v1#email > feature:email_domain@v1");
    EXPECT_EQ(rows[2][column("evidence")],
        "source:raw@v1#email > source:clean@v2#email > feature:email_domain@v1");
    EXPECT_EQ(rows[1][column("rule")], "pii: not stopped by \"transformed\" & 'identity'");
    EXPECT_EQ(rows[1][column("tags")], "pii:direct; gdpr");
    EXPECT_EQ(rows[1][column("owner")], "Zoë — 数据 " + std::string(kScript));
    EXPECT_EQ(rows[3][column("stage")], "production");
    EXPECT_EQ(rows[3][column("file")], "models/churn, \"final\".yaml");
    EXPECT_EQ(rows[3][column("line")], "7");
    EXPECT_EQ(rows[4][column("ref")], "label:churned@v1");
    for (const char *empty : {"strength", "rule", "evidence"})
        EXPECT_EQ(rows[4][column(empty)], "") << empty;
    EXPECT_EQ(rows[4][column("depth")], "-2"); // a number we print is left a number

    // Formula injection: every hostile leading character gets an apostrophe.
    EXPECT_EQ(rows[3][column("owner")], "'=cmd|' /C calc'!A0");
    EXPECT_EQ(rows[3][column("rule")], "'+1");
    EXPECT_EQ(rows[4][column("tags")], "'-2");
    EXPECT_EQ(rows[4][column("owner")], "'@SUM(1)");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (c == column("depth") || rows[r][c].empty())
                continue;
            EXPECT_EQ(std::string("=+-@\t\r").find(rows[r][c].front()), std::string::npos)
                << header[c] << " of row " << r << ": " << rows[r][c];
        }
        EXPECT_EQ(rows[r][column("query")], "tributary trace 'source:raw@v1#email' --as-of \"4\"");
        EXPECT_EQ(rows[r][column("as_of")], "import 4");
        EXPECT_EQ(rows[r][column("as_of_import")], "4");
        EXPECT_EQ(rows[r][column("imported_at")], "2024-03-01T12:00:00Z");
        EXPECT_EQ(rows[r][column("fingerprint")], kFingerprint);
        EXPECT_EQ(rows[r][column("generated_at")], "2024-03-02T12:00:00Z");
        EXPECT_EQ(rows[r][column("tool_version")], "0.1.0");
    }
    // The raw quoting on the wire, not only what a reader makes of it.
    EXPECT_NE(text.find(",\"models/churn, \"\"final\"\".yaml\",7,"), std::string::npos);
}

TEST(ReportCsv, EmptyReportIsTheHeaderAlone)
{
    Report report = sampleTrace();
    report.results.clear();
    const auto rows = parseCsv(writeReport(report, ReportFormat::Csv));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].front(), "ref");
}

TEST(ReportHtml, EscapesEveryCatalogStringAndStaysInert)
{
    Report report = sampleImpact();
    report.results[1].evidence[0].hops[1].ref = std::string("model:churn@3") + kScript;
    report.fingerprint = "fp'\"<b>";
    const std::string page = writeReport(report, ReportFormat::Html);

    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0u);
    EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" "
                        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"),
        std::string::npos);
    EXPECT_NE(page.find("<meta name=\"referrer\" content=\"no-referrer\">"), std::string::npos);
    EXPECT_NE(page.find("<style>"), std::string::npos);

    const std::string lower = lowered(page);
    EXPECT_EQ(lower.find("<script"), std::string::npos);
    EXPECT_EQ(lower.find("http://"), std::string::npos);
    EXPECT_EQ(lower.find("https://"), std::string::npos);
    EXPECT_EQ(lower.find("src="), std::string::npos);
    EXPECT_EQ(lower.find("href"), std::string::npos);
    EXPECT_EQ(lower.find("url("), std::string::npos);
    EXPECT_EQ(lower.find("@import"), std::string::npos);

    // Hostile text appears escaped, never raw.
    EXPECT_EQ(page.find(kScript), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(page.find("\"quotes\""), std::string::npos);
    EXPECT_NE(page.find("&quot;quotes&quot; &amp; &#39;single&#39; &amp;amp;"), std::string::npos);
    EXPECT_NE(page.find("fp&#39;&quot;&lt;b&gt;"), std::string::npos);
    EXPECT_EQ(page.find("<b>"), std::string::npos);
    EXPECT_NE(page.find("not stopped by &quot;transformed&quot; &amp; &#39;identity&#39;"),
        std::string::npos);
    EXPECT_NE(page.find("Zoë — 数据"), std::string::npos); // UTF-8 passes through as is

    // Stamps, facts, evidence and the owners section.
    EXPECT_NE(page.find("tributary trace &#39;source:raw@v1#email&#39; --as-of &quot;4&quot;"),
        std::string::npos);
    EXPECT_NE(page.find("import 4 (2024-03-01T12:00:00Z)"), std::string::npos);
    EXPECT_NE(page.find("2024-03-02T12:00:00Z"), std::string::npos);
    for (const char *ref :
        {"feature:email_domain@v1", "model:churn@3", "label:churned@v1", "source:clean@v2#email"})
        EXPECT_NE(page.find(std::string("<code>") + ref), std::string::npos) << ref;
    EXPECT_NE(page.find("features/email.yaml:12"), std::string::npos);
    EXPECT_NE(page.find("Owners to notify (2)"), std::string::npos);
    EXPECT_NE(page.find("<ol class=\"paths\">"), std::string::npos);
}

TEST(ReportHtml, TraceHasNoOwnersSection)
{
    const std::string page = writeReport(sampleTrace(), ReportFormat::Html);
    EXPECT_EQ(page.find("Owners to notify"), std::string::npos);
    EXPECT_EQ(page.find(kScript), std::string::npos);
}

TEST(ReportText, ShowsStampsEveryRefEvidenceAndProvenance)
{
    const std::string text = writeReport(sampleImpact(), ReportFormat::Text);
    for (const char *ref : {"feature:email_domain@v1", "model:churn@3", "label:churned@v1"})
        EXPECT_NE(text.find(ref), std::string::npos) << ref;
    EXPECT_NE(text.find(kFingerprint), std::string::npos);
    EXPECT_NE(text.find("import 4 (2024-03-01T12:00:00Z)"), std::string::npos);
    EXPECT_NE(text.find("2024-03-02T12:00:00Z"), std::string::npos);
    EXPECT_NE(text.find("tributary 0.1.0"), std::string::npos);
    EXPECT_NE(text.find("    via source:raw@v1#email -[identity]-> source:clean@v2#email "
                        "-[feature]-> feature:email_domain@v1  [direct]\n"),
        std::string::npos);
    const std::string provenance = "    from import 3, features/email.yaml:12, sha256 e3b0c442";
    EXPECT_NE(text.find(provenance), std::string::npos);
    EXPECT_NE(text.find("Owners to notify (2)"), std::string::npos);
    EXPECT_NE(text.find("3 results"), std::string::npos);
}

TEST(ReportText, AlignsColumnsAndDefusesTerminalControls)
{
    Report report = sampleTrace();
    report.results[2].owner = "evil\x1b]0;pwned\x07 \xc2\x9b"
                              "31m";
    const std::string text = writeReport(report, ReportFormat::Text);
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
    EXPECT_NE(text.find("evil\\x1b]0;pwned\\x07 \\x9b31m"), std::string::npos);

    // The KIND column starts at the same place on the header and every fact row (refs are
    // ASCII here, so bytes are columns).
    const std::size_t header = text.find("REF ");
    ASSERT_NE(header, std::string::npos);
    const std::size_t kindColumn = text.find("KIND", header) - header;
    for (const char *row : {"feature:email_domain@v1 ", "model:churn@3 ", "label:churned@v1 "}) {
        const std::size_t start = text.find(std::string("\n") + row) + 1;
        const std::string kind = row[0] == 'f' ? "feature" : row[0] == 'm' ? "model" : "label";
        EXPECT_EQ(text.substr(start + kindColumn, kind.size()), kind) << row;
    }
    // No trailing blanks from padding.
    EXPECT_EQ(text.find(" \n"), std::string::npos);
}

TEST(ReportText, SaysSoWhenThereAreNoResults)
{
    Report report = sampleTrace();
    report.results.clear();
    report.import.reset();
    const std::string text = writeReport(report, ReportFormat::Text);
    EXPECT_NE(text.find("No results."), std::string::npos);
    EXPECT_NE(text.find("none (empty catalog)"), std::string::npos);
    EXPECT_EQ(text.find("REF "), std::string::npos);
}

} // namespace
} // namespace tributary
