// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QObject>
#include <QString>

#include "tributary/docs/handbook.h"

class QAction;
class QMenu;
class QWidget;

namespace tributary::ui {

class CatalogSession;

struct HandbookRequest {
    HandbookScope scope;
    QString title;
    QString path;
};

// File menu exports of documentation: the offline docs site and the PDF handbook, of the open
// catalog at the window's as-of point under its propagation policy. Each runs on a worker with
// progress that can be cancelled; nothing is left half-written (core writes the site beside
// its place and swaps it in; the PDF goes to a temporary file, then is renamed).
class DocumentExports : public QObject
{
    Q_OBJECT
public:
    DocumentExports(QWidget *window, CatalogSession *session);

    // Adds the exports to `menu`, before `before` (appended when null).
    void fillMenu(QMenu *menu, QAction *before = nullptr);
    // The assets selected in the window (or the shown one), offered as the handbook's scope.
    void setChosenAssets(std::vector<Ref> chosen) { m_chosen = std::move(chosen); }
    // Ask where (and, for the handbook, what), then export.
    void exportSite();
    void exportHandbook();
    void exportSiteTo(const QString &folder);
    void exportHandbookTo(const HandbookRequest &request);

Q_SIGNALS:
    // `summary` says what was written; `error` why nothing was (empty on success).
    void siteExported(const QString &folder, const QString &summary, const QString &error);
    void handbookExported(const QString &path, const QString &summary, const QString &error);

private:
    struct Outcome {
        QString summary;
        QString error;
    };
    struct Progress;
    template <typename Work, typename Done>
    void runWithProgress(const QString &label, Work work, Done done);
    void offerToOpen(const QString &title, const QString &text, const QString &file);

    QWidget *m_window;
    CatalogSession *m_session;
    std::vector<Ref> m_chosen;
    bool m_busy = false;
};

} // namespace tributary::ui
