// SPDX-License-Identifier: Apache-2.0
// The static docs site of a generated catalog: export time, site size, search index size and
// the largest page, against a reference measured in the same run: reading every resource once
// with store.get on one thread (the least an exporter that shows each resource must do).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <unistd.h>

#include "../common/benchnames.h"
#include "../common/benchstore.h"
#include "tributary/docs/docsite.h"
#include "tributary/store/catalogstore.h"

namespace {

namespace fs = std::filesystem;
using tributary::bench::Clock;
using tributary::bench::secondsSince;
using namespace tributary;

struct Pages {
    std::size_t count = 0;
    std::uintmax_t largest = 0;
    std::string largestPath;
    std::uintmax_t assetBytes = 0;
    std::size_t assets = 0;
};

Pages measurePages(const fs::path &site)
{
    Pages pages;
    for (const auto &entry : fs::recursive_directory_iterator(site)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".html")
            continue;
        ++pages.count;
        const std::uintmax_t size = entry.file_size();
        if (size > pages.largest) {
            pages.largest = size;
            pages.largestPath = fs::relative(entry.path(), site).string();
        }
        if (fs::relative(entry.path(), site).string().starts_with("assets/")) {
            pages.assetBytes += size;
            ++pages.assets;
        }
    }
    return pages;
}

} // namespace

int main(int argc, char **argv)
{
    fs::path catalogDir;
    std::string scale;
    unsigned threads = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--catalog-dir")
            catalogDir = argv[i + 1];
        else if (arg == "--scale")
            scale = argv[i + 1];
        else if (arg == "--threads")
            threads = unsigned(std::stoul(argv[i + 1]));
    }
    if (catalogDir.empty()) {
        std::cerr << "usage: bench-docsite --catalog-dir DIR [--scale NAME] [--threads N]\n";
        return 2;
    }
    if (scale.empty())
        scale = tributary::bench::scaleOf(catalogDir);
    auto storePath = tributary::bench::storeFor(catalogDir);
    if (!storePath) {
        std::cerr << storePath.error().toString() << '\n';
        return 1;
    }
    const std::string locator = storePath->string();

    // The reference: every resource read once, as a page needs it.
    auto store = openCatalogStore(locator, OpenMode::ReadOnly);
    if (!store) {
        std::cerr << store.error().toString() << '\n';
        return 1;
    }
    auto start = Clock::now();
    auto list = (*store)->list({}, AsOf::latest());
    if (!list) {
        std::cerr << list.error().toString() << '\n';
        return 1;
    }
    for (const ResourceSummary &summary : *list) {
        if (auto got = (*store)->get(summary.ref, AsOf::latest()); !got) {
            std::cerr << got.error().toString() << '\n';
            return 1;
        }
    }
    const double readSeconds = secondsSince(start);

    const fs::path output
        = fs::temp_directory_path() / ("tributary-bench-docsite-" + std::to_string(::getpid()));
    fs::remove_all(output);
    DocsSiteOptions options;
    options.output = output.string();
    options.threads = threads;
    std::size_t lastTenth = 0;
    options.progress = [&](std::size_t done, std::size_t total) {
        if (total && done * 10 / total > lastTenth) {
            lastTenth = done * 10 / total;
            std::cerr << "  " << done << " of " << total << " pages\n";
        }
        return true;
    };
    std::cerr << "exporting " << list->size() << " resources to " << output << '\n';
    start = Clock::now();
    auto summary = exportDocsSite(locator, options);
    const double exportSeconds = secondsSince(start);
    if (!summary) {
        std::cerr << summary.error().toString() << '\n';
        return 1;
    }
    const Pages pages = measurePages(output);
    fs::remove_all(output);

    const unsigned used = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    const double mb = double(summary->bytes) / (1024.0 * 1024.0);
    std::printf("docs site of %s (%zu resources), %u threads\n\n", catalogDir.filename().c_str(),
        list->size(), used);
    std::printf("| step | figure |\n| --- | --- |\n");
    std::printf("| read every resource (store.get, 1 thread) | %.2f s |\n", readSeconds);
    std::printf("| export the site | %.2f s |\n", exportSeconds);
    std::printf("| pages (HTML) | %zu (%zu assets) |\n", pages.count, pages.assets);
    std::printf("| site size | %.1f MB |\n", mb);
    std::printf("| average asset page | %.1f KB |\n",
        pages.assets ? double(pages.assetBytes) / double(pages.assets) / 1024.0 : 0.0);
    std::printf("| largest page | %.1f KB (%s) |\n", double(pages.largest) / 1024.0,
        pages.largestPath.c_str());
    std::printf("| search index | %.2f MB (%.1f bytes a resource) |\n",
        double(summary->indexBytes) / (1024.0 * 1024.0),
        list->empty() ? 0.0 : double(summary->indexBytes) / double(list->size()));
    std::printf("| export / reads | %.2fx |\n\n", exportSeconds / readSeconds);
    std::printf("BENCH docsite_export_seconds_%s %.2f s\n", scale.c_str(), exportSeconds);
    std::printf("BENCH docsite_reads_seconds_%s %.2f s\n", scale.c_str(), readSeconds);
    std::printf(
        "BENCH docsite_export_vs_reads_%s %.2f x\n", scale.c_str(), exportSeconds / readSeconds);
    std::printf("BENCH docsite_bytes_%s %llu bytes\n", scale.c_str(),
        static_cast<unsigned long long>(summary->bytes));
    std::printf("BENCH docsite_index_bytes_%s %llu bytes\n", scale.c_str(),
        static_cast<unsigned long long>(summary->indexBytes));
    std::printf("BENCH docsite_pages_%s %zu pages\n", scale.c_str(), summary->pages);
    std::printf("BENCH docsite_largest_page_%s %llu bytes\n", scale.c_str(),
        static_cast<unsigned long long>(pages.largest));
    return 0;
}
