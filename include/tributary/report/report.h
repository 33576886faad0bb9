// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tributary/model/ref.h"
#include "tributary/model/resource.h"
#include "tributary/store/storetypes.h"

namespace tributary {

enum class ReportKind { Trace, Inputs, Impact, Exposure };
std::string_view reportKindName(ReportKind kind); // "trace", "inputs", "impact", "exposure"

// One hop of evidence: a resource or column reference, and the edge that led into it
// ("feature", "input", "identity", "masked", ...; empty for the first hop).
struct ReportHop {
    std::string ref; // "source:raw@v1#email", "model:churn@3"
    std::string edge;
};

struct ReportEvidence {
    std::vector<ReportHop> hops;   // from the query's subject to the fact's resource
    std::string strength;          // "direct", "column", "resource"
    std::string rule;              // for tags: why the policy let it through
};

// One answer of a report, with what it rests on.
struct ReportFact {
    Ref ref;
    std::string owner;
    std::vector<std::string> tags;
    ResourceStatus status = ResourceStatus::Active;
    std::optional<ModelStage> stage;
    int depth = 0; // hops from the subject
    std::vector<ReportEvidence> evidence;
    Provenance provenance; // the import, file and sha256 of the fact's definition
};

// A report as data: what was asked, of which catalog, as of when, by what; then the answers.
struct Report {
    ReportKind kind = ReportKind::Trace;
    std::string title;   // "Trace of source:raw@v1#email"
    std::string query;   // the question, as a command line would ask it
    std::string asOf;    // AsOf::toString() as asked
    std::optional<ImportId> import; // what that resolved to
    Timestamp importedAt;
    std::string fingerprint;
    Timestamp generatedAt;
    std::string toolVersion;
    std::vector<ReportFact> results;
    // Impact: the owners to notify, each with the resources of theirs that are hit, sorted.
    std::vector<std::pair<std::string, std::vector<std::string>>> owners;
};

} // namespace tributary
