// SPDX-License-Identifier: Apache-2.0
#include "panbench.h"

#include <algorithm>
#include <set>

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>

#include "lineagescene.h"
#include "lineageview.h"

namespace tributary::bench {
namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty()
        ? 0
        : values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

ui::LineageDrawing drawingFor(const LineageGraph &graph, const std::vector<NodeId> &nodes,
    const LayoutGraph &input, const Layout &layout)
{
    ui::LineageDrawing drawing;
    const std::set<NodeId> shown(nodes.begin(), nodes.end());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const LineageNode &resource = graph.resource(nodes[i]);
        ui::DrawingNode n;
        n.node = nodes[i];
        n.ref = resource.ref;
        n.title = QString::fromStdString(resource.ref.shortString());
        for (const std::string &tag : resource.tags)
            n.tags << QString::fromStdString(tag);
        n.centre = QPointF(layout.nodes[i].centre.x, layout.nodes[i].centre.y);
        n.width = input.nodes[i].width;
        n.height = input.nodes[i].height;
        for (const LineageStep &step : graph.upstream(nodes[i]))
            n.hiddenUp += !shown.count(step.node);
        for (const LineageStep &step : graph.downstream(nodes[i]))
            n.hiddenDown += !shown.count(step.node);
        drawing.nodes.push_back(n);
    }
    for (std::size_t e = 0; e < input.edges.size(); ++e) {
        ui::DrawingEdge edge{
            nodes[input.edges[e].from], nodes[input.edges[e].to], EdgeKind::Input, {}};
        for (const LayoutPoint &p : layout.edges[e].points)
            edge.route.emplace_back(p.x, p.y);
        drawing.edges.push_back(std::move(edge));
    }
    drawing.crossings = layout.crossings;
    return drawing;
}

// Pans across the drawing at the view's zoom as a drag does (the view scrolls what it shows
// and paints what comes into sight), one step a frame; returns the frame times. With `full`,
// every frame repaints the whole view instead (what a zoom costs).
std::vector<double> pan(ui::LineageView &view, int frames, bool full)
{
    std::vector<double> times;
    QScrollBar *h = view.horizontalScrollBar(), *v = view.verticalScrollBar();
    h->setValue(h->minimum());
    v->setValue((v->minimum() + v->maximum()) / 2);
    QCoreApplication::processEvents();
    for (int i = 0; i < frames; ++i) {
        QElapsedTimer timer;
        timer.start();
        h->setValue(h->value() + 23);
        v->setValue(v->value() + ((i / 25) % 2 ? -11 : 11));
        if (full)
            view.viewport()->repaint();
        else
            QCoreApplication::processEvents(); // the paint of what scrolled into sight
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return times;
}

} // namespace

PanFigures measurePanning(const LineageGraph &graph, const std::vector<NodeId> &nodes,
    const LayoutGraph &drawing, const Layout &layout, const std::string &folder)
{
    int argc = 1;
    char name[] = "bench-layout";
    char *argv[] = {name, nullptr};
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv); // lives as long as the scene and view below, no longer
    ui::LineageScene scene;
    scene.setDrawing(drawingFor(graph, nodes, drawing, layout));
    ui::LineageView view(&scene);
    view.resize(1400, 900);
    view.show();
    QCoreApplication::processEvents();
    PanFigures figures;
    figures.frames = 200;
    view.setTransform(QTransform());
    view.viewport()->repaint(); // the first frame lays out fonts and caches
    const std::vector<double> readable = pan(view, figures.frames, false);
    const std::vector<double> readableFull = pan(view, figures.frames, true);
    view.grab().save(QString::fromStdString(folder + "/lineage-5000-readable.png"));
    view.setTransform(QTransform::fromScale(0.25, 0.25));
    view.viewport()->repaint();
    const std::vector<double> overview = pan(view, figures.frames, false);
    const std::vector<double> overviewFull = pan(view, figures.frames, true);
    view.grab().save(QString::fromStdString(folder + "/lineage-5000-overview.png"));
    view.fit();
    view.grab().save(QString::fromStdString(folder + "/lineage-5000-fit.png"));
    figures.readableP50 = percentile(readable, 0.5);
    figures.readableP99 = percentile(readable, 0.99);
    figures.readableFullP99 = percentile(readableFull, 0.99);
    figures.overviewP50 = percentile(overview, 0.5);
    figures.overviewP99 = percentile(overview, 0.99);
    figures.overviewFullP99 = percentile(overviewFull, 0.99);
    return figures;
}

} // namespace tributary::bench
