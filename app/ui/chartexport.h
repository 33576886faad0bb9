// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

class QChartView;

namespace tributary::ui {

enum class ChartFormat { Png, Svg };

// The format a file name asks for: ".png" or ".svg" (any case); nullopt for anything else.
std::optional<ChartFormat> chartFormatFor(const QString &path);

// The chart as `view` draws it now, at the view's size: PNG bytes on white, or an SVG document
// titled `title`. UI thread only (it paints widgets).
QByteArray renderChart(QChartView &view, ChartFormat format, const QString &title);

} // namespace tributary::ui
