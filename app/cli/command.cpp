// SPDX-License-Identifier: Apache-2.0
#include "command.h"

#include <cstdlib>
#include <iostream>

#include "tributary/base/suggest.h"

namespace tributary::cli {
namespace {

void printUsage(std::ostream &out)
{
    out << "usage: tributary COMMAND [ARGS] [OPTIONS]\n\n"
           "Browse and check an ML feature and lineage catalog.\n\ncommands:\n";
    for (const Command &command : commands())
        out << "  " << command.synopsis << "\n      " << command.summary << '\n';
    out << "\n--catalog defaults to $TRIBUTARY_CATALOG. Exit codes: 0 success, 1 errors in the input\n"
           "or catalog, 2 usage errors. Formats: docs/catalog-format.md.\n";
}

} // namespace

const std::vector<Command> &commands()
{
    static const std::vector<Command> all = [] {
        std::vector<Command> list = catalogCommands();
        for (Command &command : browseCommands())
            list.push_back(std::move(command));
        return list;
    }();
    return all;
}

int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    Io io{out, err};
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        printUsage(args.empty() ? err : out);
        return args.empty() ? ExitUsage : ExitOk;
    }
    if (args[0] == "--version" || args[0] == "version") {
        out << "tributary " << toolVersion() << '\n';
        return ExitOk;
    }
    std::vector<std::string> names;
    for (const Command &command : commands()) {
        names.push_back(command.name);
        if (command.name != args[0])
            continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
            out << "usage: tributary " << command.synopsis << "\n  " << command.summary << '\n';
            return ExitOk;
        }
        auto parsed = Arguments::parse(rest, command.options);
        if (!parsed) {
            err << "tributary " << command.name << ": " << parsed.error().message << '\n';
            if (!parsed.error().hint.empty())
                err << "  hint: " << parsed.error().hint << '\n';
            err << "usage: tributary " << command.synopsis << '\n';
            return ExitUsage;
        }
        return command.run(*parsed, io);
    }
    err << "tributary: unknown command '" << args[0] << "'";
    if (const std::string hint = didYouMean(args[0], names); !hint.empty())
        err << "; " << hint;
    err << "\nrun `tributary help` for the list of commands\n";
    return ExitUsage;
}

int reportError(const Error &error, Io &io)
{
    io.err << (error.where.empty() ? "tributary" : error.where) << ": error: " << error.message << '\n';
    for (const std::string &detail : error.details)
        io.err << detail << '\n';
    if (!error.hint.empty())
        io.err << "  hint: " << error.hint << '\n';
    return ExitInputError;
}

void reportDiagnostics(const Diagnostics &diagnostics, Io &io)
{
    std::size_t errors = 0, warnings = 0;
    for (const Diagnostic &diagnostic : diagnostics) {
        io.err << diagnostic.toString() << '\n';
        (diagnostic.severity == Severity::Error ? errors : warnings)++;
    }
    if (errors + warnings > 0) {
        io.err << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
               << (warnings == 1 ? " warning" : " warnings") << '\n';
    }
}

Result<std::unique_ptr<CatalogStore>> openStore(const Arguments &args, OpenMode mode)
{
    std::string locator = args.value("--catalog").value_or(std::string());
    if (locator.empty()) {
        if (const char *env = std::getenv("TRIBUTARY_CATALOG"))
            locator = env;
    }
    return openCatalogStore(locator, mode);
}

Result<AsOf> asOfOption(const Arguments &args)
{
    const auto text = args.value("--as-of");
    return text ? AsOf::parse(*text) : AsOf::latest();
}

std::string currentAuthor()
{
    for (const char *name : {"TRIBUTARY_AUTHOR", "USER", "LOGNAME"}) {
        if (const char *value = std::getenv(name); value && *value)
            return value;
    }
    return "unknown";
}

const char *toolVersion() { return TRIBUTARY_VERSION; }

} // namespace tributary::cli
