// SPDX-License-Identifier: Apache-2.0
#include "command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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
        for (Command &command : dbtCommands())
            list.push_back(std::move(command));
        for (Command &command : importCommands())
            list.push_back(std::move(command));
        for (Command &command : browseCommands())
            list.push_back(std::move(command));
        for (Command &command : graphCommands())
            list.push_back(std::move(command));
        for (Command &command : reportCommands())
            list.push_back(std::move(command));
        for (Command &command : statsCommands())
            list.push_back(std::move(command));
        for (Command &command : docsCommands())
            list.push_back(std::move(command));
#ifdef TRIBUTARY_WITH_PRINT
        for (Command &command : printCommands())
            list.push_back(std::move(command));
#endif
        for (Command &command : reviewCommands())
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
            usageError(io, command.name, parsed.error().message, parsed.error().hint);
            err << "usage: tributary " << command.synopsis << '\n';
            return ExitUsage;
        }
        const auto &valued = command.options.valued;
        if (std::find(valued.begin(), valued.end(), "--catalog") != valued.end()
            && command.name != "validate" && catalogLocator(*parsed).empty())
            return usageError(io, {}, "no catalog given", "pass --catalog FILE.sqlite or set TRIBUTARY_CATALOG");
        return command.run(*parsed, io);
    }
    std::string message = "unknown command '" + args[0] + "'";
    if (const std::string hint = didYouMean(args[0], names); !hint.empty())
        message += "; " + hint;
    usageError(io, {}, message);
    err << "run `tributary help` for the list of commands\n";
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

int usageError(Io &io, const std::string &command, const std::string &message, const std::string &hint)
{
    io.err << "tributary" << (command.empty() ? "" : " " + command) << ": error: " << message << '\n';
    if (!hint.empty())
        io.err << "  hint: " << hint << '\n';
    return ExitUsage;
}

std::string countOf(std::size_t n, std::string_view singular, std::string_view plural)
{
    return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::optional<std::size_t> positiveCount(const std::string &text)
{
    if (text.empty() || text.size() > 6 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::size_t value = std::stoul(text);
    return value == 0 ? std::nullopt : std::optional<std::size_t>(value);
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

std::string catalogLocator(const Arguments &args)
{
    std::string locator = args.value("--catalog").value_or(std::string());
    if (locator.empty()) {
        if (const char *env = std::getenv("TRIBUTARY_CATALOG"))
            locator = env;
    }
    return locator;
}

Result<std::unique_ptr<CatalogStore>> openStore(const Arguments &args, OpenMode mode)
{
    return openCatalogStore(catalogLocator(args), mode);
}

Result<AsOf> asOfOption(const Arguments &args)
{
    const auto text = args.value("--as-of");
    return text ? AsOf::parse(*text) : AsOf::latest();
}

Result<std::optional<Timestamp>> atOption(const Arguments &args)
{
    const auto at = args.value("--at");
    if (!at)
        return std::optional<Timestamp>();
    auto parsed = Timestamp::parse(*at);
    if (!parsed)
        return tl::unexpected(parsed.error());
    return std::optional<Timestamp>(*parsed);
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
