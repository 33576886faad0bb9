// SPDX-License-Identifier: Apache-2.0
// Import throughput against its floor: how long yaml-cpp alone takes to parse the same files,
// measured in the same run. The import is what `tributary import` does: read and validate the
// folder, then write it into a fresh SQLite catalog in one transaction.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "../common/benchnames.h"
#include "tributary/format/catalogreader.h"
#include "tributary/store/catalogstore.h"

namespace {

namespace fs = std::filesystem;
using tributary::bench::Clock;
using tributary::bench::secondsSince;

std::vector<fs::path> yamlFiles(const fs::path &dir)
{
    std::vector<fs::path> files;
    for (const auto &entry : fs::recursive_directory_iterator(dir)) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The floor: read every file and build yaml-cpp's node tree, nothing else.
double parseFloor(const std::vector<fs::path> &files, std::uintmax_t &bytes, std::size_t &documents)
{
    const auto start = Clock::now();
    for (const fs::path &file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const std::string content = std::move(text).str();
        bytes += content.size();
        documents += YAML::LoadAll(content).size();
    }
    return secondsSince(start);
}

struct Args {
    fs::path catalogDir;
    std::string scale = "custom";
    int repeat = 1;
};

bool parseArgs(int argc, char **argv, Args &args)
{
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--catalog-dir" && i + 1 < argc)
            args.catalogDir = argv[++i];
        else if (arg == "--scale" && i + 1 < argc)
            args.scale = argv[++i];
        else if (arg == "--repeat" && i + 1 < argc)
            args.repeat = std::max(1, std::atoi(argv[++i]));
        else
            return false;
    }
    if (args.scale == "custom" && !args.catalogDir.empty()) {
        // bench/run caches catalogs as <scale>-seed<n>: name the figures after the scale.
        args.scale = tributary::bench::scaleOf(args.catalogDir);
    }
    return !args.catalogDir.empty();
}

} // namespace

int main(int argc, char **argv)
{
    Args args;
    if (!parseArgs(argc, argv, args)) {
        std::cerr << "usage: bench-import --catalog-dir DIR [--scale NAME] [--repeat N]\n";
        return 2;
    }
    const std::vector<fs::path> files = yamlFiles(args.catalogDir);
    const fs::path storePath = fs::temp_directory_path() / ("tributary-bench-import-" + args.scale + ".sqlite");

    double bestFloor = 1e300, bestRead = 1e300, bestWrite = 1e300, bestTotal = 1e300;
    std::uintmax_t bytes = 0, storeBytes = 0;
    std::size_t documents = 0, resources = 0;
    for (int round = 0; round < args.repeat; ++round) {
        bytes = 0;
        documents = 0;
        bestFloor = std::min(bestFloor, parseFloor(files, bytes, documents));

        for (const char *suffix : {"", "-wal", "-shm"})
            fs::remove(storePath.string() + suffix);
        const auto start = Clock::now();
        const tributary::CatalogLoad load = tributary::loadCatalog(args.catalogDir);
        const double read = secondsSince(start);
        if (!load.ok()) {
            std::cerr << "the generated catalog has errors:\n";
            for (std::size_t i = 0; i < std::min<std::size_t>(10, load.diagnostics.size()); ++i)
                std::cerr << load.diagnostics[i].toString() << '\n';
            return 1;
        }
        const auto writeStart = Clock::now();
        auto store = tributary::openCatalogStore(storePath.string(), tributary::OpenMode::Create);
        if (!store) {
            std::cerr << store.error().toString() << '\n';
            return 1;
        }
        tributary::ImportOptions options;
        options.author = "bench";
        options.toolVersion = "bench";
        options.sourcePath = args.catalogDir.string();
        auto summary = (*store)->importCatalog(load.catalog, options);
        if (!summary) {
            std::cerr << summary.error().toString() << '\n';
            return 1;
        }
        store->reset();
        const double write = secondsSince(writeStart);
        bestRead = std::min(bestRead, read);
        bestWrite = std::min(bestWrite, write);
        bestTotal = std::min(bestTotal, secondsSince(start));
        resources = load.catalog.resources.size();
        storeBytes = fs::file_size(storePath);
        for (const char *suffix : {"-wal"}) {
            if (fs::exists(storePath.string() + suffix))
                storeBytes += fs::file_size(storePath.string() + suffix);
        }
    }
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(storePath.string() + suffix);

    const double ratio = bestTotal / bestFloor;
    const double rate = double(resources) / bestTotal;
    const double megabytes = double(bytes) / 1e6;
    std::printf("import benchmark, scale %s (%s), best of %d\n\n", args.scale.c_str(),
                args.catalogDir.c_str(), args.repeat);
    std::printf("  %-34s %12zu\n", "YAML files", files.size());
    std::printf("  %-34s %12zu\n", "YAML documents", documents);
    std::printf("  %-34s %12.1f MB\n", "YAML size", megabytes);
    std::printf("  %-34s %12zu\n", "resources", resources);
    std::printf("  %-34s %12.3f s\n", "yaml-cpp parse only (the floor)", bestFloor);
    std::printf("  %-34s %12.3f s\n", "read + validate (loadCatalog)", bestRead);
    std::printf("  %-34s %12.3f s\n", "store write (one transaction)", bestWrite);
    std::printf("  %-34s %12.3f s\n", "import, total", bestTotal);
    std::printf("  %-34s %12.2f x\n", "import / floor", ratio);
    std::printf("  %-34s %12.0f resources/s\n", "import rate", rate);
    std::printf("  %-34s %12.1f MB/s\n", "import rate", megabytes / bestTotal);
    std::printf("  %-34s %12.1f MB\n\n", "store size", double(storeBytes) / 1e6);
    std::printf("BENCH import_vs_parse_%s %.2f x\n", args.scale.c_str(), ratio);
    std::printf("BENCH import_rate_%s %.0f resources/s\n", args.scale.c_str(), rate);
    std::printf("BENCH parse_floor_%s %.3f s\n", args.scale.c_str(), bestFloor);
    std::printf("BENCH import_time_%s %.3f s\n", args.scale.c_str(), bestTotal);
    std::printf("BENCH store_size_%s %.1f MB\n", args.scale.c_str(), double(storeBytes) / 1e6);
    return 0;
}
