// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tributary/report/report.h"

namespace tributary {

enum class ReportFormat { Text, Json, Csv, Html };
std::optional<ReportFormat> parseReportFormat(std::string_view name); // text, json, csv, html

// The report in a format. HTML is one self-contained page: every catalog string escaped, no
// script, no remote resource. CSV neutralises cells a spreadsheet would run as formulas.
std::string writeReport(const Report &report, ReportFormat format);

// "<" -> "&lt;" and so on, for text and attribute values alike.
std::string escapeHtml(std::string_view text);
// One CSV cell: quoted where needed; a leading =, +, -, @, tab or CR gets a ' in front.
std::string csvCell(std::string_view text);

} // namespace tributary
