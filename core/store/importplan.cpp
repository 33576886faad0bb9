// SPDX-License-Identifier: Apache-2.0
#include "importplan_p.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "tributary/base/sha256.h"
#include "tributary/model/canonical.h"
#include "tributary/model/resourcediff.h"

namespace tributary::store {

ImportPlan planImport(const Catalog &catalog, const StoredVersions &stored, const std::string &origin)
{
    std::unordered_map<std::string, std::string> relativePath;
    for (const CatalogFile &file : catalog.files)
        relativePath.emplace(file.label, file.path);

    ImportPlan plan;
    std::unordered_set<std::int64_t> present;
    for (const Resource &resource : catalog.resources) {
        PlannedResource planned;
        planned.resource = &resource;
        planned.definitionText = definitionJson(resource).dump();
        planned.metadataText = metadataJson(resource).dump();
        planned.definitionHash = sha256Hex(planned.definitionText);
        planned.metadataHash = sha256Hex(planned.metadataText);
        const auto path = relativePath.find(resource.where.file.str());
        planned.file = path == relativePath.end() ? resource.where.file.str() : path->second;
        planned.line = resource.where.line;

        const auto it = stored.find(resource.ref.toString());
        if (it == stored.end()) {
            plan.create.push_back(std::move(planned));
            continue;
        }
        const StoredVersion &version = it->second;
        present.insert(version.resourceId);
        if (version.definitionHash != planned.definitionHash) {
            plan.conflicts.push_back({&resource, version});
            continue;
        }
        if (version.removed || version.metadataHash != planned.metadataHash) {
            planned.resourceId = version.resourceId;
            planned.restored = version.removed;
            plan.revise.push_back(std::move(planned));
        } else {
            ++plan.unchanged;
        }
    }
    for (const auto &[ref, version] : stored) {
        if (version.origin == origin && !version.removed && !present.contains(version.resourceId))
            plan.remove.push_back(version.resourceId);
    }
    std::sort(plan.remove.begin(), plan.remove.end());
    return plan;
}

std::string describeConflict(const Conflict &conflict, std::string_view storedDefinition,
                             const std::string &storedSource)
{
    const Resource &resource = *conflict.resource;
    std::string storedPlace = conflict.stored.file + ":" + std::to_string(conflict.stored.line);
    if (!storedSource.empty())
        storedPlace = (std::filesystem::path(storedSource) / storedPlace).generic_string();
    std::string text = resource.where.toString() + ": error: " + resource.ref.toString()
                       + " changes the definition of a stored version (imported in import "
                       + std::to_string(conflict.stored.createdIn.value) + " from " + storedPlace + ")";
    if (auto stored = resourceFromJson(resource.ref, storedDefinition, "{\"description\":\"\",\"owner\":\"\","
                                                                     "\"tags\":[],\"properties\":{},"
                                                                     "\"status\":\"active\"}")) {
        const std::vector<FieldChange> changes = diffResources(*stored, resource).definition;
        for (std::size_t i = 0; i < changes.size() && i < 5; ++i) {
            const FieldChange &c = changes[i];
            text += (i == 0 ? ": " : "; ") + c.path + " "
                    + (c.before.empty() ? "(none)" : c.before) + " -> " + (c.after.empty() ? "(none)" : c.after);
        }
        if (changes.size() > 5)
            text += "; and " + std::to_string(changes.size() - 5) + " more";
    }
    return text + "\n  hint: versions are immutable: give the changed definition a new version";
}

std::string fingerprintOf(std::vector<FingerprintEntry> entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const FingerprintEntry &a, const FingerprintEntry &b) { return a.ref < b.ref; });
    Sha256 hash;
    for (const FingerprintEntry &entry : entries) {
        hash.update(entry.ref);
        hash.update("\t");
        hash.update(entry.definitionHash);
        hash.update("\t");
        hash.update(entry.metadataHash);
        hash.update("\n");
    }
    return hash.finishHex();
}

} // namespace tributary::store
