// SPDX-License-Identifier: Apache-2.0
// The HTML report: one page that can be mailed, archived and opened offline. It is inert by
// construction: no script, no URL of any kind (nothing to fetch, nothing to leak), a CSP that
// forbids everything but the inline style should a catalog string ever slip through unescaped,
// and every catalog string through escapeHtml.
#include "reportwriter_p.h"
#include "tributary/model/resource.h"
#include "tributary/report/reportwriter.h"

namespace tributary {

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace report_detail {
namespace {

// Light, printable, system fonts only (a web font would be a remote resource).
constexpr std::string_view kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #fff;
       margin: 2em auto; max-width: 96em; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0 0 .4em; }
h2 { font-size: 1.15em; margin: 1.6em 0 .5em; }
code, .mono { font-family: monospace, ui-monospace; font-size: .92em; }
dl.stamps { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em;
            margin: 0; padding: .8em 1em; background: #f6f8fa; border: 1px solid #d0d7de;
            border-radius: 6px; }
dl.stamps dt { font-weight: 600; color: #57606a; }
dl.stamps dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: .35em .6em; overflow-wrap: anywhere;
         border-bottom: 1px solid #d0d7de; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; }
ol.paths { margin: 0; padding-left: 1.2em; }
ol.hops { list-style: none; margin: 0; padding: 0; }
ol.hops li, td code { overflow-wrap: anywhere; }
.edge { color: #57606a; font-size: .85em; }
.note { color: #57606a; font-size: .85em; }
.tag { display: inline-block; background: #eef1f4; border-radius: 3px; padding: 0 .35em;
       margin: 0 .2em .2em 0; font-size: .88em; }
.none { color: #8c959f; }
footer { margin-top: 2em; color: #57606a; font-size: .85em; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  tr { break-inside: avoid; }
  dl.stamps, th { background: none; }
}
)";

std::string codeHtml(std::string_view text)
{
    return "<code>" + escapeHtml(text) + "</code>";
}

std::string orNone(const std::string &html, std::string_view none = "none")
{
    return html.empty() ? "<span class=\"none\">" + std::string(none) + "</span>" : html;
}

std::string stamp(std::string_view label, const std::string &valueHtml)
{
    return "<dt>" + std::string(label) + "</dt><dd>" + valueHtml + "</dd>\n";
}

std::string headerHtml(const Report &report)
{
    std::string out
        = "<header>\n<h1>" + escapeHtml(report.title) + "</h1>\n<dl class=\"stamps\">\n";
    out += stamp("Report", escapeHtml(reportKindName(report.kind)));
    out += stamp("Query", codeHtml(report.query));
    out += stamp("As of",
        escapeHtml(report.asOf) + ", resolved to " + escapeHtml(resolvedImportText(report)));
    out += stamp("Fingerprint", codeHtml(report.fingerprint));
    out += stamp("Generated", escapeHtml(report.generatedAt.toIso()));
    out += stamp("Tool version", escapeHtml(report.toolVersion));
    return out + "</dl>\n</header>\n";
}

std::string evidenceHtml(const std::vector<ReportEvidence> &evidence)
{
    if (evidence.empty())
        return orNone({});
    std::string out = "<ol class=\"paths\">";
    for (const ReportEvidence &path : evidence) {
        out += "<li><ol class=\"hops\">";
        for (std::size_t i = 0; i < path.hops.size(); ++i) {
            const ReportHop &hop = path.hops[i];
            out += "<li>";
            if (i > 0)
                out += "<span class=\"edge\">&#8627; " + escapeHtml(hop.edge) + "</span> ";
            out += codeHtml(hop.ref) + "</li>";
        }
        out += "</ol>";
        std::string note = escapeHtml(path.strength);
        if (!path.rule.empty())
            note += (note.empty() ? "" : "; ") + std::string("rule: ") + escapeHtml(path.rule);
        if (!note.empty())
            out += "<div class=\"note\">" + note + "</div>";
        out += "</li>";
    }
    return out + "</ol>";
}

std::string provenanceHtml(const Provenance &p)
{
    std::string out = "import " + std::to_string(p.import.value);
    if (!p.file.empty())
        out += "<br>" + codeHtml(fileLineText(p));
    if (!p.fileSha256.empty())
        out += "<br><span class=\"note\">sha256</span> <code class=\"mono\">"
            + escapeHtml(p.fileSha256) + "</code>";
    return out;
}

std::string factRow(const ReportFact &fact)
{
    std::string tags;
    for (const std::string &tag : fact.tags)
        tags += "<span class=\"tag\">" + escapeHtml(tag) + "</span>";
    std::string status = escapeHtml(statusName(fact.status));
    if (fact.stage)
        status += "<br>" + escapeHtml(stageName(*fact.stage));
    return "<tr><td>" + codeHtml(fact.ref.toString()) + "</td><td>"
        + escapeHtml(kindName(fact.ref.kind)) + "</td><td>" + orNone(escapeHtml(fact.owner))
        + "</td><td>" + status + "</td><td class=\"num\">" + std::to_string(fact.depth)
        + "</td><td>" + orNone(tags) + "</td><td>" + evidenceHtml(fact.evidence) + "</td><td>"
        + provenanceHtml(fact.provenance) + "</td></tr>\n";
}

std::string resultsHtml(const Report &report)
{
    std::string out
        = "<section>\n<h2>Results (" + std::to_string(report.results.size()) + ")</h2>\n";
    if (report.results.empty())
        return out + "<p class=\"none\">No results.</p>\n</section>\n";
    // Fixed widths: long refs wrap inside their column instead of squeezing the others.
    out += "<table>\n<colgroup><col style=\"width:17%\"><col style=\"width:7%\">"
           "<col style=\"width:13%\"><col style=\"width:7%\"><col style=\"width:4%\">"
           "<col style=\"width:7%\"><col style=\"width:30%\"><col style=\"width:15%\"></colgroup>\n"
           "<thead><tr><th>Resource</th><th>Kind</th><th>Owner</th><th>Status</th>"
           "<th>Depth</th><th>Tags</th><th>Evidence</th><th>Provenance</th></tr></thead>\n"
           "<tbody>\n";
    for (const ReportFact &fact : report.results)
        out += factRow(fact);
    return out + "</tbody>\n</table>\n</section>\n";
}

std::string ownersHtml(const Report &report)
{
    std::string out
        = "<section>\n<h2>Owners to notify (" + std::to_string(report.owners.size()) + ")</h2>\n";
    if (report.owners.empty())
        return out + "<p class=\"none\">None.</p>\n</section>\n";
    out += "<ul>\n";
    for (const auto &[owner, resources] : report.owners) {
        out += "<li><strong>" + orNone(escapeHtml(owner), "no owner") + "</strong><ul>";
        for (const std::string &resource : resources)
            out += "<li>" + codeHtml(resource) + "</li>";
        out += "</ul></li>\n";
    }
    return out + "</ul>\n</section>\n";
}

} // namespace

std::string writeHtml(const Report &report)
{
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" "
           "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + escapeHtml(report.title) + "</title>\n";
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out += headerHtml(report);
    out += "<main>\n" + resultsHtml(report);
    if (showsOwners(report))
        out += ownersHtml(report);
    out += "</main>\n<footer>Generated by Tributary " + escapeHtml(report.toolVersion) + " at "
        + escapeHtml(report.generatedAt.toIso()) + ".</footer>\n</body>\n</html>\n";
    return out;
}

} // namespace report_detail
} // namespace tributary
