// SPDX-License-Identifier: Apache-2.0
// Threads for work that waits on a disk or a server.
#pragma once

class QThreadPool;

namespace tributary::ui {

// The pool every store, file and network job runs on. Not Qt's global pool: Qt 6.4 fills large
// areas while painting on the global pool's threads, so jobs stuck there in a slow connect
// (a server gone, a network cut) would freeze painting until their timeout.
QThreadPool &ioThreads();

// Waits until every background job has ended, on this pool and on Qt's global one.
void waitForBackgroundWork();

} // namespace tributary::ui
