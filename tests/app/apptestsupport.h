// SPDX-License-Identifier: Apache-2.0
// Helpers of the app tests: waiting for queued results, sample catalogs, screenshots.
#pragma once

#include <functional>
#include <string>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <gtest/gtest.h>

#include "../core/support/tempcatalog.h"
#include "iothreads.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui::testing {

using tributary::testing::TempDir;

// Lets queued results arrive until `done` holds or the time runs out.
inline bool waitFor(const std::function<bool()> &done, int milliseconds = 10000)
{
    QElapsedTimer timer;
    timer.start();
    // A real event loop for a moment each round (not processEvents with a time limit, which
    // can keep serving posted events and starve sockets a test relays).
    while (!done() && timer.elapsed() < milliseconds) {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return done();
}

// Lets every background job end while the event loop runs: for jobs whose answers come through
// something this thread serves (a relay), which waitForBackgroundWork() alone would deadlock.
inline bool drainBackgroundWork(int milliseconds = 20000)
{
    const bool idle = waitFor([] {
        return ioThreads().activeThreadCount() == 0
            && QThreadPool::globalInstance()->activeThreadCount() == 0;
    }, milliseconds);
    waitForBackgroundWork();
    return idle;
}

// The bundled sample imported once into `dir`/acme.sqlite; returns the file.
inline std::string sampleCatalog(const TempDir &dir)
{
    const std::string file = (dir / "acme.sqlite").string();
    auto store = openCatalogStore(file, OpenMode::Create);
    EXPECT_TRUE(store) << store.error().toString();
    auto imported = (*store)->importCatalog(
        tributary::testing::loadClean(tributary::testing::sampleCatalogDir()), {});
    EXPECT_TRUE(imported) << imported.error().toString();
    return file;
}

// Saves what `widget` shows as build/.../screenshots/<name>.png, to look at.
inline void screenshot(QWidget &widget, const char *name)
{
    QDir(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR)).mkpath(QStringLiteral("."));
    QCoreApplication::processEvents(); // pending layouts, as the next paint would see them
    widget.grab().save(QStringLiteral(TRIBUTARY_SCREENSHOT_DIR "/") + QString::fromUtf8(name)
        + QStringLiteral(".png"));
}

} // namespace tributary::ui::testing
