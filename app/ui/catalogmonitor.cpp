// SPDX-License-Identifier: Apache-2.0
#include "catalogmonitor.h"

#include <QtConcurrent/QtConcurrentRun>

#include "iothreads.h"
#include "sessionsecrets.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui {
namespace {

constexpr int kMaxBackoffSeconds = 30;

// The newest import of the catalog when it is newer than `known` (nullopt otherwise), asked
// over a connection of its own: this check runs while the session's connections may be broken.
Result<std::optional<ImportRecord>> newerImport(const std::string &locator, std::optional<ImportId> known)
{
    auto store = openCatalogStore(locator, OpenMode::ReadOnly);
    if (!store)
        return tl::unexpected(store.error());
    auto latest = (*store)->resolve(AsOf::latest());
    if (!latest)
        return tl::unexpected(latest.error());
    if (!*latest || (known && **latest <= *known))
        return std::optional<ImportRecord>();
    auto imports = (*store)->imports(); // only when there is news: it reads every import's files
    if (!imports)
        return tl::unexpected(imports.error());
    return imports->empty() ? std::optional<ImportRecord>() : std::optional<ImportRecord>(imports->back());
}

} // namespace

CatalogMonitor::CatalogMonitor(QObject *parent)
    : QObject(parent)
    , m_probe(newerImport)
{
    qRegisterMetaType<tributary::ImportRecord>();
    m_poll.setInterval(10000);
    connect(&m_poll, &QTimer::timeout, this, &CatalogMonitor::check);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &CatalogMonitor::check);
}

void CatalogMonitor::watch(const QString &locator)
{
    ++m_generation;
    m_locator = locator;
    m_latest.reset();
    m_latestKnown = false;
    m_lost = false;
    m_backoff = 1;
    m_retry.stop();
    m_poll.stop(); // until the window has read the catalog: nothing to compare with before
}

void CatalogMonitor::setLatest(std::optional<ImportId> latest)
{
    m_latest = latest;
    m_latestKnown = true;
    if (m_lost)
        return; // the retries go on; polling resumes when the catalog answers
    m_poll.setInterval(isServerLocator(m_locator.toStdString()) ? 10000 : 5000);
    m_poll.start();
}

void CatalogMonitor::connectionLost(const QString &message)
{
    if (m_lost)
        return; // already trying
    m_lost = true;
    m_backoff = 1;
    m_poll.stop();
    Q_EMIT lost(message, m_backoff);
    m_retry.start(m_backoff * 1000);
}

void CatalogMonitor::retryNow()
{
    m_retry.stop();
    check();
}

void CatalogMonitor::check()
{
    if (m_checking || m_locator.isEmpty())
        return;
    m_checking = true;
    const quint64 mine = m_generation;
    QtConcurrent::run(&ioThreads(), [probe = m_probe, locator = connectionString(m_locator), known = m_latest] {
        return probe(locator, known);
    })
        .then(this, [this, mine](Result<std::optional<ImportRecord>> newest) {
            m_checking = false;
            if (mine != m_generation)
                return;
            if (!newest) {
                if (newest.error().code != ErrorCode::Unavailable && !m_lost)
                    return; // not a connection problem: the requests themselves will say what
                m_lost = true;
                m_poll.stop();
                m_backoff = std::min(kMaxBackoffSeconds, m_backoff * 2);
                Q_EMIT lost(QString::fromStdString(newest.error().toString()), m_backoff);
                m_retry.start(m_backoff * 1000);
                return;
            }
            if (m_lost) {
                m_lost = false;
                m_backoff = 1;
                if (m_latestKnown)
                    m_poll.start();
                Q_EMIT restored();
            }
            if (*newest && m_latestKnown) {
                m_latest = (*newest)->id;
                Q_EMIT newImport(**newest);
            }
        });
}

} // namespace tributary::ui
