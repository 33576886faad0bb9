// SPDX-License-Identifier: Apache-2.0
// Helpers of the app tests: waiting for queued results, sample catalogs, screenshots.
#pragma once

#include <functional>
#include <string>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QWidget>
#include <gtest/gtest.h>

#include "../core/support/tempcatalog.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui::testing {

using tributary::testing::TempDir;

// Lets queued results arrive until `done` holds or the time runs out.
inline bool waitFor(const std::function<bool()> &done, int milliseconds = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
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
