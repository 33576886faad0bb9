// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMenuBar>
#include <QMouseEvent>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "asofselector.h"
#include "assetaddress.h"
#include "breadcrumbbar.h"
#include "catalogactions.h"
#include "catalogmonitor.h"
#include "compliancepanel.h"
#include "dashboardview.h"
#include "detailview.h"
#include "diagnosticsdock.h"
#include "diffview.h"
#include "documentexports.h"
#include "featurestatschart.h"
#include "helpdialogs.h"
#include "lineagepanel.h"
#include "navigatormodel.h"
#include "noticebar.h"
#include "resourcelistmodel.h"
#include "reviewbar.h"
#include "reviewpanel.h"
#include "reviewstore.h"
#include "sessionsecrets.h"

namespace tributary::ui {
namespace {

bool isEverything(const ResourceFilter &filter)
{
    return !filter.kind && filter.tag.empty() && filter.owner.empty() && !filter.stage
        && filter.name.empty();
}

// `top` above `main`, edge to edge; `main` takes the height.
QWidget *stacked(QWidget *top, QWidget *main)
{
    auto *widget = new QWidget;
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(top);
    layout->addWidget(main, 1);
    return widget;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new CatalogSession(this))
    , m_navigatorModel(new NavigatorModel(this))
    , m_listModel(new ResourceListModel(this))
{
    setWindowTitle(tr("Tributary"));
    setCentralWidget(buildCentre());
    m_status = new QLabel;
    statusBar()->addPermanentWidget(m_status);
    m_dock = new DiagnosticsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    m_compliance = new CompliancePanel(m_session, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_compliance);
    tabifyDockWidget(m_compliance, m_dock);
    m_reviewPanel = new ReviewPanel(m_reviews, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_reviewPanel);
    tabifyDockWidget(m_compliance, m_reviewPanel);
    connect(m_reviewPanel, &ReviewPanel::openRequested, this, [this](const Ref &ref) {
        navigateTo(ref);
        showLineageTab(false);
    });
    m_compliance->raise();
    m_actions = new CatalogActions(this, m_dock);
    m_exports = new DocumentExports(this, m_session);
    connect(m_actions, &CatalogActions::openRequested, this, &MainWindow::openCatalog);
    connect(m_actions, &CatalogActions::importFailed, this,
        [this](const QString &message) { m_detail->showMessage(tr("Import failed"), message); });
    connect(m_compliance, &CompliancePanel::policyChosen, this, &MainWindow::choosePolicy);
    buildToolbar();
    buildShortcuts();
    buildMenus();
    connectSession();
    m_diff = new DiffView;
    m_diff->setParent(this, Qt::Window);
    m_diff->setWindowTitle(tr("Compare versions"));
    m_diff->resize(1000, 720);
    connect(m_detail, &DetailView::compareRequested, m_session, &CatalogSession::requestDiff);
    connect(m_diff, &DiffView::compareRequested, m_session, &CatalogSession::requestDiff);

    // Where the window was, and how its docks were laid out, last time; a first start gives
    // the details most of the height.
    qApp->installEventFilter(this);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // Docks take their size once the window is laid out.
        QTimer::singleShot(0, this, [this] { resizeDocks({m_compliance}, {200}, Qt::Vertical); });
    }
}

QWidget *MainWindow::buildCentre()
{
    m_navigator = new QListView;
    m_navigator->setModel(m_navigatorModel);
    m_navigator->setAccessibleName(tr("Navigator"));
    m_list = new QTableView;
    m_list->setModel(m_listModel);
    m_list->setAccessibleName(tr("Resources"));
    m_list->setSortingEnabled(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows can be chosen (Ctrl/Shift+click), e.g. for a handbook of them.
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTabKeyNavigation(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAlternatingRowColors(true);
    // Rows keep the catalog's (or the search's relevance) order until a header is clicked.
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->setColumnWidth(ResourceListModel::RefColumn, 260);
    m_detail = new DetailView;
    m_detail->setAccessibleName(tr("Details"));
    m_breadcrumb = new BreadcrumbBar;
    // The details and the lineage graph of the shown asset, as two tabs under one breadcrumb.
    m_lineage = new LineagePanel(m_session);
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    // The details tab: the review note above the documentation, a feature's statistics below.
    m_detailsTab = new QWidget;
    auto *detailsLayout = new QVBoxLayout(m_detailsTab);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(0);
    m_reviews = new ReviewStore(m_session, this);
    m_reviewBar = new ReviewBar(m_reviews);
    detailsLayout->addWidget(m_reviewBar);
    detailsLayout->addWidget(m_detail, 1);
    m_featureStats = new FeatureStatsChart;
    detailsLayout->addWidget(m_featureStats);
    m_tabs->addTab(m_detailsTab, tr("&Details"));
    m_tabs->addTab(m_lineage, tr("&Lineage graph"));
    m_dashboard = new DashboardView(m_session);
    m_tabs->addTab(m_dashboard, tr("Dash&board"));
    QWidget *detailPane = stacked(m_breadcrumb, m_tabs);
    connect(m_lineage, &LineagePanel::openRequested, this, [this](const Ref &ref) {
        navigateTo(ref);
        m_tabs->setCurrentWidget(m_detailsTab);
    });

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigator);
    splitter->addWidget(m_list);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({200, 500, 700});
    // A strip across the window while it shows an earlier point in history.
    m_asOfBanner = new QLabel;
    m_asOfBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #f5c542; color: black; padding: 4px 10px;"
                       " font-weight: bold; }"));
    m_asOfBanner->setVisible(false);
    // Strips across the window: an earlier point in history, a lost connection, news.
    m_connectionBar = new NoticeBar(NoticeBar::Tone::Warning, tr("Retry now"));
    m_newsBar = new NoticeBar(NoticeBar::Tone::Information, tr("Refresh"));
    auto *bars = new QWidget;
    auto *barLayout = new QVBoxLayout(bars);
    barLayout->setContentsMargins(0, 0, 0, 0);
    barLayout->setSpacing(0);
    for (QWidget *bar : {static_cast<QWidget *>(m_asOfBanner), static_cast<QWidget *>(m_connectionBar),
                         static_cast<QWidget *>(m_newsBar)})
        barLayout->addWidget(bar);
    QWidget *central = stacked(bars, splitter);

    connect(m_navigator->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) {
            if (!index.isValid())
                return;
            m_search->clear();
            showList(m_navigatorModel->filterAt(index));
        });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) {
            if (index.isValid())
                navigateTo(m_listModel->summaryAt(index).ref);
        });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (const auto shown = m_history.current())
            m_exports->setChosenAssets(chosenAssets(*shown));
    });
    connect(m_detail, &DetailView::assetRequested, this, [this](const QUrl &url) {
        if (const auto ref = refFromAddress(url))
            navigateTo(*ref);
    });
    connect(m_breadcrumb, &BreadcrumbBar::catalogChosen, this,
        [this] { m_navigator->setCurrentIndex(m_navigatorModel->index(0)); });
    connect(m_breadcrumb, &BreadcrumbBar::kindChosen, this, [this](ResourceKind kind) {
        m_navigator->setCurrentIndex(m_navigatorModel->indexOfKind(kind));
    });
    connect(m_breadcrumb, &BreadcrumbBar::nameChosen, this,
        [this](ResourceKind kind, const QString &name) {
            ResourceFilter filter;
            filter.kind = kind;
            filter.name = name.toStdString();
            const QSignalBlocker blocker(m_navigator->selectionModel());
            m_navigator->clearSelection();
            m_navigator->setCurrentIndex({});
            m_search->clear();
            showList(filter);
            statusBar()->showMessage(tr("Every version of %1").arg(name), 4000);
        });
    connect(m_breadcrumb, &BreadcrumbBar::assetChosen, this, &MainWindow::navigateTo);
    return central;
}

void MainWindow::buildToolbar()
{
    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigation"));
    toolbar->setMovable(false);
    m_back = toolbar->addAction(tr("Back"), this, &MainWindow::goBack);
    m_back->setShortcut(QKeySequence::Back);
    m_back->setToolTip(tr("Back (Alt+Left)"));
    m_forward = toolbar->addAction(tr("Forward"), this, &MainWindow::goForward);
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setToolTip(tr("Forward (Alt+Right)"));
    m_address = new QLineEdit;
    m_address->setPlaceholderText(tr("tributary://feature/name@version"));
    m_address->setClearButtonEnabled(true);
    m_address->setAccessibleName(tr("Address"));
    toolbar->addWidget(m_address);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search (Ctrl+K): words, kind:, tag:, owner:, stage:"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_search->setAccessibleName(tr("Search"));
    m_search->installEventFilter(this);
    toolbar->addWidget(m_search);
    connect(m_search, &QLineEdit::textEdited, this, &MainWindow::search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_listModel->rowCount() > 0)
            navigateTo(m_listModel->summaryAt(m_listModel->index(0, 0)).ref);
    });
    connect(m_address, &QLineEdit::returnPressed, this, &MainWindow::onAddressEntered);
    m_asOf = new AsOfSelector;
    toolbar->addWidget(m_asOf);
    connect(m_asOf, &AsOfSelector::asOfChosen, this, &MainWindow::setAsOf);
    updateNavigationActions();
}

void MainWindow::buildShortcuts()
{
    const auto shortcut = [this](QKeySequence keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_L), [this] {
        m_address->setFocus(Qt::ShortcutFocusReason);
        m_address->selectAll();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_1),
        [this] { m_navigator->setFocus(Qt::ShortcutFocusReason); });
    shortcut(
        QKeySequence(Qt::CTRL | Qt::Key_2), [this] { m_list->setFocus(Qt::ShortcutFocusReason); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_3),
        [this] {
            m_tabs->setCurrentWidget(m_detailsTab);
            m_detail->setFocus(Qt::ShortcutFocusReason);
        });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
        m_tabs->setCurrentWidget(m_lineage);
        m_lineage->setFocus(Qt::ShortcutFocusReason);
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
        m_compliance->show();
        m_compliance->raise();
        m_compliance->run();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_actions->fillMenu(file);
    // The exports go above Quit, the menu's last entry.
    m_exports->fillMenu(file, file->actions().isEmpty() ? nullptr : file->actions().last());
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy address"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), this,
        &MainWindow::copyAddress);
    // Undo and redo, first as usual, act on review notes: the one thing the app changes.
    QAction *undo = m_reviews->undoStack().createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_reviews->undoStack().createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    QAction *first = edit->actions().value(0);
    edit->insertActions(first, {undo, redo});
    edit->insertSeparator(first);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(
        tr("&Dashboard"), QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::showDashboard);
    view->addAction(m_compliance->toggleViewAction());
    view->addAction(m_dock->toggleViewAction());
    view->addAction(m_reviewPanel->toggleViewAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this,
        [this] { showKeyboardShortcuts(this); });
    help->addAction(tr("&About Tributary"), this, [this] { showAbout(this); });
}

void MainWindow::connectSession()
{
    connect(m_session, &CatalogSession::opened, this,
        [this](const QString &locator, const auto &imports) {
            const bool server = isServerLocator(locator.toStdString());
            // A server by its whole locator (there is no file name); a file by its name.
            const QString name = server ? locator : locator.section(QLatin1Char('/'), -1);
            m_status->setText(tr("%1 · %n import(s)", nullptr, int(imports.size())).arg(locator)
                              + (server ? tr(" · read-only") : QString()));
            setWindowTitle(tr("%1 – Tributary").arg(name));
            m_actions->setCurrent(locator);
            m_newsBar->hide();
            if (!m_history.current()) {
                m_detail->showMessage(name,
                                      tr("%n import(s), the last at %1. Choose an asset in the list, or search with "
                                         "Ctrl+K.",
                                         nullptr, int(imports.size()))
                                          .arg(imports.empty() ? tr("never")
                                                               : QString::fromStdString(imports.back().at.toIso())));
            }
            m_asOf->setImports(imports);
            m_session->setPolicy(CatalogActions::policyFor(locator));
            const bool again = locator == m_openedLocator; // a refresh keeps the list as it was
            m_openedLocator = locator;
            if (again && !m_search->text().trimmed().isEmpty()) {
                search(m_search->text());
                return;
            }
            if (!again || !m_navigator->currentIndex().isValid())
                m_navigator->setCurrentIndex(m_navigatorModel->index(0));
            showList(m_navigatorModel->filterAt(m_navigator->currentIndex()));
        });
    // A shared catalog: imports made elsewhere, and a connection that can drop.
    CatalogMonitor &monitor = m_session->monitor();
    connect(&monitor, &CatalogMonitor::newImport, this, [this](const ImportRecord &latest) {
        m_newsBar->show(tr("The catalog has a new import: %1, by %2 at %3.")
                            .arg(latest.id.value)
                            .arg(QString::fromStdString(latest.author), QString::fromStdString(latest.at.toIso())));
    });
    connect(m_newsBar, &NoticeBar::actionTriggered, this, &MainWindow::refresh);
    connect(&monitor, &CatalogMonitor::lost, this, [this](const QString &message, int retryInSeconds) {
        m_connectionBar->show(tr("Cannot reach the catalog: %1\nTrying again in %n second(s); what is shown is "
                                 "from before.",
                                 nullptr, retryInSeconds)
                                  .arg(message));
    });
    connect(m_connectionBar, &NoticeBar::actionTriggered, &monitor, &CatalogMonitor::retryNow);
    connect(&monitor, &CatalogMonitor::restored, this, [this] {
        m_connectionBar->hide();
        statusBar()->showMessage(tr("The catalog answers again."), 4000);
        refresh();
    });
    connect(m_actions, &CatalogActions::offlineCopyFinished, this, [this](const QString &path, const QString &error) {
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Offline copy"), error);
            return;
        }
        if (QMessageBox::question(this, tr("Offline copy"),
                                  tr("Wrote %1 with the catalog's whole history. Open it now?").arg(path))
            == QMessageBox::Yes)
            openCatalog(path);
    });
    connect(m_session, &CatalogSession::openFailed, this, [this](const QString &message) {
        m_openFailed = true;
        m_detail->showMessage(tr("The catalog cannot be opened"), message);
    });
    connect(m_session, &CatalogSession::failed, this, [this](const QString &message) {
        if (m_openFailed)
            return; // the reads that follow an open fail too; why the open failed is what to show
        m_detail->showMessage(tr("Something went wrong"), message);
    });
    connect(m_session, &CatalogSession::listReady, this,
        [this](const std::vector<ResourceSummary> &rows) {
            if (!m_lastSearch.isEmpty())
                return; // a search was typed since: its results are what to show
            if (m_recount) {
                m_navigatorModel->setCounts(rows);
                const QSignalBlocker blocker(m_navigator->selectionModel());
                m_navigator->setCurrentIndex(m_navigatorModel->index(0));
            }
            m_listModel->setRows(rows);
        });
    connect(m_session, &CatalogSession::searchReady, this,
        [this](const QString &text, const auto &rows) {
            if (text == m_lastSearch)
                m_listModel->setRows(rows);
        });
    connect(m_session, &CatalogSession::searchRejected, this,
        [this](const QString &, const QString &reason) { statusBar()->showMessage(reason, 4000); });
    connect(m_session, &CatalogSession::detailReady, this, [this](const ResourceDetail &detail) {
        m_detail->showDetail(detail);
        m_featureStats->showResource(detail.stored);
        m_reviewBar->setAsset(detail.stored.resource.ref);
        m_breadcrumb->setAsset(detail.stored.resource.ref, detail.versions);
        m_address->setText(addressOf(detail.stored.resource.ref).toString());
    });
    connect(m_session, &CatalogSession::diffReady, this, [this](const VersionDiff &diff) {
        m_diff->showDiff(diff);
        m_diff->show();
        m_diff->raise();
    });
    connect(m_session, &CatalogSession::policyChanged, this, [this](const PolicyChoice &choice) {
        if (hasErrors(choice.problems)) {
            m_dock->setDiagnostics(choice.problems);
            m_dock->show();
            m_dock->raise();
        }
        if (const auto current = m_history.current())
            showAsset(*current); // propagated tags follow the new rules
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse's own back and forward buttons, as in a browser, wherever in this window.
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *widget = qobject_cast<QWidget *>(watched);
        const auto button = static_cast<QMouseEvent *>(event)->button();
        if (widget && widget->window() == this
            && (button == Qt::BackButton || button == Qt::ForwardButton)) {
            button == Qt::BackButton ? goBack() : goForward();
            return true;
        }
    }
    // From the search field: Down goes to the results, Escape starts over.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down && m_listModel->rowCount() > 0) {
            m_list->setFocus(Qt::TabFocusReason);
            m_list->setCurrentIndex(m_listModel->index(0, 0));
            return true;
        }
        if (key == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            search(QString());
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::setAsOf(const AsOf &asOf)
{
    m_session->setAsOf(asOf);
    m_lineage->reset();
    m_dashboard->invalidate();
    m_asOf->select(asOf);
    m_asOfBanner->setVisible(!asOf.isLatest());
    m_asOfBanner->setText(
        tr("Viewing the catalog as it stood at %1: lists, search, documents and lineage are "
           "from then. Choose Latest in the toolbar to return.")
            .arg(m_asOf->currentText()));
    if (m_search->text().trimmed().isEmpty())
        showList(m_navigatorModel->filterAt(m_navigator->currentIndex()));
    else
        search(m_search->text());
    if (const auto current = m_history.current())
        showAsset(*current);
}

void MainWindow::openCatalog(const QString &typed)
{
    // From here on the catalog is named without its password, which stays in memory only.
    const QString locator = keepPasswordAside(typed);
    m_openFailed = false;
    m_history = {};
    updateNavigationActions();
    m_breadcrumb->clear();
    m_detail->showMessage(tr("Opening"), locator);
    m_featureStats->clear();
    m_reviewBar->setAsset(std::nullopt);
    m_lineage->reset();
    m_session->open(locator);
}

void MainWindow::showList(const ResourceFilter &filter)
{
    m_lastSearch.clear();
    // A full listing also recounts the navigator.
    m_recount = isEverything(filter);
    m_session->requestList(filter);
}

void MainWindow::search(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text); // searches started elsewhere show in the field too
    // One letter matches most of a large catalog; results start from the second.
    if (text.trimmed().size() == 1)
        return;
    if (text.trimmed().isEmpty()) {
        showList(m_navigatorModel->filterAt(m_navigator->currentIndex()));
        return;
    }
    m_lastSearch = text;
    m_session->requestSearch(text);
}

void MainWindow::navigateTo(const Ref &ref)
{
    m_history.visit(ref);
    showAsset(ref);
}

void MainWindow::goBack()
{
    if (const auto ref = m_history.back())
        showAsset(*ref);
}

void MainWindow::goForward()
{
    if (const auto ref = m_history.forward())
        showAsset(*ref);
}

void MainWindow::showAsset(const Ref &ref)
{
    updateNavigationActions();
    m_exports->setChosenAssets(chosenAssets(ref));
    m_compliance->setSubject(ref);
    m_lineage->setSubject(ref);
    m_session->requestDetail(ref);
}

std::vector<Ref> MainWindow::chosenAssets(const Ref &shown) const
{
    std::vector<Ref> chosen;
    for (const QModelIndex &row : m_list->selectionModel()->selectedRows())
        chosen.push_back(m_listModel->summaryAt(row).ref);
    if (std::find(chosen.begin(), chosen.end(), shown) == chosen.end())
        chosen = {shown};
    return chosen;
}

void MainWindow::updateNavigationActions()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

void MainWindow::onAddressEntered()
{
    if (const auto ref = refFromText(m_address->text())) {
        navigateTo(*ref);
        return;
    }
    // Not an address: treat it as a search.
    m_search->setText(m_address->text());
    search(m_address->text());
}

void MainWindow::refresh()
{
    // The catalog read anew (its imports, lists, the graph), staying on the asset shown.
    m_lineage->reset();
    m_session->open(m_session->locator());
    if (const auto current = m_history.current())
        showAsset(*current);
}

void MainWindow::showLineageTab(bool lineage) { m_tabs->setCurrentWidget(lineage ? static_cast<QWidget *>(m_lineage) : m_detailsTab); }

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_dashboard);
    m_dashboard->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::copyAddress()
{
    if (const auto current = m_history.current()) {
        QApplication::clipboard()->setText(addressOf(*current).toString());
        statusBar()->showMessage(tr("Copied %1").arg(addressOf(*current).toString()), 3000);
    }
}

void MainWindow::choosePolicy(const QString &path)
{
    CatalogActions::rememberPolicy(m_session->locator(), path);
    m_session->setPolicy(path);
}

} // namespace tributary::ui
