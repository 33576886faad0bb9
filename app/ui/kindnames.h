// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QString>

#include "tributary/model/ref.h"

namespace tributary::ui {

// "Features", "Training sets": a kind as the navigator and the breadcrumb name its list.
QString kindListName(ResourceKind kind);
// The colour that marks a kind in drawings: saturated, readable on light and dark bases.
QColor kindColour(ResourceKind kind);
// Core's names (kindName, stageName, ...) as QString.
QString fromView(std::string_view text);

} // namespace tributary::ui
