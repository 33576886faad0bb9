// SPDX-License-Identifier: Apache-2.0
#include "lineageexport.h"

#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "lineageedgeitem.h"
#include "lineagenodeitem.h"
#include "lineagescene.h"

namespace tributary::ui {
namespace {

// Renders the scene's items onto `painter`, filling `target`.
void render(const LineageScene &scene, QPainter &painter, const QRectF &target)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const_cast<LineageScene &>(scene).render(
        &painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
}

} // namespace

QString suffixOf(LineageExportFormat format)
{
    switch (format) {
    case LineageExportFormat::Png: return QStringLiteral("png");
    case LineageExportFormat::Svg: return QStringLiteral("svg");
    case LineageExportFormat::Pdf: return QStringLiteral("pdf");
    case LineageExportFormat::Dot: return QStringLiteral("dot");
    case LineageExportFormat::GraphMl: return QStringLiteral("graphml");
    }
    return {};
}

DrawnGraph drawnGraph(const LineageScene &scene, const std::string &title, const std::string &asOf,
    const std::string &fingerprint)
{
    DrawnGraph drawn{title, asOf, fingerprint, {}, {}};
    std::unordered_map<NodeId, std::size_t> index;
    for (LineageNodeItem *item : scene.nodeItems()) {
        const DrawingNode &node = item->node();
        index[node.node] = drawn.nodes.size();
        DrawnNode out;
        out.id = node.ref.toString();
        out.label = node.title.toStdString();
        out.kind = std::string(kindName(node.ref.kind));
        for (const QString &tag : node.tags)
            out.tags.push_back(tag.toStdString());
        for (const QString &column : node.columns)
            out.columns.push_back(column.toStdString());
        out.centre = {item->pos().x(), item->pos().y()};
        out.width = node.width;
        out.height = node.height;
        out.hiddenUp = node.hiddenUp;
        out.hiddenDown = node.hiddenDown;
        out.highlighted = item->mark() == LineageNodeItem::Highlighted || item->overlaid();
        drawn.nodes.push_back(std::move(out));
    }
    for (LineageEdgeItem *item : scene.edgeItems()) {
        DrawnEdge out;
        out.from = index.at(item->fromItem()->node().node);
        out.to = index.at(item->toItem()->node().node);
        if (item->isColumnEdge()) {
            out.kind = std::string(transformName(item->columnEdge().transform));
            out.fromColumn = item->columnEdge().fromColumn.toStdString();
            out.toColumn = item->columnEdge().toColumn.toStdString();
        } else {
            out.kind = std::string(edgeKindName(item->edge().kind));
        }
        for (const QPointF &p : item->routePoints())
            out.points.push_back({p.x(), p.y()});
        out.highlighted = item->mark() == LineageEdgeItem::Highlighted;
        drawn.edges.push_back(std::move(out));
    }
    return drawn;
}

QString exportLineage(const LineageScene &scene, const DrawnGraph &drawn,
    LineageExportFormat format, const QString &path, double scale)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    const QRectF source = scene.sceneRect();
    switch (format) {
    case LineageExportFormat::Png: {
        const QSize size = (source.size() * scale).toSize();
        if (size.isEmpty() || qint64(size.width()) * size.height() > 400'000'000)
            return QObject::tr("A %1 x %2 image is too large; choose a smaller scale.")
                .arg(size.width())
                .arg(size.height());
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        render(scene, painter, QRectF(QPointF(0, 0), size));
        painter.end();
        if (!image.save(&file, "PNG"))
            return QObject::tr("Cannot write the image to %1").arg(path);
        break;
    }
    case LineageExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(QString::fromStdString(drawn.title));
        svg.setDescription(QStringLiteral("As of %1; fingerprint %2")
                               .arg(QString::fromStdString(drawn.asOf),
                                   QString::fromStdString(drawn.fingerprint)));
        QPainter painter(&svg);
        render(scene, painter, QRectF(QPointF(0, 0), source.size()));
        break;
    }
    case LineageExportFormat::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setTitle(QString::fromStdString(drawn.title));
        pdf.setCreator(QStringLiteral("Tributary"));
        // One page the drawing's shape, in points: vectors, so any zoom stays sharp.
        pdf.setPageSize(
            QPageSize(source.size(), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&pdf);
        render(scene, painter, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())));
        break;
    }
    case LineageExportFormat::Dot:
    case LineageExportFormat::GraphMl: {
        const std::string text
            = format == LineageExportFormat::Dot ? writeDot(drawn) : writeGraphml(drawn);
        file.write(text.data(), qint64(text.size()));
        break;
    }
    }
    if (!file.commit())
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace tributary::ui
