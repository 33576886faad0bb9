// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "tributary/base/diagnostic.h"
#include "tributary/store/storetypes.h"

namespace tributary::ui {

// What an import ended with: the record, or the problems that stopped it.
struct ImportOutcome {
    bool ok = false;
    bool cancelled = false;
    ImportSummary summary;
    Diagnostics diagnostics; // reader problems, with file:line:column
    QString error;           // a store failure (conflict, I/O), for people
};

// Reads a catalog folder and imports it into a store, on a worker thread, reporting progress
// per file; cancel() stops it before anything is written. One job per import.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(QString folder, QString catalog, QObject *parent = nullptr);

    void start();
    void cancel() { m_cancelled->store(true); }

Q_SIGNALS:
    void progress(int filesDone, int filesTotal);
    void finished(const tributary::ui::ImportOutcome &outcome);

private:
    QString m_folder;
    QString m_catalog;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

} // namespace tributary::ui
