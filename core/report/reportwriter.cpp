// SPDX-License-Identifier: Apache-2.0
// The entry points of the report writers, and the strings every format prints alike. Each
// format lives in its own file: textreport.cpp, jsonreport.cpp, csvreport.cpp, htmlreport.cpp.
#include "tributary/report/reportwriter.h"

#include "reportwriter_p.h"

namespace tributary {

namespace report_detail {

std::string evidenceChain(const ReportEvidence &evidence)
{
    std::string text;
    for (std::size_t i = 0; i < evidence.hops.size(); ++i) {
        const ReportHop &hop = evidence.hops[i];
        if (i > 0) {
            // An edge the writer of the report left empty still shows that there is a hop.
            text += hop.edge.empty() ? std::string(" --> ") : " -[" + hop.edge + "]-> ";
        }
        text += hop.ref;
    }
    return text;
}

std::string hopRefs(const ReportEvidence &evidence, std::string_view separator)
{
    std::string text;
    for (std::size_t i = 0; i < evidence.hops.size(); ++i) {
        if (i > 0)
            text += separator;
        text += evidence.hops[i].ref;
    }
    return text;
}

std::string joined(const std::vector<std::string> &items, std::string_view separator)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            text += separator;
        text += items[i];
    }
    return text;
}

std::string resolvedImportText(const Report &report)
{
    if (!report.import)
        return "none (empty catalog)";
    return "import " + std::to_string(report.import->value) + " (" + report.importedAt.toIso()
        + ")";
}

std::string fileLineText(const Provenance &provenance)
{
    if (provenance.file.empty())
        return {};
    return provenance.file + ":" + std::to_string(provenance.line);
}

bool showsOwners(const Report &report)
{
    return report.kind == ReportKind::Impact || !report.owners.empty();
}

} // namespace report_detail

std::optional<ReportFormat> parseReportFormat(std::string_view name)
{
    // Exact and lower case: the name is part of command lines and scripts, which should not
    // come to depend on a spelling we never documented.
    if (name == "text")
        return ReportFormat::Text;
    if (name == "json")
        return ReportFormat::Json;
    if (name == "csv")
        return ReportFormat::Csv;
    if (name == "html")
        return ReportFormat::Html;
    return std::nullopt;
}

std::string writeReport(const Report &report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Text: return report_detail::writeText(report);
    case ReportFormat::Json: return report_detail::writeJson(report);
    case ReportFormat::Csv: return report_detail::writeCsv(report);
    case ReportFormat::Html: return report_detail::writeHtml(report);
    }
    return report_detail::writeText(report);
}

} // namespace tributary
