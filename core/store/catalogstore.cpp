// SPDX-License-Identifier: Apache-2.0
#include "tributary/store/catalogstore.h"

#include <map>

#include "postgres/pglocator_p.h"
#include "postgres/pgstore_p.h"
#include "sqlite/sqlitestore_p.h"

namespace tributary {

Result<std::vector<Resource>> resourcesOfOtherOrigins(CatalogStore &store, std::string_view origin)
{
    auto records = store.imports();
    if (!records)
        return tl::unexpected(records.error());
    std::map<std::int64_t, std::string> originOf;
    for (const ImportRecord &record : *records)
        originOf[record.id.value] = record.origin;
    if (records->empty())
        return std::vector<Resource>{};
    auto snapshot = store.lineageSnapshot(AsOf::latest());
    if (!snapshot)
        return tl::unexpected(snapshot.error());
    // A resource's origin is that of the import that created it.
    std::vector<Resource> known;
    std::vector<std::size_t> position(snapshot->resources.size(), SIZE_MAX);
    for (std::size_t i = 0; i < snapshot->resources.size(); ++i) {
        const SnapshotResource &resource = snapshot->resources[i];
        if (originOf[resource.created.import.value] == origin)
            continue;
        position[i] = known.size();
        known.push_back({resource.ref, {}, {}, makeSpec(resource.ref.kind), {}});
    }
    for (const SnapshotColumn &column : snapshot->columns) {
        if (position[column.resource] == SIZE_MAX)
            continue;
        if (auto *source = known[position[column.resource]].as<SourceSpec>())
            source->columns.push_back({column.name, {}, {}, {}, {}, {}});
    }
    return known;
}

bool isServerLocator(std::string_view locator)
{
    return store::isPgLocator(locator);
}

std::string locatorWithoutPassword(std::string_view locator)
{
    return isServerLocator(locator) ? store::withoutPassword(locator) : std::string(locator);
}

Result<std::unique_ptr<CatalogStore>> openCatalogStore(const std::string &locator, OpenMode mode)
{
    if (locator.empty()) {
        return fail(ErrorCode::Invalid, "no catalog given", {},
            "pass --catalog FILE.sqlite or set TRIBUTARY_CATALOG");
    }
    if (isServerLocator(locator)) {
        auto store = store::PgStore::open(locator, mode);
        if (!store)
            return tl::unexpected(store.error());
        return std::unique_ptr<CatalogStore>(std::move(*store));
    }
    auto store = store::SqliteStore::open(locator, mode);
    if (!store)
        return tl::unexpected(store.error());
    return std::unique_ptr<CatalogStore>(std::move(*store));
}

} // namespace tributary
