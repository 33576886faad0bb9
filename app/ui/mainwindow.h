// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include "catalogsession.h"
#include "navigationhistory.h"

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTableView;
class QLabel;
class QMouseEvent;
class QCloseEvent;

namespace tributary::ui {

class AsOfSelector;
class CatalogActions;
class CompliancePanel;
class DiffView;
class DetailView;
class DiagnosticsDock;
class NavigatorModel;
class ResourceListModel;

// The window: layout and navigation only. Catalog work happens in CatalogSession; views adapt
// its results.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void openCatalog(const QString &locator);
    // Shows an asset and records it in the history.
    void navigateTo(const Ref &ref);
    void goBack();
    void goForward();
    void search(const QString &text);

    CatalogSession &session() { return *m_session; }
    ResourceListModel &listModel() { return *m_listModel; }
    DetailView &detailView() { return *m_detail; }
    CatalogActions &catalogActions() { return *m_actions; }
    DiagnosticsDock &diagnosticsDock() { return *m_dock; }
    CompliancePanel &compliancePanel() { return *m_compliance; }
    // The side-by-side comparison of two versions (a window of its own).
    DiffView &diffView() { return *m_diff; }
    // Shows the whole window (lists, docs, lineage) as the catalog stood at `asOf`.
    void setAsOf(const AsOf &asOf);
    const NavigationHistory &history() const { return m_history; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void showAsset(const Ref &ref);
    void updateNavigationActions();
    void onAddressEntered();

    CatalogSession *m_session = nullptr;
    NavigatorModel *m_navigatorModel = nullptr;
    ResourceListModel *m_listModel = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QListView *m_navigator = nullptr;
    QTableView *m_list = nullptr;
    DetailView *m_detail = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    AsOfSelector *m_asOf = nullptr;
    QLabel *m_asOfBanner = nullptr;
    DiagnosticsDock *m_dock = nullptr;
    CatalogActions *m_actions = nullptr;
    CompliancePanel *m_compliance = nullptr;
    DiffView *m_diff = nullptr;
    NavigationHistory m_history;
    QString m_lastSearch; // results of any other search arrive too late and are dropped
};

} // namespace tributary::ui
