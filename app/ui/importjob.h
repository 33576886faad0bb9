// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <memory>

#include <QObject>
#include <QString>

#include "tributary/base/diagnostic.h"
#include "tributary/store/storetypes.h"

namespace tributary::ui {

enum class ImportStage { Reading, Writing };

// What an import ended with: the record, or the problems that stopped it.
struct ImportOutcome {
    bool ok = false;
    bool cancelled = false;
    ImportSummary summary;
    Diagnostics diagnostics; // reader problems, with file:line:column
    QString error; // a store failure (conflict, I/O), for people
};

// Reads a catalog folder and imports it into a store, on a worker thread, reporting progress
// per file read and per few hundred resources written; cancel() stops it, and the catalog is
// left as it was (the write is one transaction). One job per import.
class ImportJob : public QObject
{
    Q_OBJECT
public:
    ImportJob(QString folder, QString catalog, QObject *parent = nullptr);

    void start();
    void cancel() { m_cancelled->store(true); }

Q_SIGNALS:
    // Reading files, then writing resources: `done` of `total` in the stage.
    void progress(tributary::ui::ImportStage stage, int done, int total);
    void finished(const tributary::ui::ImportOutcome &outcome);

private:
    QString m_folder;
    QString m_catalog;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

} // namespace tributary::ui
