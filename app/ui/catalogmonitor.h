// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// Watches the open catalog from a worker thread: notices imports made elsewhere (CI jobs into a
// shared catalog, another window), and, once a request finds the connection lost, tries again
// with growing pauses (1, 2, 4 ... 30 s) until the catalog answers. Never blocks the UI thread.
class CatalogMonitor : public QObject
{
    Q_OBJECT
public:
    explicit CatalogMonitor(QObject *parent = nullptr);

    // Starts watching `locator`, which the window is opening: from now on a lost connection is
    // retried, even one lost before the catalog was first read.
    void watch(const QString &locator);
    // The window has read the catalog up to `latest` (nullopt: it has no imports); newer imports
    // from now on are news.
    void setLatest(std::optional<ImportId> latest);
    // A request could not reach the catalog: say so, and start trying again.
    void connectionLost(const QString &message);
    // Tries again now (the "Retry now" of the window's strip).
    void retryNow();
    bool isLost() const { return m_lost; }
    // How often to look for new imports: a server is asked less often than a file.
    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

    // How a check asks the catalog for an import newer than `known` (run on a worker). The
    // default opens its own connection; tests put a failing or flaky one here.
    using Probe = std::function<Result<std::optional<ImportRecord>>(const std::string &connection,
                                                                    std::optional<ImportId> known)>;
    void setProbe(Probe probe) { m_probe = std::move(probe); }
    // Checks now (otherwise the poll timer does).
    void checkNow() { check(); }
    int backoffSeconds() const { return m_backoff; }

Q_SIGNALS:
    // Someone imported: `latest` is the newest import now (the window offers to refresh).
    void newImport(const tributary::ImportRecord &latest);
    void lost(const QString &message, int retryInSeconds);
    void restored();

private:
    void check();

    QString m_locator;
    std::optional<ImportId> m_latest;
    bool m_latestKnown = false;
    Probe m_probe;
    QTimer m_poll;
    QTimer m_retry;
    int m_backoff = 1; // seconds before the next try
    bool m_lost = false;
    bool m_checking = false;
    quint64 m_generation = 0; // a check for a catalog no longer watched is dropped
};

} // namespace tributary::ui
