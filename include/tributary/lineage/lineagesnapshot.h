// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tributary/model/lineageedges.h"
#include "tributary/store/storetypes.h"

namespace tributary {

// One resource present at the snapshot's point, with what reports need to cite it.
struct SnapshotResource {
    Ref ref;
    std::string owner;
    std::vector<std::string> tags; // its own tags
    ResourceStatus status = ResourceStatus::Active;
    std::optional<ModelStage> stage;
    Provenance created; // the import, file and sha256 its definition rests on
};

// One column of a present source.
struct SnapshotColumn {
    std::size_t resource = 0; // index into LineageSnapshot::resources
    std::string name;
    std::vector<std::string> tags;
};

// A resource-level edge: `from` (by reference, as the definition wrote it) -> resources[to].
struct SnapshotEdge {
    Ref from;
    std::size_t to = 0;
    EdgeKind kind = EdgeKind::Input;
};

// A column-level edge into resources[to]: into its column `toColumn`, or into the feature or
// label itself when `toColumn` is empty.
struct SnapshotColumnEdge {
    Ref from;
    std::string fromColumn;
    std::size_t to = 0;
    std::string toColumn;
    TransformKind transform = TransformKind::Identity;
};

// Everything lineage needs, as a store holds it at one point in history: plain data, read in
// one pass, from which LineageGraph is built.
struct LineageSnapshot {
    std::optional<ImportId> import; // the import the snapshot stands at; none before the first
    Timestamp importedAt;
    std::string fingerprint;
    std::vector<SnapshotResource> resources;
    std::vector<SnapshotColumn> columns;
    std::vector<SnapshotEdge> edges;
    std::vector<SnapshotColumnEdge> columnEdges;
};

} // namespace tributary
