// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace tributary::ui {

class DiagnosticsDock;
class ImportJob;

// File menu work: open a catalog, import a folder (with progress that can be cancelled),
// recent catalogs, and the bundled sample on first start. Tells the window what to open.
class CatalogActions : public QObject
{
    Q_OBJECT
public:
    CatalogActions(QWidget *window, DiagnosticsDock *dock);

    void fillMenu(QMenu *menu);
    // Opens the most recent catalog, or imports the bundled sample into the user's data folder.
    void openInitialCatalog();
    // Imports the bundled sample into the user's data folder (a no-op when it is current), then
    // opens it.
    void openSample();
    // Imports `folder` into `catalog`; the window opens it when done.
    void importFolder(const QString &folder, const QString &catalog);
    // Recent catalogs, newest first; files that no longer exist are left out.
    static QStringList recentCatalogs();
    // The catalog the window shows (what Save offline copy copies).
    void setCurrent(const QString &catalog);
    // Asks for a server (ConnectDialog) and opens it.
    void connectToServer();
    // Asks where, then writes an offline copy of `catalog` (with its whole history) on a worker.
    void saveOfflineCopy(const QString &catalog);
    // Writes the offline copy to `path` on a worker; emits offlineCopyFinished.
    void writeOfflineCopyTo(const QString &catalog, const QString &path);
    // The propagation policy remembered for `catalog` ("" for none).
    static QString policyFor(const QString &catalog);
    static void rememberPolicy(const QString &catalog, const QString &policy);

Q_SIGNALS:
    void openRequested(const QString &catalog);
    void importFinished(bool ok);
    // Why an import failed, for people (the dock lists the catalog's problems).
    void importFailed(const QString &message);
    // An offline copy was written to `path` (or not: `error` says why).
    void offlineCopyFinished(const QString &path, const QString &error);

private:
    void remember(const QString &catalog);
    void refreshRecent();

    QWidget *m_window;
    DiagnosticsDock *m_dock;
    QMenu *m_recent = nullptr;
    QAction *m_offlineCopy = nullptr;
    QString m_current;
};

} // namespace tributary::ui
