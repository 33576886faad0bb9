// SPDX-License-Identifier: Apache-2.0
// The OpenLineage importer on one file's bytes (a JSON event, an array, or NDJSON), through
// readOpenLineageTexts, the same reading readOpenLineage does after loading a file. Never
// throws; an error and every warning and resource point inside the text.
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/import/openlineage.h"

using namespace tributary;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::FuzzInput input("events.json", fuzz::bytes(data, size));
    const auto read = readOpenLineageTexts({{input.label(), std::string(input.text())}});
    if (!read) {
        FUZZ_CHECK(read.error().code == ErrorCode::Invalid, read.error().toString());
        FUZZ_CHECK(input.containsPlace(read.error().where), read.error().toString());
        return 0;
    }
    FUZZ_CHECK(read->catalog.files.size() == 1, "one file read");
    FUZZ_CHECK(read->catalog.files.front().bytes == input.text().size(), "file size");
    for (const std::string &warning : read->warnings) {
        // "file:line:column: message" (or "file:line: message").
        const auto end = warning.find(": ");
        FUZZ_CHECK(end != std::string::npos && input.containsPlace(warning.substr(0, end)),
                   warning);
    }
    for (const Resource &resource : read->catalog.resources)
        FUZZ_CHECK(input.contains(resource.where),
                   resource.ref.toString() + " at " + resource.where.toString());
    return 0;
}
