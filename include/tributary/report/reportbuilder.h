// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <set>
#include <string>

#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/report/report.h"

namespace tributary {

// What a report is about: a resource, or one column of it.
struct ReportSubject {
    NodeId node = kNoId;
    std::optional<ColumnId> column;
};

// The stamps every report carries besides what the graph knows.
struct ReportStamp {
    std::string query; // the question as a command line asks it
    std::string asOf;  // as asked: "latest", "import 3", "2024-03-01T23:59:59Z"
    Timestamp generatedAt;
    std::string toolVersion;
};

// Everything downstream of the subject (of `kinds`, if any), each with a shortest path. From
// a column, lineage is followed column by column to the features and labels it feeds, then on
// to training sets and models; a transformation without column lineage is followed at resource
// level, marked as weaker evidence.
Report traceReport(const LineageGraph &graph, const ReportSubject &subject,
                   const std::set<ResourceKind> &kinds, const ReportStamp &stamp);
// Everything upstream of the subject (usually a model): what fed it.
Report inputsReport(const LineageGraph &graph, NodeId subject, const ReportStamp &stamp);
// What a change or erasure of the subject hits downstream, with the owners to notify.
Report impactReport(const LineageGraph &graph, const ReportSubject &subject, const ReportStamp &stamp);
// The models reached by tags matching `pattern`, each with the way the tag travelled.
Report exposureReport(const LineageGraph &graph, const PropagationPolicy &policy, const std::string &pattern,
                      const ReportStamp &stamp);

// "source:raw@v1#email", or the resource's ref when `column` is kNoId.
std::string columnRefText(const LineageGraph &graph, NodeId resource, ColumnId column);

} // namespace tributary
