// SPDX-License-Identifier: Apache-2.0
// tributary-desktop: parses its arguments and opens the window; everything else is in tributary_ui.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

#include "catalogactions.h"
#include "mainwindow.h"

namespace {

using tributary::ui::MainWindow;

// The desktop entry, AppStream id and icon name (packaging/linux/), one id for all three.
const QString kAppId = QStringLiteral("io.github.tributary.Tributary");
constexpr int kSmokeTimeoutMs = 120'000;

// The installed theme icon when there is one, else the copy built into the program.
QIcon appIcon()
{
    QIcon bundled;
    bundled.addFile(QStringLiteral(":/icons/tributary.svg"));
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        bundled.addFile(QStringLiteral(":/icons/tributary-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(kAppId, bundled);
}

// --smoke-test (hidden, for packaging/test-deb.sh): exits 0 once the window lists the catalog's
// resources, 1 when opening or importing fails, 2 when nothing happened in time. With
// --smoke-grab FILE it first saves a picture of the window there.
void armSmokeTest(MainWindow &window, const QString &grabPath)
{
    auto finish = [&window, grabPath](int code, const QString &what) {
        if (code == 0 && !grabPath.isEmpty() && !window.grab().save(grabPath)) {
            std::fprintf(stderr, "smoke-test: cannot write %s\n", qPrintable(grabPath));
            code = 1;
        }
        std::fprintf(code == 0 ? stdout : stderr, "smoke-test: %s\n", qPrintable(what));
        QApplication::exit(code);
    };
    QObject::connect(&window.session(), &tributary::ui::CatalogSession::listReady, &window,
        [&window, finish](const std::vector<tributary::ResourceSummary> &rows) {
            if (rows.empty())
                return; // an empty list is no proof the catalog opened
            const QIcon icon = window.windowIcon();
            const QString iconSource = icon.isNull() ? QStringLiteral("none")
                : icon.name().isEmpty()              ? QStringLiteral("built in")
                                                     : QStringLiteral("theme ") + icon.name();
            const QString what = QStringLiteral("shown %1 resources in \"%2\", icon: %3")
                                     .arg(rows.size())
                                     .arg(window.windowTitle(), iconSource);
            // Let the window lay the rows out before it is grabbed.
            QTimer::singleShot(0, &window, [finish, what] { finish(0, what); });
        });
    QObject::connect(&window.session(), &tributary::ui::CatalogSession::openFailed, &window,
        [finish](const QString &message) { finish(1, QStringLiteral("open failed: ") + message); });
    QObject::connect(&window.catalogActions(), &tributary::ui::CatalogActions::importFailed,
        &window, [finish](const QString &message) {
            finish(1, QStringLiteral("import failed: ") + message);
        });
    QTimer::singleShot(kSmokeTimeoutMs, &window,
        [finish] { finish(2, QStringLiteral("no catalog shown in time")); });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tributary"));
    QApplication::setOrganizationName(QStringLiteral("Tributary"));
    QApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));
    QApplication::setDesktopFileName(kAppId); // Wayland matches the window to its entry by this
    QApplication::setWindowIcon(appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse an ML feature and lineage catalog."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("catalog"), QStringLiteral("The catalog file (.sqlite) to open."));
    const QCommandLineOption sample(QStringLiteral("sample"), QStringLiteral("Open the bundled sample catalog."));
    parser.addOption(sample);
    QCommandLineOption smokeTest(QStringLiteral("smoke-test"),
        QStringLiteral("Exit 0 once a catalog is shown (packaging check)."));
    smokeTest.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(smokeTest);
    QCommandLineOption smokeGrab(QStringLiteral("smoke-grab"),
        QStringLiteral("With --smoke-test, save a picture of the window to <file>."),
        QStringLiteral("file"));
    smokeGrab.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(smokeGrab);
    parser.process(app);

    MainWindow window;
    window.resize(1400, 860);
    if (parser.isSet(smokeTest))
        armSmokeTest(window, parser.value(smokeGrab));
    window.show();
    if (parser.isSet(sample))
        window.catalogActions().openSample();
    else if (!parser.positionalArguments().isEmpty())
        window.openCatalog(parser.positionalArguments().constFirst());
    else
        window.catalogActions().openInitialCatalog(); // the last catalog, or the bundled sample
    return QApplication::exec();
}
