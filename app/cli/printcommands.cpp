// SPDX-License-Identifier: Apache-2.0
// export-pdf: a printable handbook of chosen assets (the one command that needs Qt Gui).
#include <ostream>
#include <unistd.h>

#include <QGuiApplication>

#include "handbookwriter.h"
#include "lineagesupport.h"
#include "printapplication.h"

namespace tributary::cli {
namespace {

int runExportPdf(const Arguments &args, Io &io)
{
    const auto output = args.value("--output");
    if (!output || output->empty())
        return usageError(io, "export-pdf", "--output is required", "e.g. --output handbook.pdf");
    int exitCode = ExitOk;
    const auto policy = policyOption(args, io, exitCode);
    if (!policy)
        return exitCode;
    auto opened = openGraph(args, "export-pdf", io, exitCode);
    if (!opened)
        return exitCode;

    HandbookScope scope;
    for (const std::string &text : args.positional()) {
        auto ref = resolveArgument(*opened->store, text, opened->asOf);
        if (!ref)
            return reportResolveError(ref.error(), "export-pdf", io);
        scope.assets.push_back(*ref);
    }
    scope.tag = args.value("--tag").value_or("");
    scope.owner = args.value("--owner").value_or("");
    auto assets = handbookAssets(*opened->store, scope, opened->asOf);
    if (!assets)
        return reportError(assets.error(), io);
    if (assets->empty())
        return reportError({ErrorCode::NotFound, "no assets match " + scope.describe(), opened->store->locator(),
                               "try another --tag or --owner, or name assets", {}},
            io);

    HandbookOptions options;
    options.title = args.value("--title").value_or("Catalog handbook");
    options.catalog = locatorWithoutPassword(opened->store->locator());
    options.scope = scope.describe();
    options.asOf = opened->asOf;
    options.policy = *policy;
    options.policyName = args.value("--policy").value_or("");
    options.toolVersion = toolVersion();
    const bool terminal = isatty(STDERR_FILENO);
    options.progress = [&](std::size_t done, std::size_t total) {
        if (terminal)
            io.err << "\rwriting chapter " << done << "/" << total << std::flush;
        return true;
    };
    const auto graph = std::make_shared<const LineageGraph>(std::move(opened->graph));
    auto book = buildHandbook(*opened->store, graph, *assets, options);
    if (terminal)
        io.err << "\r\033[K" << std::flush;
    if (!book)
        return reportError(book.error(), io);

    const auto application = print::ensureGuiApplication();
    auto printed = print::printHandbook(*book, *output);
    if (!printed)
        return reportError(printed.error(), io);
    io.out << "wrote " << *output << ": " << countOf(book->chapters.size(), "asset", "assets") << ", "
           << countOf(std::size_t(printed->pages), "page", "pages") << '\n';
    return ExitOk;
}

} // namespace

std::vector<Command> printCommands()
{
    return {
        {"export-pdf",
         "export-pdf [REF...] [--tag T] [--owner O] --catalog FILE --output F.pdf [--title T] [--as-of T] [--policy F]",
         "a printable handbook of the named assets (or a tag's, or an owner's): docs, columns, lineage and the "
         "compliance facts",
         {{"--catalog", "--as-of", "--output", "--tag", "--owner", "--title", "--policy"}, {}, 0, 1000},
         runExportPdf},
    };
}

} // namespace tributary::cli
