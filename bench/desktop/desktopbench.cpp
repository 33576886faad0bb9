// SPDX-License-Identifier: Apache-2.0
// The desktop app on a large catalog: cold start to the first painted window with its list
// filled, and search-as-you-type latency (request to results in the model), offscreen.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>

#include "../common/benchnames.h"
#include "../common/benchstore.h"
#include "importjob.h"
#include "mainwindow.h"
#include "resourcelistmodel.h"

namespace {

using namespace tributary;

bool waitFor(const std::function<bool()> &done, int milliseconds = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < milliseconds)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return done();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    std::filesystem::path catalogDir;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--catalog-dir")
            catalogDir = argv[i + 1];
    }
    if (catalogDir.empty()) {
        std::cerr << "usage: bench-desktop --catalog-dir DIR\n";
        return 2;
    }
    const std::string scale = tributary::bench::scaleOf(catalogDir);
    auto store = bench::storeFor(catalogDir);
    if (!store) {
        std::cerr << store.error().toString() << '\n';
        return 1;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    ui::MainWindow window;
    window.resize(1400, 860);
    window.show();
    window.openCatalog(QString::fromStdString(store->string()));
    if (!waitFor([&] { return window.listModel().rowCount() > 0; })) {
        std::cerr << "the list never filled\n";
        return 1;
    }
    window.grab(); // forces the first paint with the list
    const double coldStartMs = double(startup.nsecsElapsed()) / 1e6;
    const int listed = window.listModel().totalRows();

    // Sorting by a column sorts every row on a worker: how long until the rows stand in the new
    // order, and how long the click itself holds the UI thread.
    std::vector<double> sorts, sortBlocks;
    for (int column :
        {int(ui::ResourceListModel::RefColumn), int(ui::ResourceListModel::OwnerColumn)}) {
        bool done = false;
        const auto connection = QObject::connect(
            &window.listModel(), &ui::ResourceListModel::sorted, &window, [&] { done = true; });
        QElapsedTimer timer;
        timer.start();
        window.listView().sortByColumn(column, Qt::DescendingOrder);
        sortBlocks.push_back(double(timer.nsecsElapsed()) / 1e6);
        waitFor([&] { return done; }, 10000);
        sorts.push_back(double(timer.nsecsElapsed()) / 1e6);
        QObject::disconnect(connection);
    }
    window.listView().sortByColumn(-1, Qt::AscendingOrder);
    // Scrolling to the end fetches every batch the view passes.
    QElapsedTimer scroll;
    scroll.start();
    window.listView().scrollToBottom();
    while (window.listModel().canFetchMore({})) {
        window.listView().scrollToBottom();
        QCoreApplication::processEvents();
    }
    window.grab();
    const double scrollMs = double(scroll.nsecsElapsed()) / 1e6;

    // Typing names letter by letter, as a person would; each keystroke is one search.
    const std::vector<QString> words{QStringLiteral("customer"), QStringLiteral("spend"),
        QStringLiteral("fraud"), QStringLiteral("session"), QStringLiteral("kind:model churn"),
        QStringLiteral("tag:pii email"), QStringLiteral("merchant"), QStringLiteral("returns")};
    std::vector<double> latencies;
    for (const QString &word : words) {
        for (int length = 2; length <= word.size();
             ++length) { // the window searches from two letters
            const QString prefix = word.left(length);
            bool arrived = false;
            const auto connection
                = QObject::connect(&window.session(), &ui::CatalogSession::searchReady, &window,
                    [&](const QString &text, const auto &) { arrived = text == prefix; });
            QElapsedTimer timer;
            timer.start();
            window.search(prefix);
            waitFor([&] { return arrived; }, 10000);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            QObject::disconnect(connection);
        }
    }
    const double p50 = percentile(latencies, 0.5), p99 = percentile(latencies, 0.99);

    // File > Import folder on the whole catalog while the window runs: how long it takes, how
    // often progress arrives, and the longest the UI thread was kept from its event loop (a
    // 10 ms timer counts the gaps).
    const std::filesystem::path imported
        = std::filesystem::temp_directory_path() / "bench-desktop-import.sqlite";
    std::filesystem::remove(imported);
    ui::ImportJob job(
        QString::fromStdString(catalogDir.string()), QString::fromStdString(imported.string()));
    int progressReports = 0;
    QObject::connect(&job, &ui::ImportJob::progress, &window,
        [&](ui::ImportStage, int, int) { ++progressReports; });
    bool finished = false;
    bool importOk = false;
    QObject::connect(
        &job, &ui::ImportJob::finished, &window, [&](const ui::ImportOutcome &outcome) {
            finished = true;
            importOk = outcome.ok;
        });
    QElapsedTimer importTimer, tick;
    double longestStallMs = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, &window, [&] {
        longestStallMs = std::max(longestStallMs, double(tick.nsecsElapsed()) / 1e6);
        tick.restart();
    });
    importTimer.start();
    tick.start();
    heartbeat.start();
    job.start();
    waitFor([&] { return finished; }, 600000);
    heartbeat.stop();
    const double importMs = double(importTimer.nsecsElapsed()) / 1e6;
    std::filesystem::remove(imported);
    if (!importOk) {
        std::cerr << "the import in the window failed\n";
        return 1;
    }
    std::printf("desktop benchmark, scale %s (%s)\n\n", scale.c_str(), store->c_str());
    std::printf("  %-44s %10d\n", "resources listed at start", listed);
    std::printf("  %-44s %10.0f ms\n", "cold start to painted window with the list", coldStartMs);
    std::printf("  %-44s %10.1f ms\n", "sort every row by name, until shown", sorts[0]);
    std::printf("  %-44s %10.1f ms\n", "sort every row by owner, until shown", sorts[1]);
    std::printf("  %-44s %10.2f ms\n", "  of which the UI thread was held",
        std::max(sortBlocks[0], sortBlocks[1]));
    std::printf("  %-44s %10.0f ms\n", "scroll from top to the last row, painted", scrollMs);
    std::printf("  %-44s %10zu\n", "searches typed (one per keystroke)", latencies.size());
    std::printf("  %-44s %10.1f ms\n", "search latency p50", p50);
    std::printf("  %-44s %10.1f ms\n", "search latency p99", p99);
    std::printf("  %-44s %10.1f s\n", "import of the catalog folder in the window", importMs / 1e3);
    std::printf("  %-44s %10d\n", "  progress reports", progressReports);
    std::printf("  %-44s %10.1f ms\n\n", "  longest UI-thread stall meanwhile", longestStallMs);
    std::printf("BENCH desktop_cold_start_%s %.0f ms\n", scale.c_str(), coldStartMs);
    std::printf("BENCH list_sort_by_name_%s %.1f ms\n", scale.c_str(), sorts[0]);
    std::printf("BENCH list_sort_ui_block_%s %.2f ms\n", scale.c_str(),
        std::max(sortBlocks[0], sortBlocks[1]));
    std::printf("BENCH list_scroll_to_end_%s %.0f ms\n", scale.c_str(), scrollMs);
    std::printf("BENCH search_latency_p50_%s %.1f ms\n", scale.c_str(), p50);
    std::printf("BENCH search_latency_p99_%s %.1f ms\n", scale.c_str(), p99);
    std::printf("BENCH import_ui_stall_max_%s %.1f ms\n", scale.c_str(), longestStallMs);
    return 0;
}
