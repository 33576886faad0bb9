// SPDX-License-Identifier: Apache-2.0
// Reads OpenLineage events (RunEvent, JobEvent, DatasetEvent; spec 1.x and 2.x) into a Catalog:
// datasets become sources, jobs become transformations. Mapping rules: docs/importers.md.
#pragma once

#include <string>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/model/catalog.h"

namespace tributary {

struct OpenLineageImport {
    Catalog catalog; // every dataset and job, with the files read
    std::size_t events = 0; // events read
    std::vector<std::string> warnings; // "file:line: ..." for things skipped on purpose
};

// Reads each path: a file (one JSON event, a JSON array of events, or NDJSON with one event a
// line) or a folder (its *.json, *.jsonl and *.ndjson files, sorted, not recursive). Unknown
// keys and facets are ignored. Errors: NotFound, Io; Invalid at file:line:column for malformed
// JSON or an element that is not an event (then nothing is returned).
Result<OpenLineageImport> readOpenLineage(const std::vector<std::string> &paths);

// One file's events already in memory; `label` names it in locations and in Catalog::files.
struct OpenLineageText {
    std::string label;
    std::string text;
};

// readOpenLineage over texts already read, in order (each read as a file is). Errors: Invalid
// as above. Never touches the disk.
Result<OpenLineageImport> readOpenLineageTexts(const std::vector<OpenLineageText> &texts);

} // namespace tributary
