// SPDX-License-Identifier: Apache-2.0
// tributary-desktop: parses its arguments and opens the window; everything else is in tributary_ui.
#include <QApplication>
#include <QCommandLineParser>

#include "catalogactions.h"
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
    const QCommandLineOption sample(QStringLiteral("sample"), QStringLiteral("Open the bundled sample catalog."));
    parser.addOption(sample);
    parser.process(app);

    tributary::ui::MainWindow window;
    window.resize(1400, 860);
    window.show();
    if (parser.isSet(sample))
        window.catalogActions().openSample();
    else if (!parser.positionalArguments().isEmpty())
        window.openCatalog(parser.positionalArguments().constFirst());
    else
        window.catalogActions().openInitialCatalog(); // the last catalog, or the bundled sample
    return QApplication::exec();
}
