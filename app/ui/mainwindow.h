// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include "catalogsession.h"
#include "navigationhistory.h"

class QCloseEvent;
class QLabel;
class QLineEdit;
class QListView;
class QTabWidget;
class QTableView;

namespace tributary::ui {

class AsOfSelector;
class BreadcrumbBar;
class CatalogActions;
class CompliancePanel;
class DashboardView;
class DetailView;
class DiagnosticsDock;
class DiffView;
class FeatureStatsChart;
class DocumentExports;
class LineagePanel;
class NoticeBar;
class NavigatorModel;
class ResourceListModel;
class ReviewBar;
class ReviewPanel;
class ReviewStore;

// The window: layout and navigation only. Catalog work happens in CatalogSession; views adapt
// its results.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a catalog file or server connection; a password in `typed` is kept in memory only.
    void openCatalog(const QString &typed);
    // Shows an asset and records it in the history.
    void navigateTo(const Ref &ref);
    void goBack();
    void goForward();
    void search(const QString &text);
    // Lists every resource matching `filter` (the navigator's choice, or a breadcrumb's).
    void showList(const ResourceFilter &filter);

    CatalogSession &session() { return *m_session; }
    ResourceListModel &listModel() { return *m_listModel; }
    QTableView &listView() { return *m_list; }
    QLineEdit &searchField() { return *m_search; }
    QLineEdit &addressField() { return *m_address; }
    DetailView &detailView() { return *m_detail; }
    LineagePanel &lineagePanel() { return *m_lineage; }
    // Brings the lineage graph tab (or the details) to the front.
    void showLineageTab(bool lineage);
    // Brings the dashboard tab to the front (View > Dashboard, Ctrl+D).
    void showDashboard();
    DashboardView &dashboard() { return *m_dashboard; }
    FeatureStatsChart &featureStatsChart() { return *m_featureStats; }
    // Reads the catalog anew (after someone imported, or the connection came back).
    void refresh();
    BreadcrumbBar &breadcrumb() { return *m_breadcrumb; }
    CatalogActions &catalogActions() { return *m_actions; }
    DocumentExports &documentExports() { return *m_exports; }
    DiagnosticsDock &diagnosticsDock() { return *m_dock; }
    CompliancePanel &compliancePanel() { return *m_compliance; }
    // The review notes of the open catalog, the bar above the docs and the Review view.
    ReviewStore &reviews() { return *m_reviews; }
    ReviewBar &reviewBar() { return *m_reviewBar; }
    ReviewPanel &reviewPanel() { return *m_reviewPanel; }
    // The side-by-side comparison of two versions (a window of its own).
    DiffView &diffView() { return *m_diff; }
    // Shows the whole window (lists, docs, lineage) as the catalog stood at `asOf`.
    void setAsOf(const AsOf &asOf);
    const NavigationHistory &history() const { return m_history; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildCentre();
    void buildToolbar();
    void buildShortcuts();
    void buildMenus();
    void connectSession();
    void showAsset(const Ref &ref);
    // The rows selected in the list, or `shown` when it is not among them.
    std::vector<Ref> chosenAssets(const Ref &shown) const;
    void updateNavigationActions();
    void onAddressEntered();
    void copyAddress();
    void choosePolicy(const QString &path);

    CatalogSession *m_session = nullptr;
    QString m_openedLocator; // the catalog last read: opening it again is a refresh
    NavigatorModel *m_navigatorModel = nullptr;
    ResourceListModel *m_listModel = nullptr;
    QListView *m_navigator = nullptr;
    QTableView *m_list = nullptr;
    BreadcrumbBar *m_breadcrumb = nullptr;
    DetailView *m_detail = nullptr;
    QWidget *m_detailsTab = nullptr; // the documentation and what goes with it
    LineagePanel *m_lineage = nullptr;
    DashboardView *m_dashboard = nullptr;
    FeatureStatsChart *m_featureStats = nullptr; // under the documentation, for stats
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    AsOfSelector *m_asOf = nullptr;
    QLabel *m_asOfBanner = nullptr;
    NoticeBar *m_connectionBar = nullptr;
    NoticeBar *m_newsBar = nullptr;
    DiagnosticsDock *m_dock = nullptr;
    CatalogActions *m_actions = nullptr;
    DocumentExports *m_exports = nullptr;
    CompliancePanel *m_compliance = nullptr;
    ReviewStore *m_reviews = nullptr;
    ReviewBar *m_reviewBar = nullptr;
    ReviewPanel *m_reviewPanel = nullptr;
    DiffView *m_diff = nullptr;
    NavigationHistory m_history;
    QString m_lastSearch; // results of any other search arrive too late and are dropped
    bool m_openFailed = false; // the catalog shown could not be opened: its reads fail too
    bool m_recount = false; // the list asked for is everything: it recounts the navigator
};

} // namespace tributary::ui
