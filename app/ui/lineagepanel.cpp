// SPDX-License-Identifier: Apache-2.0
#include "lineagepanel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "iothreads.h"
#include "lineagenodeitem.h"
#include "lineagescene.h"
#include "lineageview.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary::ui {
namespace {

QString titleOf(const Ref &ref)
{
    return QString::fromStdString(ref.shortString());
}

// The saved view of `key` in the user data of `locator`, read on a worker.
std::optional<SavedView> loadView(const QString &locator, const std::string &key)
{
    auto store = UserDataStore::open(userDataPath(locator).toStdString());
    if (!store)
        return std::nullopt;
    auto entry = (*store)->get(kSavedViewsArea, key);
    if (!entry || !*entry)
        return std::nullopt;
    return SavedView::fromJson(QByteArray::fromStdString((*entry)->value));
}

QSpinBox *depthBox(const QString &tip)
{
    auto *box = new QSpinBox;
    box->setRange(-1, 30);
    box->setSpecialValueText(QObject::tr("all"));
    box->setValue(1);
    box->setToolTip(tip);
    return box;
}

} // namespace

LineagePanel::LineagePanel(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_scene(new LineageScene(this))
    , m_view(new LineageView(m_scene))
    , m_up(depthBox(tr("Upstream depth: hops shown towards the sources")))
    , m_down(depthBox(tr("Downstream depth: hops shown towards the models")))
    , m_overlayEdit(new QLineEdit)
    , m_focus(new QCheckBox(tr("Focus path")))
    , m_status(new QLabel)
    , m_banner(new QLabel)
{
    m_banner->setVisible(false);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fde68a; color: black; padding: 3px 8px; }"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_session, &CatalogSession::graphReady, this, &LineagePanel::onGraph);
    connect(m_session, &CatalogSession::policyChanged, this, [this] { refreshOverlay(); });
    connect(m_scene, &LineageScene::expandRequested, this, &LineagePanel::expand);
    connect(m_scene, &LineageScene::collapseRequested, this, &LineagePanel::collapse);
    connect(m_scene, &LineageScene::openRequested, this, [this](NodeId node) {
        if (m_graph && node < m_graph->nodeCount())
            Q_EMIT openRequested(m_graph->resource(node).ref);
    });
    connect(m_scene, &LineageScene::nodeMoved, this, [this](NodeId node, QPointF centre) {
        m_pinned[node] = centre;
        if (LineageNodeItem *item = m_scene->nodeItem(node)) {
            DrawingNode pinned = item->node();
            pinned.pinned = true;
            pinned.centre = centre;
            item->setNode(pinned);
        }
        setStatus(
            tr("Pinned %1; Save view keeps it there").arg(titleOf(m_graph->resource(node).ref)));
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &LineagePanel::onSelectionChanged);
}

LineagePanel::~LineagePanel()
{
    m_scene->disconnect(this); // items go with the scene; their signals must not reach us then
}

QWidget *LineagePanel::buildToolbar()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 2);
    const auto button = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    row->addWidget(new QLabel(tr("Up")));
    row->addWidget(m_up);
    row->addWidget(new QLabel(tr("Down")));
    row->addWidget(m_down);
    const auto depthChanged = [this] { setDepth(m_up->value(), m_down->value()); };
    connect(m_up, &QSpinBox::valueChanged, this, depthChanged);
    connect(m_down, &QSpinBox::valueChanged, this, depthChanged);
    button(tr("Fit"), tr("Fit the graph in the view (F)"), [this] { m_view->fit(); });
    button(tr("Columns"), tr("Show or fold the columns of the selected node"), [this] {
        if (LineageNodeItem *item = m_view->currentNode())
            toggleColumns(item->node().node);
    });
    m_overlayEdit->setPlaceholderText(tr("Tag overlay: pii, pii:*, gdpr"));
    m_overlayEdit->setClearButtonEnabled(true);
    m_overlayEdit->setMaximumWidth(200);
    m_overlayEdit->setToolTip(
        tr("Colour what the tag reaches, along lineage, under the propagation policy"));
    connect(m_overlayEdit, &QLineEdit::editingFinished, this,
        [this] { setOverlay(m_overlayEdit->text().trimmed()); });
    row->addWidget(m_overlayEdit);
    m_focus->setToolTip(
        tr("Select two nodes (Ctrl+click) to see every path between them; focus dims the rest"));
    connect(m_focus, &QCheckBox::toggled, this, &LineagePanel::setFocusMode);
    row->addWidget(m_focus);
    row->addStretch();
    button(tr("Unpin all"), tr("Let the layout place every node again"), [this] {
        m_pinned.clear();
        relayout(false);
    });
    button(tr("Save view"), tr("Keep this view (nodes, columns, pins, overlay) for this asset"),
        &LineagePanel::saveView);
    button(tr("Reset"), tr("Forget the saved view and start from one hop each way"),
        &LineagePanel::forgetView);
    auto *exporter = new QToolButton;
    exporter->setText(tr("Export"));
    exporter->setPopupMode(QToolButton::InstantPopup);
    exporter->setAutoRaise(true);
    auto *menu = new QMenu(exporter);
    for (auto [label, format] : {std::pair{tr("PNG image…"), LineageExportFormat::Png},
             {tr("SVG drawing…"), LineageExportFormat::Svg}, {tr("PDF…"), LineageExportFormat::Pdf},
             {tr("Graphviz DOT…"), LineageExportFormat::Dot},
             {tr("GraphML…"), LineageExportFormat::GraphMl}}) {
        menu->addAction(label, this, [this, format] {
            double scale = 1;
            if (format == LineageExportFormat::Png) {
                bool ok = false;
                scale = QInputDialog::getDouble(
                    this, tr("Export PNG"), tr("Scale (1 = 100%)"), 2, 0.25, 8, 2, &ok);
                if (!ok)
                    return;
            }
            const QString path = QFileDialog::getSaveFileName(this, tr("Export the lineage graph"),
                QStringLiteral("lineage.") + suffixOf(format));
            if (!path.isEmpty()) {
                const QString error = exportAs(format, path, scale);
                setStatus(error.isEmpty() ? tr("Wrote %1").arg(path) : error);
            }
        });
    }
    exporter->setMenu(menu);
    row->addWidget(exporter);
    return bar;
}

void LineagePanel::setSubject(const Ref &ref, bool now)
{
    m_subject = ref;
    if (!isVisible() && !now)
        return; // drawn when shown
    if (!m_graph)
        m_session->requestGraph();
    else
        drawSubject();
}

void LineagePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_subject && (!m_drawnSubject || *m_drawnSubject != *m_subject))
        setSubject(*m_subject, true);
}

void LineagePanel::reset()
{
    ++m_layoutGeneration;
    m_visible.reset();
    m_graph.reset();
    m_layout.reset();
    m_drawnSubject.reset();
    m_overlay.clear();
    m_scene->setDrawing({});
    if (m_subject && isVisible())
        m_session->requestGraph();
}

void LineagePanel::onGraph(const std::shared_ptr<const LineageGraph> &graph)
{
    if (graph == m_graph)
        return;
    m_graph = graph;
    m_visible = std::make_unique<VisibleLineage>(*graph);
    m_layout.reset();
    m_drawnSubject.reset();
    refreshOverlay();
    drawSubject();
}

void LineagePanel::drawSubject()
{
    if (!m_graph || !m_subject || (m_drawnSubject && *m_drawnSubject == *m_subject))
        return;
    const auto node = m_graph->find(*m_subject);
    m_drawnSubject = m_subject;
    m_pinned.clear();
    m_pathNodes.clear();
    m_pathEdges.clear();
    m_layout.reset();
    m_fitNext = true;
    if (!node) {
        ++m_layoutGeneration;
        m_scene->setDrawing({});
        setStatus(tr("%1 has no lineage at this point in history")
                      .arg(QString::fromStdString(m_subject->toString())));
        return;
    }
    // A view saved for this asset comes first; reading it is file work, so on a worker.
    const Ref subject = *m_subject;
    m_busy = true;
    QtConcurrent::run(&ioThreads(), [locator = m_session->locator(), key = subject.toString()] {
        return loadView(locator, key);
    }).then(this, [this, subject, centre = *node](std::optional<SavedView> saved) {
        if (!m_subject || *m_subject != subject || !m_visible)
            return;
        if (saved) {
            applySavedView(*saved);
            return;
        }
        m_visible->reset(centre, m_up->value(), m_down->value());
        relayout(false);
    });
}

void LineagePanel::applySavedView(const SavedView &saved)
{
    const auto idOf = [this](const std::string &text) -> std::optional<NodeId> {
        auto parsed = parseRefText(text);
        if (!parsed || !parsed->kind)
            return std::nullopt;
        return m_graph->find({*parsed->kind, parsed->name, parsed->version.value_or("")});
    };
    const auto centre = idOf(saved.centre);
    if (!centre)
        return;
    std::vector<NodeId> nodes, columns;
    for (const std::string &ref : saved.nodes)
        if (const auto id = idOf(ref))
            nodes.push_back(*id);
    for (const std::string &ref : saved.columns)
        if (const auto id = idOf(ref))
            columns.push_back(*id);
    m_visible->restore(*centre, nodes, columns);
    for (const auto &[ref, at] : saved.pinned)
        if (const auto id = idOf(ref))
            m_pinned[*id] = at;
    const QSignalBlocker upBlocker(m_up), downBlocker(m_down);
    m_up->setValue(saved.up);
    m_down->setValue(saved.down);
    m_overlayEdit->setText(saved.overlay);
    m_message = tr("Saved view");
    setOverlay(saved.overlay);
    relayout(false);
}

void LineagePanel::setDepth(int up, int down)
{
    {
        const QSignalBlocker upBlocker(m_up), downBlocker(m_down);
        m_up->setValue(up);
        m_down->setValue(down);
    }
    if (!m_visible || !m_graph || m_visible->centre() == kNoId)
        return;
    m_visible->reset(m_visible->centre(), up, down);
    // Another depth is another picture: laid out afresh and fitted (pins still hold).
    m_fitNext = true;
    relayout(false);
}

void LineagePanel::expand(NodeId node, Direction direction)
{
    if (m_visible && !m_visible->expand(node, direction).empty())
        relayout(true);
}

void LineagePanel::collapse(NodeId node, Direction direction)
{
    if (!m_visible)
        return;
    for (NodeId hidden : m_visible->collapse(node, direction))
        m_pinned.erase(hidden);
    relayout(true);
}

void LineagePanel::toggleColumns(NodeId node)
{
    if (!m_visible)
        return;
    m_visible->showColumns(node, !m_visible->columnsShown(node));
    relayout(false); // the node's size changed: a fresh layout, not a patched one
}

void LineagePanel::relayout(bool keepPlaces)
{
    if (!m_visible || !m_graph)
        return;
    LayoutGraph input;
    std::vector<NodeId> order = m_visible->nodes();
    std::unordered_map<NodeId, std::uint32_t> index;
    for (NodeId node : order) {
        index[node] = std::uint32_t(input.nodes.size());
        const Ref &ref = m_graph->resource(node).ref;
        LayoutNode n;
        n.key = node;
        n.width = NodeMetrics::width(titleOf(ref));
        n.height = NodeMetrics::height(
            m_visible->columnsShown(node) ? int(m_graph->columnsOf(node).size()) : 0);
        n.band = lineageOrder(ref.kind);
        if (const auto pin = m_pinned.find(node); pin != m_pinned.end())
            n.pinned = LayoutPoint{pin->second.x(), pin->second.y()};
        input.nodes.push_back(n);
    }
    for (const VisibleEdge &edge : m_visible->edges())
        input.edges.push_back({index.at(edge.from), index.at(edge.to)});
    std::optional<Layout> previous = keepPlaces ? m_layout : std::nullopt;
    const quint64 mine = ++m_layoutGeneration;
    m_busy = true;
    setStatus(tr("Laying out %n node(s)…", nullptr, int(order.size())));
    QtConcurrent::run([input, previous] {
        return layoutLayered(input, LayoutOptions{}, previous ? &*previous : nullptr);
    }).then(this, [this, mine, input, order](Layout layout) {
        if (mine != m_layoutGeneration)
            return; // the view changed again meanwhile
        m_busy = false;
        showDrawing(layout, input, order);
        m_layout = std::move(layout);
    });
}

void LineagePanel::showDrawing(
    const Layout &layout, const LayoutGraph &input, const std::vector<NodeId> &order)
{
    LineageDrawing drawing;
    drawing.crossings = layout.crossings;
    drawing.truncated = m_visible->truncated();
    std::unordered_map<NodeId, std::size_t> index;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const NodeId node = order[i];
        const LineageNode &resource = m_graph->resource(node);
        DrawingNode n;
        n.node = node;
        n.ref = resource.ref;
        n.title = titleOf(resource.ref);
        for (const std::string &tag : resource.tags)
            n.tags << QString::fromStdString(tag);
        if (m_visible->columnsShown(node)) {
            for (ColumnId column : m_graph->columnsOf(node)) {
                n.columns << QString::fromStdString(m_graph->column(column).name);
                n.columnIds.push_back(column);
            }
        }
        n.centre = QPointF(layout.nodes[i].centre.x, layout.nodes[i].centre.y);
        n.width = input.nodes[i].width;
        n.height = input.nodes[i].height;
        n.hiddenUp = m_visible->hiddenUp(node);
        n.hiddenDown = m_visible->hiddenDown(node);
        n.shownUp = m_graph->upstream(node).size() > n.hiddenUp;
        n.shownDown = m_graph->downstream(node).size() > n.hiddenDown;
        n.centreNode = node == m_visible->centre();
        n.pinned = m_pinned.count(node) > 0;
        index[node] = i;
        drawing.nodes.push_back(std::move(n));
    }
    const std::vector<VisibleEdge> edges = m_visible->edges();
    for (std::size_t e = 0; e < edges.size(); ++e) {
        DrawingEdge edge{edges[e].from, edges[e].to, edges[e].kind, {}};
        if (e < layout.edges.size()) {
            for (const LayoutPoint &p : layout.edges[e].points)
                edge.route.emplace_back(p.x, p.y);
        }
        drawing.edges.push_back(std::move(edge));
    }
    const auto rowOf = [&](ColumnId column) {
        const DrawingNode &node = drawing.nodes[index.at(m_graph->column(column).resource)];
        const auto found = std::find(node.columnIds.begin(), node.columnIds.end(), column);
        return found == node.columnIds.end() ? -1 : int(found - node.columnIds.begin());
    };
    for (const VisibleColumnEdge &edge : m_visible->columnEdges()) {
        const NodeId from = m_graph->column(edge.from).resource,
                     to = m_graph->column(edge.to).resource;
        drawing.columnEdges.push_back({from, rowOf(edge.from), to, rowOf(edge.to), edge.transform,
            QString::fromStdString(m_graph->column(edge.from).name),
            QString::fromStdString(m_graph->column(edge.to).name)});
    }
    m_scene->setDrawing(drawing);
    m_scene->setOverlay(m_overlay);
    m_scene->setHighlight(m_pathNodes, m_pathEdges, m_focus->isChecked());
    m_banner->setVisible(drawing.truncated > 0);
    m_banner->setText(
        tr("Showing the nearest %L1 resources; %L2 more are within the chosen depth. Each node "
           "shows how many neighbours are hidden; lower the depth or expand nodes one by one.")
            .arg(order.size())
            .arg(drawing.truncated));
    if (m_fitNext) {
        m_fitNext = false;
        m_view->fit();
        m_view->selectNode(m_visible->centre());
    }
    setStatus(m_message);
    Q_EMIT drawn();
}

void LineagePanel::setOverlay(const QString &pattern)
{
    const quint64 mine = ++m_overlayGeneration;
    if (pattern.isEmpty() || !m_graph) {
        m_overlay.clear();
        m_scene->setOverlay(m_overlay);
        return;
    }
    // Propagation walks the whole graph: on a worker.
    QtConcurrent::run([graph = m_graph, policy = m_session->policy(),
                          pattern = pattern.toStdString()] {
        std::unordered_map<NodeId, bool> reached;
        for (const PropagatedTag &tag : propagateTags(*graph, *policy, {pattern})) {
            bool &strong = reached[tag.resource];
            strong = strong || tag.strength == EvidenceStrength::Direct;
        }
        return reached;
    }).then(this, [this, mine, pattern](std::unordered_map<NodeId, bool> reached) {
        if (mine != m_overlayGeneration)
            return;
        m_overlay = std::move(reached);
        m_scene->setOverlay(m_overlay);
        std::size_t shown = 0;
        for (const auto &[node, strong] : m_overlay)
            shown += m_visible && m_visible->isShown(node);
        m_message = tr("%1 reaches %L2 resource(s), %L3 of them shown")
                        .arg(pattern)
                        .arg(m_overlay.size())
                        .arg(shown);
        setStatus(m_message);
    });
}

void LineagePanel::refreshOverlay()
{
    setOverlay(m_overlayEdit->text().trimmed());
}

void LineagePanel::onSelectionChanged()
{
    std::vector<NodeId> selected;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (item->type() == LineageNodeItem::Type)
            selected.push_back(static_cast<LineageNodeItem *>(item)->node().node);
    }
    if (selected.size() == 2) {
        highlightPaths(selected[0], selected[1]);
    } else if (!m_pathNodes.empty()) {
        m_pathNodes.clear();
        m_pathEdges.clear();
        m_scene->setHighlight({}, {}, false);
    }
}

void LineagePanel::highlightPaths(NodeId a, NodeId b)
{
    if (!m_graph || !m_visible)
        return;
    Traversal traversal(*m_graph);
    PathResult found = traversal.paths({a, b, 100, 32});
    if (found.paths.empty()) {
        found = traversal.paths({b, a, 100, 32});
        std::swap(a, b);
    }
    m_pathNodes.clear();
    m_pathEdges.clear();
    const QString from = titleOf(m_graph->resource(a).ref), to = titleOf(m_graph->resource(b).ref);
    if (found.paths.empty()) {
        m_message = tr("No lineage path between %1 and %2").arg(from, to);
        m_scene->setHighlight({}, {}, false);
        setStatus(m_message);
        return;
    }
    std::vector<NodeId> onPaths;
    for (const LineagePath &path : found.paths) {
        for (std::size_t i = 0; i < path.size(); ++i) {
            m_pathNodes.insert(path[i].node);
            onPaths.push_back(path[i].node);
            if (i > 0)
                m_pathEdges.insert({path[i - 1].node, path[i].node});
        }
    }
    m_message = tr("%n path(s) from %1 to %2, shortest %3 hops", nullptr, int(found.paths.size()))
                    .arg(from, to)
                    .arg(found.paths.front().size() - 1)
        + (found.truncated ? tr(" (the first %1; there are more)").arg(found.paths.size())
                           : QString());
    // Paths through nodes not on screen bring them in, so every path can be followed.
    if (!m_visible->show(onPaths).empty()) {
        m_message += tr("; hidden nodes on them are now shown");
        relayout(true);
        return;
    }
    m_scene->setHighlight(m_pathNodes, m_pathEdges, m_focus->isChecked());
    setStatus(m_message);
}

void LineagePanel::setFocusMode(bool on)
{
    if (m_focus->isChecked() != on)
        m_focus->setChecked(on);
    m_scene->setHighlight(m_pathNodes, m_pathEdges, on);
}

void LineagePanel::saveView()
{
    if (!m_visible || !m_graph || m_visible->centre() == kNoId)
        return;
    SavedView saved;
    saved.centre = m_graph->resource(m_visible->centre()).ref.toString();
    saved.up = m_up->value();
    saved.down = m_down->value();
    for (NodeId node : m_visible->nodes()) {
        saved.nodes.push_back(m_graph->resource(node).ref.toString());
        if (m_visible->columnsShown(node))
            saved.columns.push_back(saved.nodes.back());
    }
    // Every node's place, so the view comes back exactly as it is now.
    for (LineageNodeItem *item : m_scene->nodeItems())
        saved.pinned[item->node().ref.toString()] = item->pos();
    saved.overlay = m_overlayEdit->text().trimmed();
    QtConcurrent::run(&ioThreads(), [locator = m_session->locator(), saved]() -> QString {
        auto store = UserDataStore::open(userDataPath(locator).toStdString());
        if (!store)
            return QString::fromStdString(store.error().toString());
        auto put = (*store)->put(kSavedViewsArea, saved.centre, saved.toJson().toStdString());
        return put ? QString() : QString::fromStdString(put.error().toString());
    }).then(this, [this, centre = saved.centre](const QString &error) {
        m_message
            = error.isEmpty() ? tr("View saved for %1").arg(QString::fromStdString(centre)) : error;
        setStatus(m_message);
    });
}

void LineagePanel::forgetView()
{
    if (!m_visible || !m_graph || m_visible->centre() == kNoId)
        return;
    const NodeId centre = m_visible->centre();
    const std::string key = m_graph->resource(centre).ref.toString();
    QtConcurrent::run(&ioThreads(), [locator = m_session->locator(), key]() -> QString {
        auto store = UserDataStore::open(userDataPath(locator).toStdString());
        if (!store)
            return QString::fromStdString(store.error().toString());
        auto removed = (*store)->remove(kSavedViewsArea, key);
        return removed ? QString() : QString::fromStdString(removed.error().toString());
    }).then(this, [this](const QString &error) {
        if (!error.isEmpty())
            setStatus(error);
    });
    m_pinned.clear();
    m_pathNodes.clear();
    m_pathEdges.clear();
    const QSignalBlocker upBlocker(m_up), downBlocker(m_down);
    m_up->setValue(1);
    m_down->setValue(1);
    m_visible->reset(centre, 1, 1);
    m_message = tr("Back to one hop each way");
    m_fitNext = true;
    relayout(false);
}

QString LineagePanel::exportAs(LineageExportFormat format, const QString &path, double scale)
{
    if (!m_graph || m_scene->nodeItems().empty())
        return tr("Nothing is drawn yet.");
    const std::string title = "Lineage of " + (m_subject ? m_subject->toString() : std::string());
    const std::string asOf = m_session->asOf().toString();
    return exportLineage(
        *m_scene, drawnGraph(*m_scene, title, asOf, m_graph->fingerprint()), format, path, scale);
}

QString LineagePanel::statusText() const
{
    return m_status->text();
}

void LineagePanel::setStatus(const QString &text)
{
    QString status = tr("%n node(s)", nullptr, int(m_scene->nodeItems().size()));
    status += tr(" · %n edge(s)", nullptr, int(m_scene->drawing().edges.size()));
    status += tr(" · %n crossing(s)", nullptr, int(m_scene->drawing().crossings));
    if (!text.isEmpty())
        status += QStringLiteral(" · ") + text;
    m_status->setText(status);
}

} // namespace tributary::ui
