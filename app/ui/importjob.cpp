// SPDX-License-Identifier: Apache-2.0
#include "importjob.h"

#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "tributary/format/catalogreader.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui {

ImportJob::ImportJob(QString folder, QString catalog, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_catalog(std::move(catalog))
{
    qRegisterMetaType<tributary::ui::ImportOutcome>();
}

void ImportJob::start()
{
    QPointer<ImportJob> self(this);
    auto work = [self, folder = m_folder, catalog = m_catalog, cancelled = m_cancelled]() {
        ImportOutcome outcome;
        const CatalogLoad load = loadCatalog(folder.toStdString(), [&](std::size_t done, std::size_t total) {
            // Progress crosses to the UI thread as a queued signal; the job may be gone by then.
            QMetaObject::invokeMethod(self, [self, done, total] {
                if (self)
                    Q_EMIT self->progress(int(done), int(total));
            }, Qt::QueuedConnection);
            return !cancelled->load();
        });
        if (cancelled->load()) {
            outcome.cancelled = true;
            return outcome;
        }
        outcome.diagnostics = load.diagnostics;
        if (!load.ok())
            return outcome;
        auto store = openCatalogStore(catalog.toStdString(), OpenMode::Create);
        if (!store) {
            outcome.error = QString::fromStdString(store.error().toString());
            return outcome;
        }
        ImportOptions options;
        options.author = qEnvironmentVariable("TRIBUTARY_AUTHOR", qEnvironmentVariable("USER", QStringLiteral("unknown")))
                             .toStdString();
        options.toolVersion = TRIBUTARY_VERSION;
        options.sourcePath = folder.toStdString();
        auto summary = (*store)->importCatalog(load.catalog, options);
        if (!summary) {
            outcome.error = QString::fromStdString(summary.error().toString());
            return outcome;
        }
        outcome.ok = true;
        outcome.summary = std::move(*summary);
        return outcome;
    };
    QtConcurrent::run(std::move(work)).then(this, [this](ImportOutcome outcome) { Q_EMIT finished(outcome); });
}

} // namespace tributary::ui
