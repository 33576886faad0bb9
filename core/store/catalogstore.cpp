// SPDX-License-Identifier: Apache-2.0
#include "tributary/store/catalogstore.h"

#include "postgres/pglocator_p.h"
#include "postgres/pgstore_p.h"
#include "sqlite/sqlitestore_p.h"

namespace tributary {

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
