// SPDX-License-Identifier: Apache-2.0
// `tributary import-dbt`: a dbt manifest (and catalog.json) recorded as one import of origin dbt.
#include "command.h"

#include "tributary/import/dbt.h"

namespace tributary::cli {
namespace {

std::string countsText(const std::map<std::string, std::size_t> &counts)
{
    std::string text;
    for (const auto &[type, n] : counts) {
        // Node types are singular ("model"), skipped sections plural ("macros").
        std::string noun = type;
        if (n == 1 && noun.ends_with('s'))
            noun.pop_back();
        else if (n != 1 && !noun.ends_with('s'))
            noun += 's';
        text += (text.empty() ? "" : ", ") + std::to_string(n) + ' ' + noun;
    }
    return text.empty() ? "nothing" : text;
}

int runImportDbt(const Arguments &args, Io &io)
{
    const std::string manifest = args.positional().at(0);
    ImportOptions options;
    options.origin = "dbt";
    options.sourcePath = manifest;
    const auto at = atOption(args);
    if (!at)
        return usageError(io, "import-dbt", "--at: " + at.error().message, at.error().hint);
    options.at = *at;
    // Read everything before opening the store: bad input never creates or touches one.
    auto imported = importDbt(manifest, args.value("--dbt-catalog").value_or(std::string()));
    if (!imported) {
        reportError(imported.error(), io);
        io.err << "nothing was imported\n";
        return ExitInputError;
    }
    io.err << manifest << ": dbt manifest "
           << (imported->schemaVersion.empty() ? "(unknown schema)" : imported->schemaVersion) << ", "
           << countsText(imported->imported) << ", " << countOf(imported->edges, "edge", "edges")
           << "; skipped " << countsText(imported->skipped) << '\n';
    for (const std::string &warning : imported->warnings)
        io.err << manifest << ": warning: " << warning << '\n';
    return importInto(imported->catalog, options, args, io);
}

} // namespace

std::vector<Command> dbtCommands()
{
    return {
        {"import-dbt", "import-dbt MANIFEST [--dbt-catalog catalog.json] --catalog C [--at ISO8601] [--json]",
         "record a dbt project's models, seeds, snapshots and sources (manifest.json) as one import",
         {{"--catalog", "--at", "--dbt-catalog"}, {"--json"}, 1, 1}, runImportDbt},
    };
}

} // namespace tributary::cli
