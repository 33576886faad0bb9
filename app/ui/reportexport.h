// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include "tributary/report/report.h"

namespace tributary::ui {

enum class ExportFormat { Csv, Html, Pdf };

// Writes the report to `path` all at once (a temporary file, then a rename): CSV and HTML from
// the core writers, PDF by laying out the HTML report with QTextDocument on a QPdfWriter.
// Returns an empty string on success, else what went wrong.
QString exportReport(const Report &report, ExportFormat format, const QString &path);

} // namespace tributary::ui
