// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include "tributary/model/ref.h"

namespace tributary::ui {

// "Features", "Training sets": a kind as the navigator and the breadcrumb name its list.
QString kindListName(ResourceKind kind);
// Core's names (kindName, stageName, ...) as QString.
QString fromView(std::string_view text);

} // namespace tributary::ui
