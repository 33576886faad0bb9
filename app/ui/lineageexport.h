// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include "tributary/layout/drawngraph.h"

namespace tributary::ui {

class LineageScene;

enum class LineageExportFormat { Png, Svg, Pdf, Dot, GraphMl };

// The scene as drawn, for the text exports: every node and edge on screen where it is now.
DrawnGraph drawnGraph(const LineageScene &scene, const std::string &title, const std::string &asOf,
    const std::string &fingerprint);

// Writes exactly what the scene shows to `path` (atomically: a temporary file, then renamed).
// PNG at `scale` (1 = 100%), SVG and PDF as vectors, DOT and GraphML as text with positions.
// Returns an error for people, or an empty string.
QString exportLineage(const LineageScene &scene, const DrawnGraph &drawn,
    LineageExportFormat format, const QString &path, double scale = 1.0);

// "png", "svg", ...
QString suffixOf(LineageExportFormat format);

} // namespace tributary::ui
