// SPDX-License-Identifier: Apache-2.0
#include "importjob.h"

#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>

#include "iothreads.h"
#include "tributary/format/catalogreader.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui {

ImportJob::ImportJob(QString folder, QString catalog, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_catalog(std::move(catalog))
{
    qRegisterMetaType<tributary::ui::ImportOutcome>();
    qRegisterMetaType<tributary::ui::ImportStage>();
}

void ImportJob::start()
{
    QPointer<ImportJob> self(this);
    auto work = [self, folder = m_folder, catalog = m_catalog, cancelled = m_cancelled]() {
        ImportOutcome outcome;
        const auto report = [&](ImportStage stage) {
            return [self, stage, cancelled](std::size_t done, std::size_t total) {
                // Progress crosses to the UI thread as a queued signal; the job may be gone by
                // then.
                QMetaObject::invokeMethod(
                    self,
                    [self, stage, done, total] {
                        if (self)
                            Q_EMIT self->progress(stage, int(done), int(total));
                    },
                    Qt::QueuedConnection);
                return !cancelled->load();
            };
        };
        // What the catalog already holds from importers (OpenLineage, dbt) may be referred to.
        std::vector<Resource> known;
        if (QFileInfo::exists(catalog)) {
            if (auto existing = openCatalogStore(catalog.toStdString(), OpenMode::ReadOnly)) {
                if (auto others = resourcesOfOtherOrigins(**existing, "yaml"))
                    known = std::move(*others);
            }
        }
        const CatalogLoad load = loadCatalog(folder.toStdString(), report(ImportStage::Reading), known);
        if (cancelled->load()) {
            outcome.cancelled = true;
            return outcome;
        }
        outcome.diagnostics = load.diagnostics;
        if (!load.ok())
            return outcome;
        const bool existed = QFileInfo::exists(catalog);
        auto store = openCatalogStore(catalog.toStdString(), OpenMode::Create);
        if (!store) {
            outcome.error = QString::fromStdString(store.error().toString());
            return outcome;
        }
        // A catalog this import created goes again if the import does not land.
        const auto discard = qScopeGuard([&] {
            if (existed || outcome.ok)
                return;
            store->reset();
            for (const QString &suffix :
                {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(catalog + suffix);
        });
        ImportOptions options;
        options.author = qEnvironmentVariable(
            "TRIBUTARY_AUTHOR", qEnvironmentVariable("USER", QStringLiteral("unknown")))
                             .toStdString();
        options.toolVersion = TRIBUTARY_VERSION;
        options.sourcePath = folder.toStdString();
        options.progress = report(ImportStage::Writing);
        auto summary = (*store)->importCatalog(load.catalog, options);
        if (!summary && summary.error().code == ErrorCode::Cancelled) {
            outcome.cancelled = true;
            return outcome;
        }
        if (!summary) {
            outcome.error = QString::fromStdString(summary.error().toString());
            return outcome;
        }
        outcome.ok = true;
        outcome.summary = std::move(*summary);
        return outcome;
    };
    QtConcurrent::run(&ioThreads(), std::move(work)).then(this, [this](ImportOutcome outcome) {
        Q_EMIT finished(outcome);
    });
}

} // namespace tributary::ui
