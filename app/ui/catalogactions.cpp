// SPDX-License-Identifier: Apache-2.0
#include "catalogactions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QProgressDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include "connectdialog.h"
#include "diagnosticsdock.h"
#include "importjob.h"
#include "iothreads.h"
#include "sessionsecrets.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui {
namespace {

const QString kRecentKey = QStringLiteral("catalogs/recent");
const QString kPoliciesKey = QStringLiteral("catalogs/policies"); // catalog path -> policy path
constexpr int kRecentMax = 8;

// The bundled sample, the one place that looks for it. Installed, it sits at a fixed place
// relative to the program (share/tributary/samples/acme beside bin/), whatever the prefix; run
// from a build tree, the program finds the source tree's copy; else the XDG data folders.
QString sampleFolder()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral(TRIBUTARY_SAMPLE_FROM_BIN));
    if (QFileInfo(installed).isDir())
        return QDir::cleanPath(installed);
    const QString source = QStringLiteral(TRIBUTARY_SAMPLE_DIR);
    if (QFileInfo(source).isDir())
        return source;
    const QString located = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
        QStringLiteral("tributary/samples/acme"), QStandardPaths::LocateDirectory);
    return located.isEmpty() ? installed : located; // missing: the import names where it looked
}

} // namespace

CatalogActions::CatalogActions(QWidget *window, DiagnosticsDock *dock)
    : QObject(window)
    , m_window(window)
    , m_dock(dock)
{ }

QStringList CatalogActions::recentCatalogs()
{
    QStringList recent = QSettings().value(kRecentKey).toStringList();
    recent.removeIf([](const QString &catalog) {
        return !isServerLocator(catalog.toStdString()) && !QFileInfo::exists(catalog);
    });
    return recent;
}

QString CatalogActions::policyFor(const QString &catalog)
{
    return QSettings().value(kPoliciesKey).toMap().value(catalog).toString();
}

void CatalogActions::rememberPolicy(const QString &catalog, const QString &policy)
{
    QSettings settings;
    QVariantMap policies = settings.value(kPoliciesKey).toMap();
    if (policy.isEmpty())
        policies.remove(catalog);
    else
        policies.insert(catalog, policy);
    settings.setValue(kPoliciesKey, policies);
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
    const QStringList recent = recentCatalogs();
    for (int i = 0; i < recent.size(); ++i) {
        const QString catalog = recent[i];
        // "&1 acme.sqlite": a number to press, the file name to read, the folder on hover.
        QAction *action = m_recent->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(catalog).fileName()), this,
            [this, catalog] { Q_EMIT openRequested(catalog); });
        action->setToolTip(catalog);
        action->setStatusTip(catalog);
    }
    if (!recent.isEmpty()) {
        m_recent->addSeparator();
        m_recent->addAction(tr("&Clear list"), this, [this] {
            QSettings().remove(kRecentKey);
            refreshRecent();
        });
    }
    m_recent->setToolTipsVisible(true);
    m_recent->setEnabled(!recent.isEmpty());
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
        const QString folder
            = QFileDialog::getExistingDirectory(m_window, tr("Import a catalog folder"));
        if (folder.isEmpty())
            return;
        const QString catalog = QFileDialog::getSaveFileName(m_window, tr("Import into catalog"),
            QFileInfo(folder).fileName() + QStringLiteral(".sqlite"),
            tr("Tributary catalogs (*.sqlite)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!catalog.isEmpty())
            importFolder(folder, catalog);
    });
    menu->addAction(tr("&Connect to a shared catalog…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
                    &CatalogActions::connectToServer);
    m_recent = menu->addMenu(tr("Open &recent"));
    refreshRecent();
    menu->addSeparator();
    m_offlineCopy = menu->addAction(tr("Save &offline copy…"), this, [this] { saveOfflineCopy(m_current); });
    m_offlineCopy->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("&Quit"), QKeySequence::Quit, m_window, &QWidget::close);
}

void CatalogActions::setCurrent(const QString &catalog)
{
    m_current = catalog;
    if (m_offlineCopy)
        m_offlineCopy->setEnabled(!catalog.isEmpty());
}

void CatalogActions::connectToServer()
{
    ConnectDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.locator().isEmpty())
        return;
    rememberPassword(dialog.locator(), dialog.password());
    remember(dialog.locator());
    Q_EMIT openRequested(dialog.locator());
}

void CatalogActions::saveOfflineCopy(const QString &catalog)
{
    if (catalog.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save an offline copy"),
                                                      QStringLiteral("catalog-offline.sqlite"),
                                                      tr("Tributary catalogs (*.sqlite)"));
    if (path.isEmpty())
        return;
    writeOfflineCopyTo(catalog, path);
}

void CatalogActions::writeOfflineCopyTo(const QString &catalog, const QString &path)
{
    auto *dialog = new QProgressDialog(tr("Copying every import of %1…").arg(catalog), QString(), 0, 0, m_window);
    dialog->setWindowTitle(tr("Offline copy"));
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QtConcurrent::run(&ioThreads(), [source = connectionString(catalog), target = path.toStdString()]() -> QString {
        auto store = openCatalogStore(source, OpenMode::ReadOnly);
        if (!store)
            return QString::fromStdString(store.error().toString());
        auto written = writeOfflineCopy(**store, target);
        return written ? QString() : QString::fromStdString(written.error().toString());
    }).then(this, [this, dialog, path](const QString &error) {
        dialog->close();
        Q_EMIT offlineCopyFinished(path, error);
    });
}

void CatalogActions::openInitialCatalog()
{
    const QStringList recent = recentCatalogs();
    if (!recent.isEmpty()) {
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
    dialog->setAutoReset(false); // the bar fills twice: reading, then writing
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QProgressDialog::canceled, job, &ImportJob::cancel);
    connect(job, &ImportJob::progress, dialog,
        [dialog, folder](ImportStage stage, int done, int total) {
            dialog->setLabelText(stage == ImportStage::Reading
                    ? tr("Reading %1: file %L2 of %L3…").arg(folder).arg(done).arg(total)
                    : done < total
                    ? tr("Writing the catalog: %L1 of %L2 resources…").arg(done).arg(total)
                    : tr("Recording the fingerprint…"));
            dialog->setMaximum(total);
            dialog->setValue(done);
        });
    connect(job, &ImportJob::finished, this,
        [this, job, dialog, catalog, folder](const ImportOutcome &outcome) {
            dialog->close();
            job->deleteLater();
            m_dock->setDiagnostics(outcome.diagnostics);
            m_dock->setVisible(!outcome.diagnostics.empty());
            if (outcome.ok) {
                remember(catalog);
                // A catalog folder's own propagation policy applies to the catalog it fills.
                const QString policy = QDir(folder).filePath(QStringLiteral("policy.yaml"));
                if (QFileInfo::exists(policy) && policyFor(catalog).isEmpty())
                    rememberPolicy(catalog, policy);
                Q_EMIT openRequested(catalog);
            } else if (!outcome.cancelled) {
                const QString message = !outcome.error.isEmpty()
                    ? outcome.error
                    : tr("%n problem(s) in the catalog; nothing was imported. See Problems.",
                        nullptr, int(outcome.diagnostics.size()));
                Q_EMIT importFailed(message);
            }
            Q_EMIT importFinished(outcome.ok);
        });
    job->start();
}

} // namespace tributary::ui
