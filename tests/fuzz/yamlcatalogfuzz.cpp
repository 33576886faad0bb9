// SPDX-License-Identifier: Apache-2.0
// The YAML catalog reader on one file's text, then the catalog checks, as loadCatalog runs
// them: never throws, and every diagnostic and resource points inside the text.
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/format/catalogreader.h"

using namespace tributary;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fuzz::FuzzInput input("catalog/fuzz.yaml", fuzz::bytes(data, size));
    CatalogLoad load;
    readCatalogText(input.text(), input.label(), load);
    validateCatalog(load);
    sortDiagnostics(load.diagnostics);
    for (const Diagnostic &diagnostic : load.diagnostics) {
        FUZZ_CHECK(input.contains(diagnostic.location), diagnostic.toString());
        FUZZ_CHECK(!diagnostic.message.empty(), diagnostic.toString());
    }
    for (const Resource &resource : load.catalog.resources)
        FUZZ_CHECK(input.contains(resource.where),
                   resource.ref.toString() + " at " + resource.where.toString());
    return 0;
}
