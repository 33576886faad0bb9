// SPDX-License-Identifier: Apache-2.0
#include "lineagesupport.h"

#include <filesystem>

namespace tributary::cli {

std::optional<OpenedGraph> openGraph(const Arguments &args, const std::string &command, Io &io, int &exitCode)
{
    auto opened = openForReading(args, command, io, exitCode);
    if (!opened)
        return std::nullopt;
    auto snapshot = opened->store->lineageSnapshot(opened->asOf);
    if (!snapshot) {
        exitCode = reportError(snapshot.error(), io);
        return std::nullopt;
    }
    return OpenedGraph{std::move(opened->store), opened->asOf, LineageGraph::build(std::move(*snapshot))};
}

std::optional<PropagationPolicy> policyOption(const Arguments &args, Io &io, int &exitCode)
{
    const auto path = args.value("--policy");
    if (!path)
        return PropagationPolicy{};
    if (!std::filesystem::exists(*path)) {
        exitCode = reportError({ErrorCode::NotFound, "no policy file", *path, {}, {}}, io);
        return std::nullopt;
    }
    Diagnostics diagnostics;
    PropagationPolicy policy = readPropagationPolicy(*path, diagnostics);
    reportDiagnostics(diagnostics, io);
    if (hasErrors(diagnostics)) {
        exitCode = ExitInputError;
        return std::nullopt;
    }
    return policy;
}

// Resolves a REF argument (a resource or a column) to the graph's ids.
std::optional<ReportSubject> subjectOf(OpenedGraph &opened, const std::string &text, const std::string &command,
                                       Io &io, int &exitCode)
{
    std::optional<std::string> column;
    auto ref = resolveArgument(*opened.store, text, opened.asOf, &column);
    if (!ref) {
        exitCode = reportResolveError(ref.error(), command, io);
        return std::nullopt;
    }
    const auto node = opened.graph.find(*ref);
    if (!node) {
        exitCode = reportError({ErrorCode::NotFound, "no " + ref->toString() + " in the lineage graph",
                                opened.store->locator(), {}, {}},
                               io);
        return std::nullopt;
    }
    ReportSubject subject{*node, std::nullopt};
    if (column) {
        subject.column = opened.graph.findColumn(*node, *column);
        if (!subject.column) {
            exitCode = reportError({ErrorCode::NotFound, ref->toString() + " has no column '" + *column + "'",
                                    opened.store->locator(), {}, {}},
                                   io);
            return std::nullopt;
        }
    }
    return subject;
}

} // namespace tributary::cli
