// SPDX-License-Identifier: Apache-2.0
// The dbt importer on a manifest, and optionally a catalog.json: the input is split at the
// first kCatalogMark line, so the fuzzer can grow both halves from one file. Runs
// importDbtText, which importDbt calls after reading the files. Never throws; an error and
// every resource point inside the text they name.
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/import/dbt.h"

using namespace tributary;

namespace {

constexpr std::string_view kCatalogMark = "\n--catalog.json--\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view all = fuzz::bytes(data, size);
    const std::size_t mark = all.find(kCatalogMark);
    const fuzz::FuzzInput manifest("target/manifest.json", all.substr(0, mark));
    const fuzz::FuzzInput catalog("target/catalog.json",
                                  mark == std::string_view::npos
                                      ? std::string_view()
                                      : all.substr(mark + kCatalogMark.size()));
    const auto read = importDbtText(manifest.label(), std::string(manifest.text()),
                                    catalog.label(), std::string(catalog.text()));
    if (!read) {
        const Error &error = read.error();
        FUZZ_CHECK(error.code == ErrorCode::Invalid, error.toString());
        FUZZ_CHECK(manifest.containsPlace(error.where) || catalog.containsPlace(error.where),
                   error.toString());
        return 0;
    }
    for (const Resource &resource : read->catalog.resources)
        FUZZ_CHECK(manifest.contains(resource.where),
                   resource.ref.toString() + " at " + resource.where.toString());
    return 0;
}
