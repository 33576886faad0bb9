// SPDX-License-Identifier: Apache-2.0
#include "printapplication.h"

#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>

namespace tributary::print {

std::unique_ptr<QGuiApplication> ensureGuiApplication()
{
    if (QCoreApplication::instance())
        return nullptr;
    // Printing draws nothing on a screen, so it must work over ssh and in CI alike.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (ssh, cron) Qt would warn on stderr and make this very folder itself.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(getuid());
        if (QDir().mkpath(runtime)) {
            QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
        }
    }
    static int argc = 1;
    static char name[] = "tributary";
    static char *argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace tributary::print
