// SPDX-License-Identifier: Apache-2.0
// The store of a generated catalog, imported once and kept beside the catalog folder, shared by
// the benchmarks that query a catalog rather than import it.
#pragma once

#include <filesystem>
#include <iostream>

#include "tributary/format/catalogreader.h"
#include "tributary/store/catalogstore.h"

namespace tributary::bench {

inline Result<std::filesystem::path> storeFor(const std::filesystem::path &catalogDir)
{
    namespace fs = std::filesystem;
    const fs::path store = catalogDir.string() + ".sqlite";
    if (fs::exists(store))
        return store;
    std::cerr << "importing " << catalogDir << " once (kept as " << store << ")\n";
    const CatalogLoad load = loadCatalog(catalogDir);
    if (!load.ok())
        return fail(ErrorCode::Invalid, "the generated catalog has errors", catalogDir.string());
    const fs::path temporary = store.string() + ".tmp";
    fs::remove(temporary);
    {
        auto opened = openCatalogStore(temporary.string(), OpenMode::Create);
        if (!opened)
            return tl::unexpected(opened.error());
        ImportOptions options;
        options.author = "bench";
        if (auto imported = (*opened)->importCatalog(load.catalog, options); !imported)
            return tl::unexpected(imported.error());
    }
    fs::rename(temporary, store);
    return store;
}

} // namespace tributary::bench
