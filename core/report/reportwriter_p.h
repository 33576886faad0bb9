// SPDX-License-Identifier: Apache-2.0
// Shared by the report writers: one writer per format, and the few strings they all print the
// same way so that a text, CSV and HTML report of one query read alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tributary/report/report.h"

namespace tributary::report_detail {

std::string writeText(const Report &report);
std::string writeJson(const Report &report);
std::string writeCsv(const Report &report);
std::string writeHtml(const Report &report);

// "source:raw@v1#email -[feature]-> feature:email_domain@v1"
std::string evidenceChain(const ReportEvidence &evidence);
// The hop refs alone, joined by `separator`.
std::string hopRefs(const ReportEvidence &evidence, std::string_view separator);
// "a, b, c"
std::string joined(const std::vector<std::string> &items, std::string_view separator);
// "import 4 (2024-03-01T12:00:00Z)", or "none (empty catalog)" when nothing was imported.
std::string resolvedImportText(const Report &report);
// "models/churn.yaml:12", or "" when the fact has no file.
std::string fileLineText(const Provenance &provenance);
// The owners section is printed for impact reports, and for any report that carries owners.
bool showsOwners(const Report &report);

} // namespace tributary::report_detail
