// SPDX-License-Identifier: Apache-2.0
// The layered layout on lineage neighbourhoods of ~100 to 5,000 nodes of a generated catalog,
// beside Graphviz dot on the same graphs in the same run: time, layers and crossings. Nodes are
// sized as the desktop draws them and banded by kind; dot gets the sizes and gaps but not the
// bands (it ranks by edges alone).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "../common/benchnames.h"
#include "../common/benchstore.h"
#ifdef TRIBUTARY_BENCH_PAN
#include "panbench.h"
#endif
#include "tributary/layout/layeredlayout.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/store/catalogstore.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace tributary;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Breadth first both ways from `start`: the first `count` nodes reached.
std::vector<NodeId> neighbourhood(const LineageGraph &graph, NodeId start, std::size_t count)
{
    std::vector<NodeId> order{start};
    std::vector<bool> seen(graph.nodeCount(), false);
    seen[start] = true;
    for (std::size_t head = 0; head < order.size() && order.size() < count; ++head) {
        for (const bool down : {true, false}) {
            for (const LineageStep &step :
                down ? graph.downstream(order[head]) : graph.upstream(order[head])) {
                if (order.size() < count && !seen[step.node]) {
                    seen[step.node] = true;
                    order.push_back(step.node);
                }
            }
        }
    }
    return order;
}

// The graph as the desktop draws it: 44 px high, 60 + 7 px a character of name@version wide
// (at most 260), banded by kind, with every edge between the nodes.
LayoutGraph drawingOf(const LineageGraph &graph, const std::vector<NodeId> &nodes)
{
    LayoutGraph drawing;
    std::map<NodeId, std::uint32_t> index;
    for (const NodeId node : nodes) {
        const Ref &ref = graph.resource(node).ref;
        LayoutNode drawn;
        drawn.key = node;
        drawn.width = std::min(260.0, 60.0 + 7.0 * double(ref.shortString().size()));
        drawn.height = 44;
        drawn.band = lineageOrder(ref.kind);
        index.emplace(node, std::uint32_t(drawing.nodes.size()));
        drawing.nodes.push_back(drawn);
    }
    for (const NodeId node : nodes) {
        for (const LineageStep &step : graph.downstream(node)) {
            const auto found = index.find(step.node);
            if (found != index.end())
                drawing.edges.push_back({index.at(node), found->second});
        }
    }
    return drawing;
}

std::string dotOf(const LayoutGraph &graph, const LayoutOptions &options)
{
    std::ostringstream out;
    out << "digraph lineage {\n"
        << "  graph [rankdir=LR, splines=polyline, nodesep=" << options.nodeGap / 72
        << ", ranksep=" << options.layerGap / 72 << "];\n"
        << "  node [shape=box, fixedsize=true, label=\"\"];\n";
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        out << "  n" << i << " [width=" << graph.nodes[i].width / 72
            << ", height=" << graph.nodes[i].height / 72 << "];\n";
    }
    for (const LayoutEdge &edge : graph.edges)
        out << "  n" << edge.from << " -> n" << edge.to << ";\n";
    out << "}\n";
    return out.str();
}

struct DotRun {
    bool finished = false;
    double milliseconds = 0;
    std::optional<std::size_t> crossings;
};

// `dot -v -Tplain` as a child process, timed on the wall clock (process start included); its
// crossings are the final `mincross <graph>: N crossings` lines of its log, summed.
DotRun runDot(const std::string &text, const fs::path &folder, int timeoutSeconds)
{
    const fs::path input = folder / "graph.dot";
    const fs::path log = folder / "dot.log";
    std::ofstream(input) << text;
    const std::string command = "timeout " + std::to_string(timeoutSeconds) + " dot -v -Tplain "
        + input.string() + " > " + (folder / "graph.plain").string() + " 2> " + log.string();
    DotRun run;
    const auto start = Clock::now();
    const int status = std::system(command.c_str());
    run.milliseconds = millisecondsSince(start);
    run.finished = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::ifstream in(log);
    const std::regex total(R"(^mincross [^:]*: (\d+) crossings)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch match;
        if (std::regex_search(line, match, total))
            run.crossings = run.crossings.value_or(0) + std::stoul(match[1]);
    }
    return run;
}

struct Row {
    std::size_t target = 0, nodes = 0, edges = 0, layers = 0, crossings = 0;
    std::size_t unbanded = 0; // our crossings without bands, as dot gets the graph
    double milliseconds = 0;
    bool geometryAgrees = false;
    DotRun dot;
};

} // namespace

int main(int argc, char **argv)
{
    fs::path catalogDir;
    std::string scale;
    int timeout = 600;
    bool withDot = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-dot")
            withDot = false;
        else if (arg == "--catalog-dir" && i + 1 < argc)
            catalogDir = argv[++i];
        else if (arg == "--scale" && i + 1 < argc)
            scale = argv[++i];
        else if (arg == "--dot-timeout" && i + 1 < argc)
            timeout = std::max(1, std::atoi(argv[++i]));
    }
    if (catalogDir.empty()) {
        std::cerr << "usage: bench-layout --catalog-dir DIR [--scale NAME] [--dot-timeout SECONDS]"
                     " [--no-dot]\n";
        return 2;
    }
    if (scale.empty())
        scale = tributary::bench::scaleOf(catalogDir);
    auto storePath = tributary::bench::storeFor(catalogDir);
    if (!storePath) {
        std::cerr << storePath.error().toString() << '\n';
        return 1;
    }
    auto store = openCatalogStore(storePath->string(), OpenMode::ReadOnly);
    if (!store) {
        std::cerr << store.error().toString() << '\n';
        return 1;
    }
    auto snapshot = (*store)->lineageSnapshot(AsOf::latest());
    if (!snapshot) {
        std::cerr << snapshot.error().toString() << '\n';
        return 1;
    }
    const LineageGraph graph = LineageGraph::build(std::move(*snapshot));
    if (graph.nodeCount() == 0) {
        std::cerr << "the catalog has no resources\n";
        return 1;
    }
    // The busiest node: most edges either way.
    NodeId start = 0;
    for (NodeId node = 1; node < graph.nodeCount(); ++node) {
        const auto degree
            = [&](NodeId n) { return graph.upstream(n).size() + graph.downstream(n).size(); };
        if (degree(node) > degree(start))
            start = node;
    }
    const fs::path folder
        = fs::temp_directory_path() / ("tributary-layout-bench-" + std::to_string(::getpid()));
    fs::create_directories(folder);

    const LayoutOptions options;
    std::vector<Row> rows;
    LayoutGraph largest;
    Layout largestLayout;
    std::vector<NodeId> largestNodes;
    for (const std::size_t target : {100u, 500u, 2000u, 5000u}) {
        const std::vector<NodeId> around = neighbourhood(graph, start, target);
        const LayoutGraph drawing = drawingOf(graph, around);
        Row row;
        row.target = target;
        row.nodes = drawing.nodes.size();
        row.edges = drawing.edges.size();
        const int runs = target <= 500 ? 9 : 5;
        std::vector<double> times;
        Layout layout;
        for (int run = 0; run < runs; ++run) {
            const auto begin = Clock::now();
            layout = layoutLayered(drawing, options);
            times.push_back(millisecondsSince(begin));
        }
        std::sort(times.begin(), times.end());
        row.milliseconds = times[times.size() / 2];
        row.layers = layout.layers;
        row.crossings = layout.crossings;
        row.geometryAgrees = countRouteCrossings(layout) == layout.crossings;
        LayoutGraph plain = drawing;
        for (LayoutNode &node : plain.nodes)
            node.band = 0;
        row.unbanded = layoutLayered(plain, options).crossings;
        std::cerr << "laid out " << row.nodes << " nodes in " << row.milliseconds << " ms\n";
        if (withDot) {
            std::cerr << "running dot on " << row.nodes << " nodes (up to " << timeout << " s)\n";
            row.dot = runDot(dotOf(drawing, options), folder, timeout);
        }
        rows.push_back(row);
        largest = drawing;
        largestLayout = layout;
        largestNodes = around;
    }
    fs::remove_all(folder);
#ifdef TRIBUTARY_BENCH_PAN
    // The largest drawing in the desktop's view: frame times while panning; screenshots beside
    // the results, to look at.
    std::cerr << "panning the lineage view over " << largestNodes.size() << " nodes\n";
    const fs::path shots = catalogDir.parent_path().parent_path() / "bench-results";
    fs::create_directories(shots);
    const bench::PanFigures pan
        = bench::measurePanning(graph, largestNodes, largest, largestLayout, shots.string());
#endif

    std::printf("layout benchmark, scale %s (%s)\n", scale.c_str(), catalogDir.c_str());
    std::printf("neighbourhoods breadth first both ways from %s; nodes 44 px high, 60 + 7 px a "
                "character wide (at most 260)\n",
        graph.resource(start).ref.toString().c_str());
    std::printf("ours: median of 9 runs (5 from 2,000 nodes), in process; dot: one run of "
                "`dot -v -Tplain` (wall clock, process start included, splines=polyline)\n");
    std::printf("dot is not given the bands (kinds): it ranks by edges alone; \"unbanded\" is "
                "ours on that same input\n\n");
    std::printf("  %6s %6s %6s %9s %11s %9s %9s %9s %6s %9s %6s  %s\n", "nodes", "edges", "layers",
        "ours ms", "dot ms", "speed-up", "ours x", "dot x", "ratio", "unbanded", "ratio",
        "geometry");
    const auto ratioOf = [](std::size_t ours, std::size_t theirs) {
        return theirs == 0 ? (ours == 0 ? 1.0 : 0.0) : double(ours) / double(theirs);
    };
    for (const Row &row : rows) {
        char dotMs[32] = "-", speedup[32] = "-", dotCross[32] = "-", ratio[32] = "-",
             plain[32] = "-";
        if (withDot && !row.dot.finished) {
            std::snprintf(dotMs, sizeof dotMs, "> %d s", timeout);
            std::snprintf(speedup, sizeof speedup, "> %.0f", timeout * 1000.0 / row.milliseconds);
        } else if (withDot) {
            std::snprintf(dotMs, sizeof dotMs, "%.1f", row.dot.milliseconds);
            std::snprintf(speedup, sizeof speedup, "%.1f", row.dot.milliseconds / row.milliseconds);
        }
        if (withDot && row.dot.finished && row.dot.crossings) {
            std::snprintf(dotCross, sizeof dotCross, "%zu", *row.dot.crossings);
            std::snprintf(ratio, sizeof ratio, "%.2f", ratioOf(row.crossings, *row.dot.crossings));
            std::snprintf(plain, sizeof plain, "%.2f", ratioOf(row.unbanded, *row.dot.crossings));
        }
        std::printf("  %6zu %6zu %6zu %9.2f %11s %9s %9zu %9s %6s %9zu %6s  %s\n", row.nodes,
            row.edges, row.layers, row.milliseconds, dotMs, speedup, row.crossings, dotCross, ratio,
            row.unbanded, plain, row.geometryAgrees ? "agrees" : "DIFFERS");
    }
    std::printf("\n");
    bool agree = true;
    for (const Row &row : rows) {
        const std::size_t n = row.target;
        agree = agree && row.geometryAgrees;
        std::printf("BENCH layout_ms_%zu %.2f ms\n", n, row.milliseconds);
        std::printf("BENCH layout_crossings_%zu %zu crossings\n", n, row.crossings);
        std::printf("BENCH layout_crossings_unbanded_%zu %zu crossings\n", n, row.unbanded);
        if (!withDot)
            continue;
        if (row.dot.finished) {
            std::printf("BENCH dot_ms_%zu %.1f ms\n", n, row.dot.milliseconds);
            std::printf(
                "BENCH layout_speedup_%zu %.1f x\n", n, row.dot.milliseconds / row.milliseconds);
            if (row.dot.crossings && *row.dot.crossings > 0) {
                std::printf("BENCH crossings_ratio_%zu %.2f x\n", n,
                    double(row.crossings) / double(*row.dot.crossings));
                std::printf("BENCH crossings_ratio_unbanded_%zu %.2f x\n", n,
                    double(row.unbanded) / double(*row.dot.crossings));
            }
        } else {
            std::printf("BENCH dot_ms_%zu >%d000 ms\n", n, timeout);
            std::printf(
                "BENCH layout_speedup_%zu >%.0f x\n", n, timeout * 1000.0 / row.milliseconds);
        }
    }
#ifdef TRIBUTARY_BENCH_PAN
    std::printf(
        "\npanning the desktop's lineage view over %zu nodes (1400x900, offscreen, %d frames "
        "each; screenshots in %s)\n",
        largestNodes.size(), pan.frames, shots.c_str());
    const std::size_t shown = std::min<std::size_t>(largestNodes.size(), 5000);
    std::printf("  at 100%%: pan frame p50 %.1f ms, p99 %.1f ms; whole view repainted p99 %.1f ms\n",
        pan.readableP50, pan.readableP99, pan.readableFullP99);
    std::printf("  at  25%%: pan frame p50 %.1f ms, p99 %.1f ms; whole view repainted p99 %.1f ms\n\n",
        pan.overviewP50, pan.overviewP99, pan.overviewFullP99);
    std::printf("BENCH pan_frame_p50_%zu %.1f ms\n", shown, pan.readableP50);
    std::printf("BENCH pan_frame_p99_%zu %.1f ms\n", shown, pan.readableP99);
    std::printf("BENCH repaint_p99_%zu %.1f ms\n", shown, pan.readableFullP99);
    std::printf("BENCH pan_overview_frame_p99_%zu %.1f ms\n", shown, pan.overviewP99);
    std::printf("BENCH repaint_overview_p99_%zu %.1f ms\n", shown, pan.overviewFullP99);
#endif
    if (!agree) {
        std::fprintf(stderr, "the layout's crossing count differs from its routes' geometry\n");
        return 1;
    }
    return 0;
}
