// SPDX-License-Identifier: Apache-2.0
// Shared by the lineage and report commands: the catalog's lineage graph at --as-of, and REF
// arguments resolved to its ids.
#pragma once

#include "browsesupport.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/report/reportbuilder.h"

namespace tributary::cli {

struct OpenedGraph {
    std::unique_ptr<CatalogStore> store;
    AsOf asOf;
    LineageGraph graph;
};

// The lineage graph as of --as-of. On failure prints the error and sets `exitCode`.
std::optional<OpenedGraph> openGraph(const Arguments &args, const std::string &command, Io &io, int &exitCode);

// The propagation policy of --policy (none when not given). On failure prints the problems and
// sets `exitCode`.
std::optional<PropagationPolicy> policyOption(const Arguments &args, Io &io, int &exitCode);

// Resolves a REF argument (a resource or a column) to the graph's ids.
std::optional<ReportSubject> subjectOf(OpenedGraph &opened, const std::string &text, const std::string &command,
                                       Io &io, int &exitCode);


} // namespace tributary::cli
