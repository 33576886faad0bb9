// SPDX-License-Identifier: Apache-2.0
// The two halves of the OpenLineage importer: finding the events in a file, and merging them
// into datasets and jobs.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "importsupport_p.h"
#include "tributary/import/openlineage.h"

namespace tributary::import_detail {

// One event as found in a file, with the place where it starts.
struct OpenLineageEvent {
    nlohmann::json value;
    SourceLocation where;
};

// Called with each event in file order; an error stops the reading and is returned.
using OpenLineageSink = std::function<Result<void>(const OpenLineageEvent &)>;

// Passes the events of `file` (one JSON value, a JSON array, or NDJSON) to `sink`, one NDJSON
// line at a time. Errors: Invalid at file:line:column of the first syntax error; the sink's.
Result<void> splitOpenLineageEvents(const ReadFile &file, const OpenLineageSink &sink);

// A known facet or key of the wrong shape; caught where the event's place is known.
struct OpenLineageShapeError {
    std::string message;
};

using OpenLineageKey = std::pair<std::string, std::string>; // namespace, name

struct OpenLineageColumn {
    std::string name; // nested fields as parent.child
    std::string type;
    std::string description;
};

// One inputFields entry of a columnLineage facet. `kind` is empty for INDIRECT ones, which
// `indirect` then describes ("JOIN", "FILTER ...").
struct OpenLineageInputField {
    OpenLineageKey dataset;
    std::string field;
    std::optional<TransformKind> kind;
    std::string indirect;
};

// Facet readers over a dataset's or job's merged facets; absent facets give empty results.
// They throw OpenLineageShapeError for a wrong type.
std::vector<OpenLineageColumn> schemaColumns(const nlohmann::json &facets);
std::vector<std::pair<std::string, std::vector<OpenLineageInputField>>> columnLineage(
    const nlohmann::json &facets);
std::string facetText(const nlohmann::json &facets, const char *facet, const char *key);
std::vector<std::string> ownerNames(const nlohmann::json &facets);
// Tags as "key:value" (or "key"), with the column they are scoped to (empty: the dataset).
std::vector<std::pair<std::string, std::string>> tagList(const nlohmann::json &facets);
// Every known facet read once, so a wrong type surfaces while the event's place is known.
void checkFacets(const nlohmann::json &facets);

// Merges events: datasets by namespace and name, jobs (and so every run of them) likewise.
class OpenLineageMerger
{
public:
    // Errors: Invalid at the event's place when it is no event or a known key has a wrong type.
    Result<void> add(const OpenLineageEvent &event);
    // The catalog of everything added, with warnings for what was skipped.
    void finish(OpenLineageImport &out);

    using Key = OpenLineageKey;

    struct Dataset {
        SourceLocation where;
        nlohmann::json facets = nlohmann::json::object(); // the latest of each facet
        std::set<Key> producers;
    };
    struct Job {
        SourceLocation where;
        nlohmann::json facets = nlohmann::json::object();
        std::vector<Key> inputs;
        std::set<std::string> runs;
        std::string lastState;
    };

private:
    void addDataset(const nlohmann::json &value, const SourceLocation &where, const Key *producer);

    std::map<Key, Dataset> m_datasets;
    std::map<Key, Job> m_jobs;
};

} // namespace tributary::import_detail
