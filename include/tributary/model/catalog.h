// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tributary/model/resource.h"

namespace tributary {

// A file a catalog was read from, with its content hash (evidence for every fact it holds).
struct CatalogFile {
    std::string path;  // relative to the catalog folder, '/'-separated
    std::string label; // as diagnostics and resource locations name it
    std::string sha256;
    std::uint64_t bytes = 0;
};

// A whole catalog as read from a folder: every resource, and the files they came from.
struct Catalog {
    std::vector<Resource> resources;
    std::vector<CatalogFile> files;

    // Number of resources of the kind.
    std::size_t count(ResourceKind kind) const;
};

} // namespace tributary
