// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "tributary/base/result.h"
#include "tributary/docs/handbook.h"

namespace tributary::print {

struct PrintedHandbook {
    int pages = 0;
    std::vector<int> chapterPages; // the page each chapter starts on, 1-based, in book order
    int diagrams = 0;              // lineage drawings placed
};

// Lays `book` out on A4 pages (a title page with the stamp, contents with page numbers, a
// chapter per asset starting on its own page, lineage diagrams as vectors, a running header
// and "page N of M") and writes it as PDF to `path`, replacing the file only when complete.
// Needs a QGuiApplication (printapplication.h); may run on a worker thread. Errors: Io.
Result<PrintedHandbook> printHandbook(const Handbook &book, const std::string &path);

} // namespace tributary::print
