// SPDX-License-Identifier: Apache-2.0
// Commands that read catalog folders and write stores: validate, import, imports, fingerprint.
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "command.h"
#include "texttable.h"
#include "tributary/format/catalogreader.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

json diagnosticsJson(const Diagnostics &diagnostics)
{
    json list = json::array();
    for (const Diagnostic &d : diagnostics) {
        list.push_back({{"severity", d.severity == Severity::Error ? "error" : "warning"},
                        {"file", d.location.file.str()},
                        {"line", d.location.line},
                        {"column", d.location.column},
                        {"message", d.message},
                        {"hint", d.hint}});
    }
    return list;
}

json kindCounts(const std::map<ResourceKind, std::size_t> &counts)
{
    json object = json::object();
    for (ResourceKind kind : kAllKinds) {
        const auto it = counts.find(kind);
        object[std::string(kindName(kind))] = it == counts.end() ? 0 : it->second;
    }
    return object;
}

std::map<ResourceKind, std::size_t> countKinds(const Catalog &catalog)
{
    std::map<ResourceKind, std::size_t> counts;
    for (const Resource &resource : catalog.resources)
        ++counts[resource.kind()];
    return counts;
}

std::string kindSummary(const std::map<ResourceKind, std::size_t> &counts)
{
    static constexpr std::pair<const char *, const char *> kNouns[] = {
        {"provider", "providers"}, {"entity", "entities"}, {"source", "sources"},
        {"feature", "features"},   {"label", "labels"},     {"training set", "training sets"},
        {"model", "models"},
    };
    std::string text;
    for (ResourceKind kind : kAllKinds) {
        const auto it = counts.find(kind);
        const auto &[singular, plural] = kNouns[static_cast<int>(kind)];
        text += (text.empty() ? "" : ", ") + countOf(it == counts.end() ? 0 : it->second, singular, plural);
    }
    return text;
}

// Reads a folder, showing progress on a terminal.
CatalogLoad loadWithProgress(const std::string &dir, Io &io, const std::vector<Resource> &known = {})
{
    const bool terminal = isatty(STDERR_FILENO) && &io.err == &std::cerr;
    CatalogLoad load = loadCatalog(dir, [&](std::size_t done, std::size_t total) {
        if (terminal && total > 20)
            io.err << "\rreading " << done << "/" << total << " files" << std::flush;
        return true;
    }, known);
    if (terminal && load.catalog.files.size() > 20)
        io.err << "\r\033[K" << std::flush;
    return load;
}

int runValidate(const Arguments &args, Io &io)
{
    const std::string dir = args.positional().at(0);
    const CatalogLoad load = loadWithProgress(dir, io);
    reportDiagnostics(load.diagnostics, io);
    const auto counts = countKinds(load.catalog);
    if (args.flag("--json")) {
        io.out << json{{"ok", load.ok()},
                       {"files", load.catalog.files.size()},
                       {"resources", kindCounts(counts)},
                       {"diagnostics", diagnosticsJson(load.diagnostics)}}
                      .dump(2)
               << '\n';
    } else if (load.ok()) {
        io.out << dir << ": valid, " << countOf(load.catalog.resources.size(), "resource", "resources")
               << " in " << countOf(load.catalog.files.size(), "file", "files") << " ("
               << kindSummary(counts) << ")\n";
    }
    return load.ok() ? ExitOk : ExitInputError;
}

int runImport(const Arguments &args, Io &io)
{
    const std::string dir = args.positional().at(0);
    ImportOptions options;
    const auto at = atOption(args);
    if (!at)
        return usageError(io, "import", "--at: " + at.error().message, at.error().hint);
    options.at = *at;
    // Validate before writing, so bad input never creates or touches a store. What an existing
    // store holds from importers (OpenLineage, dbt) may be referred to.
    std::vector<Resource> known;
    const std::string locator = catalogLocator(args);
    if (isServerLocator(locator) || std::filesystem::exists(locator)) {
        auto existing = openStore(args, OpenMode::ReadOnly);
        auto others = existing ? resourcesOfOtherOrigins(**existing, "yaml")
                               : Result<std::vector<Resource>>(tl::unexpected(existing.error()));
        if (others)
            known = std::move(*others);
        else
            io.err << "note: references to imported resources are not checked against "
                   << locatorWithoutPassword(locator) << ": " << others.error().message << '\n';
    }
    const CatalogLoad load = loadWithProgress(dir, io, known);
    reportDiagnostics(load.diagnostics, io);
    if (!load.ok()) {
        io.err << "nothing was imported\n";
        return ExitInputError;
    }
    options.sourcePath = dir;
    return importInto(load.catalog, options, args, io);
}

int runImports(const Arguments &args, Io &io)
{
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto records = (*store)->imports();
    if (!records)
        return reportError(records.error(), io);
    if (args.flag("--json")) {
        json list = json::array();
        for (const ImportRecord &r : *records) {
            json files = json::array();
            for (const CatalogFile &f : r.files)
                files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
            list.push_back({{"import", r.id.value}, {"at", r.at.toIso()}, {"author", r.author},
                            {"tool_version", r.toolVersion}, {"origin", r.origin},
                            {"source", r.sourcePath}, {"fingerprint", r.fingerprint},
                            {"added", r.counts.added}, {"revised", r.counts.revised},
                            {"removed", r.counts.removed}, {"unchanged", r.counts.unchanged},
                            {"files", files}});
        }
        io.out << list.dump(2) << '\n';
        return ExitOk;
    }
    TextTable table({"IMPORT", "AT", "AUTHOR", "ORIGIN", "ADDED", "REVISED", "REMOVED", "FILES",
                     "FINGERPRINT"});
    for (const ImportRecord &r : *records) {
        table.addRow({std::to_string(r.id.value), r.at.toIso(), r.author, r.origin,
                      std::to_string(r.counts.added), std::to_string(r.counts.revised),
                      std::to_string(r.counts.removed), std::to_string(r.files.size()),
                      r.fingerprint.substr(0, 12)});
    }
    table.print(io.out);
    return ExitOk;
}

int runFingerprint(const Arguments &args, Io &io)
{
    auto asOf = asOfOption(args);
    if (!asOf)
        return usageError(io, "fingerprint", "--as-of: " + asOf.error().message, asOf.error().hint);
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto fingerprint = (*store)->fingerprint(*asOf);
    if (!fingerprint)
        return reportError(fingerprint.error(), io);
    if (args.flag("--json"))
        io.out << json{{"fingerprint", *fingerprint}, {"as_of", asOf->toString()}}.dump(2) << '\n';
    else
        io.out << *fingerprint << '\n';
    return ExitOk;
}

// An offline copy of a (shared) catalog, with its whole history, as one SQLite file.
int runSnapshot(const Arguments &args, Io &io)
{
    const auto output = args.value("--output");
    if (!output)
        return usageError(io, "snapshot", "--output FILE.sqlite is required");
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    if (auto written = writeOfflineCopy(**store, *output); !written)
        return reportError(written.error(), io);
    auto copy = openCatalogStore(*output, OpenMode::ReadOnly);
    if (!copy)
        return reportError(copy.error(), io);
    const auto records = (*copy)->imports();
    if (!records)
        return reportError(records.error(), io);
    const std::string fingerprint = records->empty() ? std::string() : records->back().fingerprint;
    if (args.flag("--json")) {
        io.out << json{{"output", *output}, {"imports", records->size()}, {"fingerprint", fingerprint}}.dump(2)
               << '\n';
    } else {
        io.out << "wrote " << *output << ": " << records->size() << " import" << (records->size() == 1 ? "" : "s")
               << ", fingerprint " << fingerprint << '\n';
    }
    return ExitOk;
}

} // namespace

int importInto(const Catalog &catalog, ImportOptions options, const Arguments &args, Io &io)
{
    auto store = openStore(args, OpenMode::Create);
    if (!store)
        return reportError(store.error(), io);
    options.author = currentAuthor();
    options.toolVersion = toolVersion();
    auto summary = (*store)->importCatalog(catalog, options);
    if (!summary)
        return reportError(summary.error(), io);
    const ImportRecord &record = summary->record;
    if (args.flag("--json")) {
        io.out << json{{"recorded", summary->recorded},
                       {"import", record.id.value},
                       {"at", record.at.toIso()},
                       {"resources", kindCounts(summary->perKind)},
                       {"added", record.counts.added},
                       {"revised", record.counts.revised},
                       {"removed", record.counts.removed},
                       {"unchanged", record.counts.unchanged},
                       {"fingerprint", record.fingerprint}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    if (summary->recorded) {
        io.out << "imported " << options.sourcePath << " into " << (*store)->locator() << " as import "
               << record.id.value << " (" << record.at.toIso() << ")\n";
    } else {
        io.out << "no changes: " << (*store)->locator() << " already holds " << options.sourcePath
               << " (import " << record.id.value << ")\n";
    }
    io.out << "  " << kindSummary(summary->perKind) << '\n'
           << "  added " << record.counts.added << ", revised " << record.counts.revised << ", removed "
           << record.counts.removed << ", unchanged " << record.counts.unchanged << '\n'
           << "fingerprint " << record.fingerprint << '\n';
    return ExitOk;
}

std::vector<Command> catalogCommands()
{
    return {
        {"validate", "validate DIR [--json]",
         "check a catalog folder and report every problem as file:line:column",
         {{}, {"--json"}, 1, 1}, runValidate},
        {"import", "import DIR --catalog FILE [--at ISO8601] [--json]",
         "validate a catalog folder and record it in the store as one import",
         {{"--catalog", "--at"}, {"--json"}, 1, 1}, runImport},
        {"imports", "imports --catalog FILE [--json]", "list every import with its time, author and files",
         {{"--catalog"}, {"--json"}, 0, 0}, runImports},
        {"fingerprint", "fingerprint --catalog FILE [--as-of T] [--json]",
         "print the sha256 of the catalog's logical content",
         {{"--catalog", "--as-of"}, {"--json"}, 0, 0}, runFingerprint},
        {"snapshot", "snapshot --catalog C --output FILE.sqlite [--json]",
         "write an offline copy of a catalog (e.g. a shared PostgreSQL one) with its whole history",
         {{"--catalog", "--output"}, {"--json"}, 0, 0}, runSnapshot},
    };
}

} // namespace tributary::cli
