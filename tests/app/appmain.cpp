// SPDX-License-Identifier: Apache-2.0
// The app tests' main: a QApplication (offscreen unless told otherwise) around GoogleTest,
// with settings in a folder of its own so no run sees another's window layout or catalogs.
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The model tester narrates every change; its failures are what matter.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "qt.modeltest.debug=false");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TributaryTests"));
    QApplication::setApplicationName(QStringLiteral("app_tests"));
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
