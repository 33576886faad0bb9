// SPDX-License-Identifier: Apache-2.0
// Views of the lineage graph: `lineage` (a neighbourhood, with counts of what is not shown, for
// a resource or a column) and `paths` (every path between two resources).
#include <algorithm>
#include <ostream>

#include "lineagesupport.h"
#include "texttable.h"
#include "tributary/lineage/lineagequery.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

std::optional<int> depthOption(const Arguments &args, const std::string &command, Io &io, int &exitCode)
{
    const auto text = args.value("--depth");
    if (!text || *text == "all")
        return -1;
    if (*text == "0")
        return 0;
    const auto count = positiveCount(*text);
    if (!count) {
        exitCode = usageError(io, command, "--depth takes a number or 'all', not '" + *text + "'");
        return std::nullopt;
    }
    return int(*count);
}

std::string dotQuote(const std::string &text)
{
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '\n')
            quoted += "\\n"; // DOT's own line break in a label
        else if (c == '"' || c == '\\')
            quoted += std::string("\\") + c;
        else
            quoted += c;
    }
    return quoted + "\"";
}

// The lineage of one column: its column-level neighbourhood, in the lineage command's formats.
int printColumnLineage(const LineageGraph &graph, const AsOf &asOf, const ColumnNeighbourhood &hood,
                       const std::string &format, Io &io)
{
    const auto ref = [&](ColumnId column) { return columnRefText(graph, graph.column(column).resource, column); };
    const auto kind = [&](ColumnId column) {
        return graph.column(column).name.empty() ? std::string(kindName(graph.resource(graph.column(column).resource).ref.kind))
                                                 : std::string("column");
    };
    if (format == "json") {
        json nodes = json::array(), edges = json::array();
        for (const ColumnNeighbourhoodNode &node : hood.nodes) {
            nodes.push_back({{"ref", ref(node.node)}, {"kind", kind(node.node)}, {"depth", node.depth},
                             {"hidden_up", node.hiddenUp}, {"hidden_down", node.hiddenDown}});
        }
        for (const auto &[from, step] : hood.edges)
            edges.push_back({{"from", ref(from)}, {"to", ref(step.column)}, {"kind", transformName(step.transform)}});
        io.out << json{{"root", ref(hood.nodes.front().node)}, {"as_of", asOf.toString()},
                       {"fingerprint", graph.fingerprint()}, {"nodes", nodes}, {"edges", edges}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    if (format == "dot") {
        io.out << "digraph lineage {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
        for (const ColumnNeighbourhoodNode &node : hood.nodes) {
            io.out << "  " << dotQuote(ref(node.node)) << (node.depth == 0 ? " [style=bold]" : "") << ";\n";
        }
        for (const auto &[from, step] : hood.edges) {
            io.out << "  " << dotQuote(ref(from)) << " -> " << dotQuote(ref(step.column))
                   << " [label=" << dotQuote(std::string(transformName(step.transform))) << "];\n";
        }
        io.out << "}\n";
        return ExitOk;
    }
    TextTable table({"DEPTH", "COLUMN", "HIDDEN UP", "HIDDEN DOWN"});
    std::vector<ColumnNeighbourhoodNode> ordered = hood.nodes;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto &a, const auto &b) {
        return std::make_pair(a.depth, ref(a.node)) < std::make_pair(b.depth, ref(b.node));
    });
    for (const ColumnNeighbourhoodNode &node : ordered) {
        table.addRow({std::to_string(node.depth), ref(node.node),
                      node.hiddenUp ? std::to_string(node.hiddenUp) : "",
                      node.hiddenDown ? std::to_string(node.hiddenDown) : ""});
    }
    table.print(io.out);
    for (const auto &[from, step] : hood.edges)
        io.out << "  " << ref(from) << " -[" << transformName(step.transform) << "]-> " << ref(step.column) << '\n';
    return ExitOk;
}

int runLineage(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    const auto depth = depthOption(args, "lineage", io, exitCode);
    if (!depth)
        return exitCode;
    const std::string format = args.value("--format").value_or("text");
    if (format != "text" && format != "json" && format != "dot")
        return usageError(io, "lineage", "--format takes text, json or dot, not '" + format + "'");
    auto opened = openGraph(args, "lineage", io, exitCode);
    if (!opened)
        return exitCode;
    auto subject = subjectOf(*opened, args.positional().at(0), "lineage", io, exitCode);
    if (!subject)
        return exitCode;
    const bool up = args.flag("--up") || args.flag("--both") || !args.flag("--down");
    const bool down = args.flag("--down") || args.flag("--both") || !args.flag("--up");
    const LineageGraph &graph = opened->graph;
    if (subject->column)
        return printColumnLineage(graph, opened->asOf,
                                  columnNeighbourhood(graph, *subject->column, up ? *depth : 0, down ? *depth : 0),
                                  format, io);
    Traversal traversal(graph);
    const Neighbourhood hood = traversal.neighbourhood(subject->node, up ? *depth : 0, down ? *depth : 0);
    std::vector<NodeId> shown;
    for (const NeighbourhoodNode &node : hood.nodes)
        shown.push_back(node.node);
    // Column edges between shown resources, when asked.
    std::vector<std::pair<ColumnId, ColumnStep>> columnEdges;
    if (args.flag("--columns")) {
        for (NodeId node : shown) {
            for (ColumnId column : graph.columnsOf(node)) {
                for (const ColumnStep &step : graph.columnDownstream(column)) {
                    if (std::find(shown.begin(), shown.end(), graph.column(step.column).resource) != shown.end())
                        columnEdges.push_back({column, step});
                }
            }
        }
    }
    const auto ref = [&](NodeId node) { return graph.resource(node).ref.toString(); };
    const auto columnRef = [&](ColumnId column) {
        return columnRefText(graph, graph.column(column).resource, column);
    };
    if (format == "json") {
        json nodes = json::array(), edges = json::array(), columns = json::array();
        for (const NeighbourhoodNode &node : hood.nodes) {
            nodes.push_back({{"ref", ref(node.node)}, {"kind", kindName(graph.resource(node.node).ref.kind)},
                             {"depth", node.depth}, {"hidden_up", node.hiddenUp}, {"hidden_down", node.hiddenDown}});
        }
        for (const auto &[from, step] : hood.edges)
            edges.push_back({{"from", ref(from)}, {"to", ref(step.node)}, {"kind", edgeKindName(step.kind)}});
        json out = {{"root", ref(subject->node)}, {"as_of", opened->asOf.toString()},
                    {"fingerprint", graph.fingerprint()}, {"nodes", nodes}, {"edges", edges}};
        if (args.flag("--columns")) {
            for (const auto &[from, step] : columnEdges)
                columns.push_back({{"from", columnRef(from)}, {"to", columnRef(step.column)},
                                   {"transform", transformName(step.transform)}});
            out["column_edges"] = columns;
        }
        io.out << out.dump(2) << '\n';
        return ExitOk;
    }
    if (format == "dot") {
        io.out << "digraph lineage {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
        for (const NeighbourhoodNode &node : hood.nodes) {
            std::string label = ref(node.node);
            if (node.hiddenUp + node.hiddenDown > 0) {
                label += "\n(" + std::to_string(node.hiddenUp) + " more up, " + std::to_string(node.hiddenDown)
                         + " more down)";
            }
            io.out << "  " << dotQuote(ref(node.node)) << " [label=" << dotQuote(label)
                   << (node.node == subject->node ? ", style=bold" : "") << "];\n";
        }
        for (const auto &[from, step] : hood.edges) {
            io.out << "  " << dotQuote(ref(from)) << " -> " << dotQuote(ref(step.node)) << " [label="
                   << dotQuote(std::string(edgeKindName(step.kind))) << "];\n";
        }
        for (const auto &[from, step] : columnEdges) {
            io.out << "  " << dotQuote(columnRef(from)) << " -> " << dotQuote(columnRef(step.column))
                   << " [style=dashed, label=" << dotQuote(std::string(transformName(step.transform))) << "];\n";
        }
        io.out << "}\n";
        return ExitOk;
    }
    TextTable table({"DEPTH", "REF", "HIDDEN UP", "HIDDEN DOWN"});
    std::vector<NeighbourhoodNode> ordered = hood.nodes;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const NeighbourhoodNode &a, const NeighbourhoodNode &b) {
        return std::tie(a.depth, graph.resource(a.node).ref) < std::tie(b.depth, graph.resource(b.node).ref);
    });
    for (const NeighbourhoodNode &node : ordered) {
        table.addRow({std::to_string(node.depth), ref(node.node), node.hiddenUp ? std::to_string(node.hiddenUp) : "",
                      node.hiddenDown ? std::to_string(node.hiddenDown) : ""});
    }
    table.print(io.out);
    if (!columnEdges.empty()) {
        io.out << "\ncolumn lineage:\n";
        for (const auto &[from, step] : columnEdges)
            io.out << "  " << columnRef(from) << " -[" << transformName(step.transform) << "]-> "
                   << columnRef(step.column) << '\n';
    }
    return ExitOk;
}

// Paths from a column: column lineage, then resource lineage, in the paths command's formats.
int printColumnPaths(OpenedGraph &opened, ColumnId from, NodeId to, const PathQuery &query, const std::string &format,
                     Io &io)
{
    const LineageGraph &graph = opened.graph;
    Traversal traversal(graph);
    const ColumnPathResult result = traversal.columnPaths(from, to, query.maxPaths, query.maxLength);
    const auto hopRef = [&](const MixedHop &hop) { return columnRefText(graph, hop.resource, hop.column); };
    const auto hopEdge = [&](const MixedHop &hop) {
        return std::string(hop.column != kNoId ? transformName(hop.transform) : edgeKindName(hop.edge));
    };
    const std::string fromText = columnRefText(graph, graph.column(from).resource, from);
    const std::string toText = graph.resource(to).ref.toString();
    if (format == "json") {
        json paths = json::array();
        for (const MixedPath &path : result.paths) {
            json hops = json::array();
            for (std::size_t i = 0; i < path.size(); ++i)
                hops.push_back({{"ref", hopRef(path[i])}, {"edge", i == 0 ? std::string() : hopEdge(path[i])}});
            paths.push_back(hops);
        }
        io.out << json{{"from", fromText}, {"to", toText}, {"as_of", opened.asOf.toString()}, {"paths", paths},
                       {"truncated", result.truncated}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    if (result.paths.empty()) {
        io.err << "no lineage path from " << fromText << " to " << toText << '\n';
        return ExitOk;
    }
    for (const MixedPath &path : result.paths) {
        std::string line = hopRef(path.front());
        for (std::size_t i = 1; i < path.size(); ++i)
            line += " -[" + hopEdge(path[i]) + "]-> " + hopRef(path[i]);
        io.out << line << '\n';
    }
    if (result.truncated)
        io.out << "(more paths may exist; raise --max to see them)\n";
    return ExitOk;
}

int runPaths(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    PathQuery query;
    if (const auto max = args.value("--max")) {
        const auto count = positiveCount(*max);
        if (!count)
            return usageError(io, "paths", "--max takes a positive number, not '" + *max + "'");
        query.maxPaths = *count;
    }
    const std::string format = args.value("--format").value_or("text");
    if (format != "text" && format != "json")
        return usageError(io, "paths", "--format takes text or json, not '" + format + "'");
    auto opened = openGraph(args, "paths", io, exitCode);
    if (!opened)
        return exitCode;
    const auto from = subjectOf(*opened, args.positional().at(0), "paths", io, exitCode);
    if (!from)
        return exitCode;
    const auto to = subjectOf(*opened, args.positional().at(1), "paths", io, exitCode);
    if (!to)
        return exitCode;
    if (to->column)
        return usageError(io, "paths", "paths end at a resource, not a column", "give the model, feature or source");
    if (from->column)
        return printColumnPaths(*opened, *from->column, to->node, query, format, io);
    query.from = from->node;
    query.to = to->node;
    const LineageGraph &graph = opened->graph;
    Traversal traversal(graph);
    const PathResult result = traversal.paths(query);
    const auto ref = [&](NodeId node) { return graph.resource(node).ref.toString(); };
    if (format == "json") {
        json paths = json::array();
        for (const LineagePath &path : result.paths) {
            json hops = json::array();
            for (std::size_t i = 0; i < path.size(); ++i)
                hops.push_back({{"ref", ref(path[i].node)}, {"edge", i == 0 ? "" : edgeKindName(path[i].kind)}});
            paths.push_back(hops);
        }
        io.out << json{{"from", ref(query.from)}, {"to", ref(query.to)}, {"as_of", opened->asOf.toString()},
                       {"paths", paths}, {"truncated", result.truncated}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    if (result.paths.empty()) {
        io.err << "no lineage path from " << ref(query.from) << " to " << ref(query.to) << '\n';
        return ExitOk;
    }
    for (const LineagePath &path : result.paths) {
        std::string line = ref(path.front().node);
        for (std::size_t i = 1; i < path.size(); ++i)
            line += " -[" + std::string(edgeKindName(path[i].kind)) + "]-> " + ref(path[i].node);
        io.out << line << '\n';
    }
    if (result.truncated)
        io.out << "(more paths exist; raise --max to see them)\n";
    return ExitOk;
}

} // namespace

std::vector<Command> graphCommands()
{
    return {
        {"lineage", "lineage REF --catalog FILE [--up|--down|--both] [--depth N] [--columns] [--as-of T] [--format text|json|dot]",
         "the lineage around a resource, with counts of the neighbours not shown",
         {{"--catalog", "--depth", "--as-of", "--format"}, {"--up", "--down", "--both", "--columns"}, 1, 1}, runLineage},
        {"paths", "paths FROM TO --catalog FILE [--max N] [--as-of T] [--format text|json]",
         "every lineage path between two resources, shortest first",
         {{"--catalog", "--max", "--as-of", "--format"}, {}, 2, 2}, runPaths},
    };
}

} // namespace tributary::cli
