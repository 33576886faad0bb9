// SPDX-License-Identifier: Apache-2.0
// `tributary export-docs`: the static docs site (docs/docsite.md).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <unistd.h>

#include "lineagesupport.h"
#include "tributary/docs/docsite.h"

namespace tributary::cli {
namespace {

std::string sizeText(std::uint64_t bytes)
{
    char buffer[32];
    if (bytes >= 1024 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f MB", double(bytes) / (1024 * 1024));
    else
        std::snprintf(buffer, sizeof buffer, "%.1f KB", double(bytes) / 1024);
    return buffer;
}

// Progress on stderr: a line redrawn in place on a terminal; elsewhere (a log) a line at each
// tenth, and only for exports big enough to take a while.
std::function<bool(std::size_t, std::size_t)> progressPrinter(Io &io)
{
    const bool terminal = &io.err == &std::cerr && ::isatty(STDERR_FILENO);
    return [&io, terminal, shown = std::size_t(0)](std::size_t done, std::size_t total) mutable {
        if (total < 1000)
            return true;
        if (terminal) {
            io.err << "\rwriting pages: " << done << " of " << total << std::flush;
            if (done == total)
                io.err << '\n';
        } else if (const std::size_t tenth = done * 10 / total; tenth > shown) {
            shown = tenth;
            io.err << "writing pages: " << done << " of " << total << '\n';
        }
        return true;
    };
}

int runExportDocs(const Arguments &args, Io &io)
{
    const auto output = args.value("--output");
    if (!output || output->empty())
        return usageError(io, "export-docs", "--output is required",
            "e.g. --output site/ (a new or empty folder, or an earlier site)");
    auto asOf = asOfOption(args);
    if (!asOf)
        return usageError(io, "export-docs", "--as-of: " + asOf.error().message, asOf.error().hint);
    DocsSiteOptions options;
    options.output = *output;
    options.asOf = *asOf;
    if (const auto threads = args.value("--threads")) {
        const auto count = positiveCount(*threads);
        if (!count || *count > 256)
            return usageError(io, "export-docs",
                "--threads takes a number from 1 to 256, not '" + *threads + "'");
        options.threads = unsigned(*count);
    }
    int exitCode = ExitOk;
    const auto policy = policyOption(args, io, exitCode);
    if (!policy)
        return exitCode;
    options.policy = *policy;
    if (const auto path = args.value("--policy"))
        options.policyName = std::filesystem::path(*path).filename().string();
    if (const auto name = args.value("--name"))
        options.catalogName = *name;
    options.progress = progressPrinter(io);
    const std::string locator = catalogLocator(args);
    auto summary = exportDocsSite(locator, options);
    if (!summary)
        return reportError(summary.error(), io);
    io.err << "wrote " << *output << ": " << summary->pages << " pages, "
           << sizeText(summary->bytes) << " (search index " << sizeText(summary->indexBytes)
           << "), as of import " << summary->import.value << ", fingerprint "
           << summary->fingerprint.substr(0, 12) << '\n';
    return ExitOk;
}

} // namespace

std::vector<Command> docsCommands()
{
    return {
        {"export-docs",
            "export-docs --catalog FILE --output DIR [--as-of T] [--policy F] [--name TEXT] "
            "[--threads N]",
            "write a static docs site (one page per asset, search) that opens from disk",
            {{"--catalog", "--output", "--as-of", "--policy", "--name", "--threads"}, {}, 0, 0},
            runExportDocs},
    };
}

} // namespace tributary::cli
