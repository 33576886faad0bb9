// SPDX-License-Identifier: Apache-2.0
// `tributary import-openlineage`: OpenLineage events recorded as one import of origin openlineage.
#include "command.h"
#include "tributary/import/openlineage.h"

namespace tributary::cli {
namespace {

int runImportOpenLineage(const Arguments &args, Io &io)
{
    const std::vector<std::string> &paths = args.positional();
    ImportOptions options;
    options.origin = "openlineage";
    for (const std::string &path : paths)
        options.sourcePath += (options.sourcePath.empty() ? "" : " ") + path;
    const auto at = atOption(args);
    if (!at)
        return usageError(io, "import-openlineage", "--at: " + at.error().message, at.error().hint);
    options.at = *at;
    // Read everything before opening the store: bad input never creates or touches one.
    auto imported = readOpenLineage(paths);
    if (!imported) {
        reportError(imported.error(), io);
        io.err << "nothing was imported\n";
        return ExitInputError;
    }
    std::size_t jobs = 0;
    for (const Resource &r : imported->catalog.resources) {
        const auto *spec = r.as<SourceSpec>();
        jobs += spec && spec->type == SourceType::Transformation ? 1 : 0;
    }
    io.err << options.sourcePath << ": "
           << countOf(imported->events, "OpenLineage event", "OpenLineage events") << " in "
           << countOf(imported->catalog.files.size(), "file", "files") << ": "
           << countOf(imported->catalog.resources.size() - jobs, "dataset", "datasets") << ", "
           << countOf(jobs, "job", "jobs") << '\n';
    for (const std::string &warning : imported->warnings)
        io.err << "warning: " << warning << '\n';
    return importInto(imported->catalog, options, args, io);
}

} // namespace

std::vector<Command> importCommands()
{
    return {
        {"import-openlineage", "import-openlineage FILE|DIR... --catalog C [--at ISO8601] [--json]",
            "record OpenLineage events (JSON, JSON arrays, NDJSON) as datasets and jobs in one "
            "import",
            {{"--catalog", "--at"}, {"--json"}, 1, 100000}, runImportOpenLineage},
    };
}

} // namespace tributary::cli
