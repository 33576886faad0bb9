// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <memory>
#include <optional>

#include <QWidget>

#include "catalogsession.h"
#include "lineagedrawing.h"
#include "lineageexport.h"
#include "savedview.h"
#include "tributary/layout/layeredlayout.h"
#include "tributary/lineage/visiblelineage.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace tributary::ui {

class LineageScene;
class LineageView;

// The lineage graph of the shown asset: one hop each way to start, depth controls for each
// side, expand and fold on every node, columns on demand, the paths between two selected nodes
// (a focus mode dims the rest), a tag overlay, pins, a view saved per asset, exports. Layouts
// run on a worker; a layout after an expand keeps what was on screen where it was.
class LineagePanel : public QWidget
{
    Q_OBJECT
public:
    LineagePanel(CatalogSession *session, QWidget *parent = nullptr);
    ~LineagePanel() override;

    // The asset to draw; drawn when the panel is visible (or at once with `now`).
    void setSubject(const Ref &ref, bool now = false);
    // The catalog or its point in history changed: the graph is fetched again.
    void reset();

    void setDepth(int up, int down); // -1: all
    void expand(NodeId node, Direction direction);
    void collapse(NodeId node, Direction direction);
    void toggleColumns(NodeId node);
    void setOverlay(const QString &pattern);
    // Highlights every path between two shown nodes (either way), adding hidden nodes on them.
    void highlightPaths(NodeId a, NodeId b);
    void setFocusMode(bool on);
    void saveView();
    void forgetView();
    QString exportAs(LineageExportFormat format, const QString &path, double scale = 1.0);

    LineageScene &scene() { return *m_scene; }
    LineageView &view() { return *m_view; }
    const VisibleLineage *visible() const { return m_visible.get(); }
    const LineageGraph *graph() const { return m_graph.get(); }
    QString statusText() const;
    // True while a layout (or the graph) is being computed.
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void openRequested(const tributary::Ref &ref);
    // A new drawing is on screen.
    void drawn();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onGraph(const std::shared_ptr<const LineageGraph> &graph);
    void drawSubject();
    void applySavedView(const SavedView &view);
    void relayout(bool keepPlaces);
    void showDrawing(
        const Layout &layout, const LayoutGraph &input, const std::vector<NodeId> &order);
    void refreshOverlay();
    void onSelectionChanged();
    void setStatus(const QString &text);
    QWidget *buildToolbar();

    CatalogSession *m_session;
    LineageScene *m_scene;
    LineageView *m_view;
    QSpinBox *m_up;
    QSpinBox *m_down;
    QLineEdit *m_overlayEdit;
    QCheckBox *m_focus;
    QLabel *m_status;
    QLabel *m_banner;
    std::shared_ptr<const LineageGraph> m_graph;
    std::unique_ptr<VisibleLineage> m_visible;
    std::optional<Ref> m_subject;
    std::optional<Ref> m_drawnSubject;
    std::optional<Layout> m_layout; // the last one, for the next incremental layout
    std::map<NodeId, QPointF> m_pinned;
    std::unordered_map<NodeId, bool> m_overlay;
    std::set<NodeId> m_pathNodes;
    std::set<std::pair<NodeId, NodeId>> m_pathEdges;
    QString m_message; // what the last action found (paths, overlay), for the status line
    quint64 m_layoutGeneration = 0;
    quint64 m_overlayGeneration = 0;
    bool m_busy = false;
    bool m_fitNext = true;
};

} // namespace tributary::ui
