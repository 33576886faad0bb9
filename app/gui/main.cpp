// SPDX-License-Identifier: Apache-2.0
// tributary-desktop: parses its arguments and opens the window; everything else is in tributary_ui.
#include <QApplication>
#include <QCommandLineParser>

#include "mainwindow.h"

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tributary"));
    QApplication::setOrganizationName(QStringLiteral("Tributary"));
    QApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse an ML feature and lineage catalog."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("catalog"), QStringLiteral("The catalog file (.sqlite) to open."));
    parser.process(app);

    tributary::ui::MainWindow window;
    window.resize(1400, 860);
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openCatalog(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
