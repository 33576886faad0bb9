// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

#include "tributary/store/catalogstore.h"

namespace tributary {

// Finds the one resource that reference text a person typed means: `name@version`,
// `kind:name@version`, or `name` alone for providers and entities. A versioned name without a
// version, a name@version that several kinds hold, or an unknown reference is an error whose
// details list the candidates. Errors: Invalid (syntax), NotFound, and store errors.
Result<Ref> resolveRef(CatalogStore &store, const RefText &text, const AsOf &asOf);

} // namespace tributary
