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

// Writes `bytes` to `path` through a temporary file renamed into place, so a failure leaves any
// earlier file as it was. Any thread. Returns an error for people, or an empty string.
QString writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace tributary::ui
