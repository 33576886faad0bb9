// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "arguments.h"
#include "tributary/base/diagnostic.h"
#include "tributary/base/text.h"
#include "tributary/store/catalogstore.h"

namespace tributary::cli {

// Exit codes are part of the scripting interface.
enum ExitCode : int {
    ExitOk = 0,
    ExitInputError = 1, // the input or the catalog has errors, or what was asked is not there
    ExitUsage = 2,      // the command line is wrong
};

struct Io {
    std::ostream &out;
    std::ostream &err;
};

struct Command {
    std::string name;
    std::string synopsis; // "validate DIR [--json]"
    std::string summary;
    OptionSpec options;
    int (*run)(const Arguments &args, Io &io);
};

// Every command, in the order `tributary help` lists them.
const std::vector<Command> &commands();
std::vector<Command> catalogCommands();
std::vector<Command> browseCommands();
std::vector<Command> graphCommands();
std::vector<Command> reportCommands();
std::vector<Command> docsCommands();
std::vector<Command> printCommands(); // only in builds with Qt (TRIBUTARY_WITH_PRINT)
std::vector<Command> reviewCommands();
std::vector<Command> statsCommands();
std::vector<Command> dbtCommands(); // import-dbt
std::vector<Command> importCommands(); // import-openlineage

// Runs `tributary ARGS...` and returns the exit code.
int runCli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

// --- shared by the commands -----------------------------------------------------------------

// Prints "where: error: message", its details and hint to err; returns ExitInputError.
int reportError(const Error &error, Io &io);
// Prints "tributary[ COMMAND]: error: message" and the hint; returns ExitUsage.
int usageError(Io &io, const std::string &command, const std::string &message,
               const std::string &hint = {});

// "1 file", "3 files"; "1 entity", "2 entities".
std::string countOf(std::size_t n, std::string_view singular, std::string_view plural);
// A whole number from 1 to 999999 as typed on a command line, or nothing.
std::optional<std::size_t> positiveCount(const std::string &text);
// Prints every diagnostic to err, then "N errors, M warnings" when there are any.
void reportDiagnostics(const Diagnostics &diagnostics, Io &io);

// --catalog, else $TRIBUTARY_CATALOG; empty when neither is given.
std::string catalogLocator(const Arguments &args);
// The store named by catalogLocator().
Result<std::unique_ptr<CatalogStore>> openStore(const Arguments &args, OpenMode mode);
// --as-of, or latest.
Result<AsOf> asOfOption(const Arguments &args);
// --at (the time an import is recorded as), or none. Errors: Invalid.
Result<std::optional<Timestamp>> atOption(const Arguments &args);

// Imports `catalog` into the store of --catalog (created if missing) as one import, with
// author and tool version filled in, and prints what it did (--json: as JSON); `options` names
// the origin and what was read (sourcePath). Returns the exit code.
int importInto(const Catalog &catalog, ImportOptions options, const Arguments &args, Io &io);

// Who is importing: $TRIBUTARY_AUTHOR, else the login name.
std::string currentAuthor();
const char *toolVersion();

} // namespace tributary::cli
