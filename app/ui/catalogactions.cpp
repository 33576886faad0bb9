// SPDX-License-Identifier: Apache-2.0
#include "catalogactions.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>

#include "diagnosticsdock.h"
#include "importjob.h"

namespace tributary::ui {
namespace {

const QString kRecentKey = QStringLiteral("catalogs/recent");
constexpr int kRecentMax = 8;

// The bundled sample: installed beside the program's data, or in the source tree of a build.
QString sampleFolder()
{
    const QString installed = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                                     QStringLiteral("tributary/samples/acme"),
                                                     QStandardPaths::LocateDirectory);
    return installed.isEmpty() ? QStringLiteral(TRIBUTARY_SAMPLE_DIR) : installed;
}

} // namespace

CatalogActions::CatalogActions(QWidget *window, DiagnosticsDock *dock)
    : QObject(window)
    , m_window(window)
    , m_dock(dock)
{
}

QStringList CatalogActions::recentCatalogs()
{
    return QSettings().value(kRecentKey).toStringList();
}

void CatalogActions::remember(const QString &catalog)
{
    QStringList recent = recentCatalogs();
    recent.removeAll(catalog);
    recent.prepend(catalog);
    while (recent.size() > kRecentMax)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    refreshRecent();
}

void CatalogActions::refreshRecent()
{
    if (!m_recent)
        return;
    m_recent->clear();
    for (const QString &catalog : recentCatalogs())
        m_recent->addAction(catalog, this, [this, catalog] { Q_EMIT openRequested(catalog); });
    m_recent->setEnabled(!m_recent->isEmpty());
}

void CatalogActions::fillMenu(QMenu *menu)
{
    menu->addAction(tr("&Open catalog…"), QKeySequence::Open, this, [this] {
        const QString file = QFileDialog::getOpenFileName(m_window, tr("Open catalog"), QString(),
                                                          tr("Tributary catalogs (*.sqlite);;All files (*)"));
        if (!file.isEmpty()) {
            remember(file);
            Q_EMIT openRequested(file);
        }
    });
    menu->addAction(tr("&Import folder…"), QKeySequence(Qt::CTRL | Qt::Key_I), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Import a catalog folder"));
        if (folder.isEmpty())
            return;
        const QString catalog = QFileDialog::getSaveFileName(
            m_window, tr("Import into catalog"), QFileInfo(folder).fileName() + QStringLiteral(".sqlite"),
            tr("Tributary catalogs (*.sqlite)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!catalog.isEmpty())
            importFolder(folder, catalog);
    });
    m_recent = menu->addMenu(tr("Open &recent"));
    refreshRecent();
    menu->addSeparator();
    menu->addAction(tr("&Quit"), QKeySequence::Quit, m_window, &QWidget::close);
}

void CatalogActions::openInitialCatalog()
{
    const QStringList recent = recentCatalogs();
    if (!recent.isEmpty() && QFileInfo::exists(recent.first())) {
        Q_EMIT openRequested(recent.first());
        return;
    }
    openSample();
}

void CatalogActions::openSample()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(data);
    importFolder(sampleFolder(), data + QStringLiteral("/acme-sample.sqlite"));
}

void CatalogActions::importFolder(const QString &folder, const QString &catalog)
{
    auto *job = new ImportJob(folder, catalog, this);
    auto *dialog = new QProgressDialog(tr("Reading %1…").arg(folder), tr("Cancel"), 0, 0, m_window);
    dialog->setWindowTitle(tr("Import"));
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QProgressDialog::canceled, job, &ImportJob::cancel);
    connect(job, &ImportJob::progress, dialog, [dialog](int done, int total) {
        dialog->setMaximum(total);
        dialog->setValue(done);
    });
    connect(job, &ImportJob::finished, this, [this, job, dialog, catalog](const ImportOutcome &outcome) {
        dialog->close();
        job->deleteLater();
        m_dock->setDiagnostics(outcome.diagnostics);
        m_dock->setVisible(!outcome.diagnostics.empty());
        if (outcome.ok) {
            remember(catalog);
            Q_EMIT openRequested(catalog);
        } else if (!outcome.cancelled) {
            const QString message = !outcome.error.isEmpty()
                                        ? outcome.error
                                        : tr("%n problem(s) in the catalog; nothing was imported. See Import problems.",
                                             nullptr, int(outcome.diagnostics.size()));
            Q_EMIT importFailed(message);
        }
        Q_EMIT importFinished(outcome.ok);
    });
    job->start();
}

} // namespace tributary::ui
