// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMouseEvent>
#include <QSettings>
#include <QMessageBox>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "asofselector.h"
#include "assetaddress.h"
#include "catalogactions.h"
#include "compliancepanel.h"
#include "detailview.h"
#include "diffview.h"
#include "diagnosticsdock.h"
#include "navigatormodel.h"
#include "resourcelistmodel.h"

namespace tributary::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new CatalogSession(this))
    , m_navigatorModel(new NavigatorModel(this))
    , m_listModel(new ResourceListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Tributary"));
    m_proxy->setSourceModel(m_listModel);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_navigator = new QListView;
    m_navigator->setModel(m_navigatorModel);
    m_list = new QTableView;
    m_list->setModel(m_proxy);
    m_list->setSortingEnabled(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAlternatingRowColors(true);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    // Rows keep the catalog's (or the search's relevance) order until a header is clicked.
    m_list->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_detail = new DetailView;

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigator);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({180, 520, 700});
    // A strip across the window while it shows an earlier point in history.
    m_asOfBanner = new QLabel;
    m_asOfBanner->setStyleSheet(QStringLiteral("QLabel { background: #f5c542; color: black; padding: 4px 10px;"
                                               " font-weight: bold; }"));
    m_asOfBanner->setVisible(false);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_asOfBanner);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_status = new QLabel;
    statusBar()->addPermanentWidget(m_status);
    m_dock = new DiagnosticsDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    m_compliance = new CompliancePanel(m_session, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_compliance);
    tabifyDockWidget(m_compliance, m_dock);
    m_compliance->raise();
    m_actions = new CatalogActions(this, m_dock);
    connect(m_actions, &CatalogActions::openRequested, this, &MainWindow::openCatalog);
    connect(m_actions, &CatalogActions::importFailed, this, [this](const QString &message) {
        m_detail->showMessage(tr("Import failed"), message);
    });
    buildActions();
    buildMenus();
    // Where the window was, and how its docks were laid out, last time.
    qApp->installEventFilter(this);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());

    connect(m_session, &CatalogSession::opened, this, [this](const QString &locator, const auto &imports) {
        m_status->setText(tr("%1 · %n import(s)", nullptr, int(imports.size())).arg(locator));
        m_asOf->setImports(imports);
        m_session->requestList({});
    });
    connect(m_session, &CatalogSession::failed, this, [this](const QString &message) {
        m_detail->showMessage(tr("Something went wrong"), message);
    });
    connect(m_session, &CatalogSession::listReady, this, [this](const std::vector<ResourceSummary> &rows) {
        if (!m_navigator->currentIndex().isValid() || m_navigator->currentIndex().row() == 0)
            m_navigatorModel->setCounts(rows);
        m_listModel->setRows(rows);
        m_list->resizeColumnToContents(ResourceListModel::RefColumn);
    });
    connect(m_session, &CatalogSession::searchReady, this, [this](const QString &text, const auto &rows) {
        if (text == m_lastSearch)
            m_listModel->setRows(rows);
    });
    connect(m_session, &CatalogSession::searchRejected, this, [this](const QString &, const QString &reason) {
        statusBar()->showMessage(reason, 4000);
    });
    connect(m_session, &CatalogSession::detailReady, this, [this](const ResourceDetail &detail) {
        m_detail->showDetail(detail);
        m_address->setText(addressOf(detail.stored.resource.ref).toString());
    });
    connect(m_navigator->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                m_search->clear();
                m_session->requestList(m_navigatorModel->filterAt(index));
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (index.isValid())
            navigateTo(m_listModel->summaryAt(m_proxy->mapToSource(index)).ref);
    });
    m_diff = new DiffView;
    m_diff->setParent(this, Qt::Window);
    m_diff->setWindowTitle(tr("Compare versions"));
    m_diff->resize(900, 700);
    connect(m_detail, &DetailView::compareRequested, m_session, &CatalogSession::requestDiff);
    connect(m_session, &CatalogSession::diffReady, this, [this](const VersionDiff &diff) {
        m_diff->showDiff(diff);
        m_diff->show();
        m_diff->raise();
    });
    connect(m_detail, &DetailView::assetRequested, this, [this](const QUrl &url) {
        if (const auto ref = refFromAddress(url))
            navigateTo(*ref);
    });
}

void MainWindow::buildActions()
{
    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigation"));
    toolbar->setMovable(false);
    m_back = toolbar->addAction(tr("Back"), this, &MainWindow::goBack);
    m_back->setShortcut(QKeySequence::Back);
    m_forward = toolbar->addAction(tr("Forward"), this, &MainWindow::goForward);
    m_forward->setShortcut(QKeySequence::Forward);
    m_address = new QLineEdit;
    m_address->setPlaceholderText(tr("tributary://feature/name@version"));
    m_address->setClearButtonEnabled(true);
    toolbar->addWidget(m_address);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search (Ctrl+K): words, kind:, tag:, owner:, stage:"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    toolbar->addWidget(m_search);
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(focusSearch, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);
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

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The mouse's own back and forward buttons, as in a browser, wherever in this window.
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *widget = qobject_cast<QWidget *>(watched);
        const auto button = static_cast<QMouseEvent *>(event)->button();
        if (widget && widget->window() == this && (button == Qt::BackButton || button == Qt::ForwardButton)) {
            button == Qt::BackButton ? goBack() : goForward();
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

void MainWindow::buildMenus()
{
    m_actions->fillMenu(menuBar()->addMenu(tr("&File")));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_compliance->toggleViewAction());
    view->addAction(m_dock->toggleViewAction());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, [this] {
        QMessageBox::information(this, tr("Keyboard shortcuts"),
                                 tr("<table>"
                                    "<tr><td><b>Ctrl+K</b></td><td>Search (words, kind:, tag:, owner:, stage:)</td></tr>"
                                    "<tr><td><b>Enter</b></td><td>in search: open the first result</td></tr>"
                                    "<tr><td><b>Alt+Left / Alt+Right</b></td><td>Back / Forward</td></tr>"
                                    "<tr><td><b>Ctrl+O</b></td><td>Open a catalog</td></tr>"
                                    "<tr><td><b>Ctrl+I</b></td><td>Import a catalog folder</td></tr>"
                                    "<tr><td><b>F1</b></td><td>This list</td></tr>"
                                    "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr></table>"));
    });
    help->addAction(tr("&About Tributary"), this, [this] {
        QMessageBox::about(this, tr("About Tributary"),
                           tr("<h3>Tributary %1</h3><p>A browser for an ML feature and lineage catalog.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setAsOf(const AsOf &asOf)
{
    m_session->setAsOf(asOf);
    m_asOf->select(asOf);
    m_asOfBanner->setVisible(!asOf.isLatest());
    m_asOfBanner->setText(tr("Viewing the catalog as it stood at %1: lists, documents and lineage are from then. "
                             "Choose Latest in the toolbar to return.")
                              .arg(m_asOf->currentText()));
    search(m_search->text());
    if (const auto current = m_history.current())
        showAsset(*current);
}

void MainWindow::openCatalog(const QString &locator)
{
    m_history = {};
    updateNavigationActions();
    m_detail->showMessage(tr("Opening"), locator);
    m_session->open(locator);
}

void MainWindow::search(const QString &text)
{
    // One letter matches most of a large catalog; results start from the second.
    if (text.trimmed().size() == 1)
        return;
    m_lastSearch = text.trimmed().isEmpty() ? QString() : text;
    if (text.trimmed().isEmpty())
        m_session->requestList(m_navigatorModel->filterAt(m_navigator->currentIndex()));
    else
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
    m_compliance->setSubject(ref);
    m_session->requestDetail(ref);
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

} // namespace tributary::ui
