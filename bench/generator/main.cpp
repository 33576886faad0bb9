// SPDX-License-Identifier: Apache-2.0
// tributary-gen: writes a synthetic, valid catalog (tributary/v1) of a given size, the same bytes
// for the same seed. Used by the benchmarks through bench/run.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "catalogplan.h"
#include "catalogwriter.h"

using namespace tributary::bench;

namespace {

constexpr std::string_view kUsage
    = "usage: tributary-gen --output DIR [--scale S|M|L|XL | --resources N | --edges N]\n"
      "                     [--seed N] [--per-file N] [--force]\n"
      "  --scale      S: ~1,000 resources, M: ~10,000, L: ~100,000, XL: ~1,000,000 lineage edges\n"
      "  --resources  a custom number of versioned resources\n"
      "  --edges      a custom number of lineage edges (resource + column + column->feature)\n"
      "  --seed       the random seed (default 1); the same seed writes the same bytes\n"
      "  --per-file   resources per file (default 500)\n"
      "  --force      replace the kind folders of an earlier catalog in DIR\n";

constexpr std::string_view kSections[]
    = {"providers", "entities", "sources", "features", "labels", "training_sets", "models"};

struct Options {
    std::filesystem::path output;
    std::uint64_t seed = 1;
    std::uint64_t resources = 1000;
    std::uint64_t edges = 0; // when set, sizes the catalog instead of `resources`
    std::string label = "S";
    std::size_t perFile = 500;
    bool force = false;
};

[[noreturn]] void fail(const std::string &message)
{
    std::fprintf(
        stderr, "tributary-gen: %s\n%.*s", message.c_str(), int(kUsage.size()), kUsage.data());
    std::exit(2);
}

std::uint64_t parseNumber(std::string_view option, const char *text, bool zeroAllowed = false)
{
    char *end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (*text < '0' || *text > '9' || *end || (value == 0 && !zeroAllowed))
        fail(std::string(option) + " needs a " + (zeroAllowed ? "" : "positive ") + "number, not '"
            + text + "'");
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage.data(), stdout);
            std::exit(0);
        }
        if (arg == "--force") {
            options.force = true;
            continue;
        }
        if (i + 1 >= argc)
            fail("unknown option or missing value: " + std::string(arg));
        const char *value = argv[++i];
        if (arg == "--output") {
            options.output = value;
        } else if (arg == "--seed") {
            options.seed = parseNumber(arg, value, true);
        } else if (arg == "--per-file") {
            options.perFile = parseNumber(arg, value);
        } else if (arg == "--resources") {
            options.resources = parseNumber(arg, value);
            options.edges = 0;
            options.label = "custom";
        } else if (arg == "--edges") {
            options.edges = parseNumber(arg, value);
            options.label = "custom";
        } else if (arg == "--scale") {
            const std::string_view scale = value;
            options.label = value;
            options.edges = 0;
            if (scale == "S")
                options.resources = 1'000;
            else if (scale == "M")
                options.resources = 10'000;
            else if (scale == "L")
                options.resources = 100'000;
            else if (scale == "XL")
                options.edges = 1'000'000;
            else
                fail("unknown scale '" + options.label + "' (S, M, L or XL)");
        } else {
            fail("unknown option " + std::string(arg));
        }
    }
    if (options.output.empty())
        fail("--output DIR is required");
    return options;
}

// Refuses to mix a new catalog with an old one, unless --force replaces the old kind folders.
void prepareOutput(const Options &options)
{
    std::error_code ec;
    if (!std::filesystem::exists(options.output, ec)
        || std::filesystem::is_empty(options.output, ec))
        return;
    if (!options.force)
        fail(options.output.string() + " is not empty (--force replaces an earlier catalog)");
    for (std::string_view section : kSections) {
        std::filesystem::remove_all(options.output / section, ec);
        if (ec)
            fail((options.output / section).string() + ": " + ec.message());
    }
}

std::string grouped(std::uint64_t value)
{
    std::string digits = std::to_string(value);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(std::size_t(i), 1, ',');
    return digits;
}

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    prepareOutput(options);

    const auto start = std::chrono::steady_clock::now();
    const CatalogPlan plan = options.edges ? planCatalogForEdges(options.seed, options.edges)
                                           : planCatalog(options.seed, options.resources);
    const double planSeconds = secondsSince(start);

    const auto writeStart = std::chrono::steady_clock::now();
    CatalogWriter writer(plan, options.seed, options.output);
    if (const std::string error = writer.write(options.perFile); !error.empty()) {
        std::fprintf(stderr, "tributary-gen: %s\n", error.c_str());
        return 1;
    }
    const double writeSeconds = secondsSince(writeStart);

    std::printf("tributary-gen: scale %s, seed %llu -> %s\n\n", options.label.c_str(),
        static_cast<unsigned long long>(options.seed), options.output.c_str());
    std::printf("%-16s %12s %8s %16s\n", "kind", "resources", "files", "bytes");
    KindStats total;
    for (const KindStats &kind : writer.stats()) {
        std::printf("%-16.*s %12s %8s %16s\n", int(kind.section.size()), kind.section.data(),
            grouped(kind.resources).c_str(), grouped(kind.files).c_str(),
            grouped(kind.bytes).c_str());
        total.resources += kind.resources;
        total.files += kind.files;
        total.bytes += kind.bytes;
    }
    std::printf("%-16s %12s %8s %16s\n\n", "total", grouped(total.resources).c_str(),
        grouped(total.files).c_str(), grouped(total.bytes).c_str());

    const EdgeCounts edges = plan.edges();
    std::printf("lineage edges\n");
    std::printf("  %-36s %12s\n", "resource level", grouped(edges.resource).c_str());
    std::printf("  %-36s %12s\n", "column derived_from", grouped(edges.column).c_str());
    std::printf(
        "  %-36s %12s\n", "source column -> feature/label", grouped(edges.featureColumn).c_str());
    std::printf("  %-36s %12s\n\n", "total", grouped(edges.total()).c_str());
    std::printf("generated in %.2f s (plan %.2f s, write %.2f s, %.0f MB/s)\n",
        planSeconds + writeSeconds, planSeconds, writeSeconds,
        double(total.bytes) / 1e6 / (writeSeconds > 0 ? writeSeconds : 1e-9));
    return 0;
}
