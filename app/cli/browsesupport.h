// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the commands that read a store (list, show, search, history, diff).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"

namespace tributary::cli {

struct OpenedStore {
    std::unique_ptr<CatalogStore> store;
    AsOf asOf;
};

// Opens the catalog read-only at --as-of. On failure prints the error and sets `exitCode`.
std::optional<OpenedStore> openForReading(const Arguments &args, const std::string &command, Io &io,
                                          int &exitCode);

// Resolves a REF argument. `column`, when given, receives a `#column` part (which makes the
// default kind source); without it a column reference is a usage error.
Result<Ref> resolveArgument(CatalogStore &store, const std::string &text, const AsOf &asOf,
                            std::optional<std::string> *column = nullptr);
// Prints a failed resolution: bad syntax is a usage error, an unknown ref an input error.
int reportResolveError(const Error &error, const std::string &command, Io &io);

nlohmann::json provenanceJson(const Provenance &provenance);
std::string provenanceText(const Provenance &provenance);

int runShow(const Arguments &args, Io &io);

} // namespace tributary::cli
