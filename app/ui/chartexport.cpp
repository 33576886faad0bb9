// SPDX-License-Identifier: Apache-2.0
#include "chartexport.h"

#include <QBuffer>
#include <QChartView>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace tributary::ui {

std::optional<ChartFormat> chartFormatFor(const QString &path)
{
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return ChartFormat::Png;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive))
        return ChartFormat::Svg;
    return std::nullopt;
}

QByteArray renderChart(QChartView &view, ChartFormat format, const QString &title)
{
    const QSize size = view.size();
    const QRectF target(QPointF(0, 0), size);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == ChartFormat::Png) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        view.render(&painter, target, view.viewport()->rect());
        painter.end();
        image.save(&buffer, "PNG");
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(target);
        svg.setTitle(title);
        svg.setDescription(QCoreApplication::translate("ChartExport", "A chart by Tributary"));
        QPainter painter(&svg);
        view.render(&painter, target, view.viewport()->rect());
    }
    return bytes;
}

} // namespace tributary::ui
