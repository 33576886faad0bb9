// SPDX-License-Identifier: Apache-2.0
// The JSON report. Its field names are part of the CLI's public contract (scripts read them),
// in particular `evidence`: an array of paths, each an array of hop ref strings. Richer detail
// about each path goes in `evidence_detail`, index for index, so `evidence` never has to change.
#include <nlohmann/json.hpp>

#include "reportwriter_p.h"
#include "tributary/model/resource.h"

namespace tributary::report_detail {
namespace {

using nlohmann::json;

json orNull(const std::string &text)
{
    return text.empty() ? json(nullptr) : json(text);
}

// Absent parts are null throughout: an empty rule, the first hop's edge, and a provenance
// without a file (the same shape as the CLI's `history --json` provenance objects).
json provenanceJson(const Provenance &p)
{
    return {{"import", p.import.value}, {"at", p.at.toIso()}, {"file", orNull(p.file)},
        {"line", p.file.empty() ? json(nullptr) : json(p.line)}, {"sha256", orNull(p.fileSha256)}};
}

json evidencePaths(const std::vector<ReportEvidence> &evidence)
{
    json paths = json::array();
    for (const ReportEvidence &path : evidence) {
        json hops = json::array();
        for (const ReportHop &hop : path.hops)
            hops.push_back(hop.ref);
        paths.push_back(std::move(hops));
    }
    return paths;
}

json evidenceDetail(const std::vector<ReportEvidence> &evidence)
{
    json details = json::array();
    for (const ReportEvidence &path : evidence) {
        json hops = json::array();
        for (const ReportHop &hop : path.hops)
            hops.push_back({{"ref", hop.ref}, {"edge", orNull(hop.edge)}});
        details.push_back(
            {{"hops", std::move(hops)}, {"strength", path.strength}, {"rule", orNull(path.rule)}});
    }
    return details;
}

json factJson(const ReportFact &fact)
{
    // Providers and entities have no version; null says so plainly.
    const json version = isVersioned(fact.ref.kind) ? json(fact.ref.version) : json(nullptr);
    json object = {{"ref", fact.ref.toString()}, {"kind", kindName(fact.ref.kind)}};
    object["name"] = fact.ref.name;
    object["version"] = version;
    object["owner"] = fact.owner;
    object["status"] = statusName(fact.status);
    if (fact.stage)
        object["stage"] = stageName(*fact.stage);
    object["tags"] = fact.tags;
    object["depth"] = fact.depth;
    object["evidence"] = evidencePaths(fact.evidence);
    object["evidence_detail"] = evidenceDetail(fact.evidence);
    object["provenance"] = provenanceJson(fact.provenance);
    return object;
}

} // namespace

std::string writeJson(const Report &report)
{
    json results = json::array();
    for (const ReportFact &fact : report.results)
        results.push_back(factJson(fact));

    json object = {
        {"query", report.query},
        {"kind", reportKindName(report.kind)},
        {"title", report.title},
        {"as_of", report.asOf},
        {"import", report.import ? json(report.import->value) : json(nullptr)},
        {"imported_at", report.import ? json(report.importedAt.toIso()) : json(nullptr)},
        {"fingerprint", report.fingerprint},
        {"generated_at", report.generatedAt.toIso()},
        {"tool_version", report.toolVersion},
        {"results", std::move(results)},
    };
    if (showsOwners(report)) {
        json owners = json::array();
        for (const auto &[owner, resources] : report.owners)
            owners.push_back({{"owner", owner}, {"resources", resources}});
        object["owners"] = std::move(owners);
    }
    // Catalog text is UTF-8 checked at read time, but a report must never throw on the way out:
    // a stray invalid byte becomes U+FFFD instead of an exception crossing the core API.
    return object.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace tributary::report_detail
