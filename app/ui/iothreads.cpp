// SPDX-License-Identifier: Apache-2.0
#include "iothreads.h"

#include <QThreadPool>

namespace tributary::ui {

QThreadPool &ioThreads()
{
    static QThreadPool *const pool = [] {
        auto *created = new QThreadPool;
        // Waiting, not computing: more threads than cores, so one slow server call does not hold
        // up the list, the detail pane and the lineage behind it.
        created->setMaxThreadCount(4);
        created->setObjectName(QStringLiteral("tributary-io"));
        return created;
    }();
    return *pool;
}

void waitForBackgroundWork()
{
    ioThreads().waitForDone();
    QThreadPool::globalInstance()->waitForDone();
}

} // namespace tributary::ui
