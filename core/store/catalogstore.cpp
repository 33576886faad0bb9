// SPDX-License-Identifier: Apache-2.0
#include "tributary/store/catalogstore.h"

#include "sqlite/sqlitestore_p.h"

namespace tributary {

Result<std::unique_ptr<CatalogStore>> openCatalogStore(const std::string &locator, OpenMode mode)
{
    if (locator.empty()) {
        return fail(ErrorCode::Invalid, "no catalog given", {},
                    "pass --catalog FILE.sqlite or set TRIBUTARY_CATALOG");
    }
    if (locator.starts_with("postgresql://") || locator.starts_with("postgres://")
        || locator.starts_with("service=")) {
        return fail(ErrorCode::Unsupported, "PostgreSQL catalogs are not supported yet", locator,
                    "use a .sqlite file");
    }
    auto store = store::SqliteStore::open(locator, mode);
    if (!store)
        return tl::unexpected(store.error());
    return std::unique_ptr<CatalogStore>(std::move(*store));
}

} // namespace tributary
