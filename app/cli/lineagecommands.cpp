// SPDX-License-Identifier: Apache-2.0
// Lineage and compliance commands: lineage, paths, trace, inputs, impact, exposure.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "browsesupport.h"
#include "texttable.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/report/reportbuilder.h"
#include "tributary/report/reportwriter.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

// The catalog's lineage as of --as-of, ready for queries.
struct OpenedGraph {
    std::unique_ptr<CatalogStore> store;
    AsOf asOf;
    LineageGraph graph;
};

std::optional<OpenedGraph> openGraph(const Arguments &args, const std::string &command, Io &io, int &exitCode)
{
    auto opened = openForReading(args, command, io, exitCode);
    if (!opened)
        return std::nullopt;
    auto snapshot = opened->store->lineageSnapshot(opened->asOf);
    if (!snapshot) {
        exitCode = reportError(snapshot.error(), io);
        return std::nullopt;
    }
    return OpenedGraph{std::move(opened->store), opened->asOf, LineageGraph::build(std::move(*snapshot))};
}

// Resolves a REF argument (a resource or a column) to the graph's ids.
std::optional<ReportSubject> subjectOf(OpenedGraph &opened, const std::string &text, const std::string &command,
                                       Io &io, int &exitCode)
{
    std::optional<std::string> column;
    auto ref = resolveArgument(*opened.store, text, opened.asOf, &column);
    if (!ref) {
        exitCode = reportResolveError(ref.error(), command, io);
        return std::nullopt;
    }
    const auto node = opened.graph.find(*ref);
    if (!node) {
        exitCode = reportError({ErrorCode::NotFound, "no " + ref->toString() + " in the lineage graph",
                                opened.store->locator(), {}, {}},
                               io);
        return std::nullopt;
    }
    ReportSubject subject{*node, std::nullopt};
    if (column) {
        subject.column = opened.graph.findColumn(*node, *column);
        if (!subject.column) {
            exitCode = reportError({ErrorCode::NotFound, ref->toString() + " has no column '" + *column + "'",
                                    opened.store->locator(), {}, {}},
                                   io);
            return std::nullopt;
        }
    }
    return subject;
}

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
            nodes.push_back({{"ref", ref(node.column)}, {"kind", kind(node.column)}, {"depth", node.depth},
                             {"hidden_up", node.hiddenUp}, {"hidden_down", node.hiddenDown}});
        }
        for (const auto &[from, step] : hood.edges)
            edges.push_back({{"from", ref(from)}, {"to", ref(step.column)}, {"kind", transformName(step.transform)}});
        io.out << json{{"root", ref(hood.nodes.front().column)}, {"as_of", asOf.toString()},
                       {"fingerprint", graph.fingerprint()}, {"nodes", nodes}, {"edges", edges}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    if (format == "dot") {
        io.out << "digraph lineage {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
        for (const ColumnNeighbourhoodNode &node : hood.nodes) {
            io.out << "  " << dotQuote(ref(node.column)) << (node.depth == 0 ? " [style=bold]" : "") << ";\n";
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
        return std::make_pair(a.depth, ref(a.column)) < std::make_pair(b.depth, ref(b.column));
    });
    for (const ColumnNeighbourhoodNode &node : ordered) {
        table.addRow({std::to_string(node.depth), ref(node.column),
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

// Writes the report to --output (atomically: a temporary file, then a rename) or stdout.
int emitReport(const Report &report, const Arguments &args, const std::string &command, Io &io)
{
    const std::string name = args.value("--format").value_or("text");
    const auto format = parseReportFormat(name);
    if (!format)
        return usageError(io, command, "--format takes text, json, csv or html, not '" + name + "'");
    const std::string text = writeReport(report, *format);
    const auto output = args.value("--output");
    if (!output) {
        io.out << text;
        return ExitOk;
    }
    const std::filesystem::path target(*output);
    const std::filesystem::path temporary = target.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            std::filesystem::remove(temporary);
            return reportError({ErrorCode::Io, "cannot write the report", *output, {}, {}}, io);
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, target, ec);
    if (ec)
        return reportError({ErrorCode::Io, "cannot write the report: " + ec.message(), *output, {}, {}}, io);
    io.err << "wrote " << *output << " (" << report.results.size() << " results)\n";
    return ExitOk;
}

ReportStamp stampFor(const Arguments &args, const std::string &command, const OpenedGraph &opened)
{
    std::string query = "tributary " + command;
    for (const std::string &arg : args.positional())
        query += " " + arg;
    for (const char *option : {"--to-kind", "--tag", "--policy", "--as-of"}) {
        if (const auto value = args.value(option))
            query += std::string(" ") + option + " " + *value;
    }
    // SOURCE_DATE_EPOCH (the reproducible-builds convention) fixes the generation time, so a
    // report can be regenerated byte for byte and compared.
    Timestamp generated = Timestamp::now();
    if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char *end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0')
            generated = Timestamp{seconds};
    }
    return {query, opened.asOf.toString(), generated, toolVersion()};
}

// The report commands about one subject share everything but the report they build.
template <typename Build>
int runSubjectReport(const Arguments &args, Io &io, const std::string &command, Build build)
{
    int exitCode = ExitOk;
    auto opened = openGraph(args, command, io, exitCode);
    if (!opened)
        return exitCode;
    const auto subject = subjectOf(*opened, args.positional().at(0), command, io, exitCode);
    if (!subject)
        return exitCode;
    return emitReport(build(opened->graph, *subject, stampFor(args, command, *opened)), args, command, io);
}

int runTrace(const Arguments &args, Io &io)
{
    std::set<ResourceKind> kinds;
    if (const auto kind = args.value("--to-kind")) {
        const auto parsed = parseKind(*kind);
        if (!parsed)
            return usageError(io, "trace", "unknown kind '" + *kind + "'",
                              "kinds are provider, entity, source, feature, label, training_set, model");
        kinds.insert(*parsed);
    }
    return runSubjectReport(args, io, "trace", [&](const LineageGraph &graph, const ReportSubject &subject,
                                                   const ReportStamp &stamp) {
        return traceReport(graph, subject, kinds, stamp);
    });
}

int runInputs(const Arguments &args, Io &io)
{
    return runSubjectReport(args, io, "inputs", [](const LineageGraph &graph, const ReportSubject &subject,
                                                   const ReportStamp &stamp) {
        return inputsReport(graph, subject.node, stamp);
    });
}

int runImpact(const Arguments &args, Io &io)
{
    return runSubjectReport(args, io, "impact", impactReport);
}

int runExposure(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    const auto tag = args.value("--tag");
    if (!tag || tag->empty())
        return usageError(io, "exposure", "--tag is required", "e.g. --tag pii, --tag pii:direct, --tag gdpr");
    PropagationPolicy policy;
    if (const auto path = args.value("--policy")) {
        if (!std::filesystem::exists(*path))
            return reportError({ErrorCode::NotFound, "no policy file", *path, {}, {}}, io);
        Diagnostics diagnostics;
        policy = readPropagationPolicy(*path, diagnostics);
        reportDiagnostics(diagnostics, io);
        if (hasErrors(diagnostics))
            return ExitInputError;
    }
    auto opened = openGraph(args, "exposure", io, exitCode);
    if (!opened)
        return exitCode;
    return emitReport(exposureReport(opened->graph, policy, *tag, stampFor(args, "exposure", *opened)), args,
                      "exposure", io);
}

} // namespace

std::vector<Command> lineageCommands()
{
    const std::vector<std::string> reportOptions{"--catalog", "--as-of", "--format", "--output"};
    const auto with = [&](std::initializer_list<std::string> extra) {
        std::vector<std::string> options = reportOptions;
        options.insert(options.end(), extra);
        return options;
    };
    return {
        {"lineage", "lineage REF --catalog FILE [--up|--down|--both] [--depth N] [--columns] [--as-of T] [--format text|json|dot]",
         "the lineage around a resource, with counts of the neighbours not shown",
         {{"--catalog", "--depth", "--as-of", "--format"}, {"--up", "--down", "--both", "--columns"}, 1, 1}, runLineage},
        {"paths", "paths FROM TO --catalog FILE [--max N] [--as-of T] [--format text|json]",
         "every lineage path between two resources, shortest first",
         {{"--catalog", "--max", "--as-of", "--format"}, {}, 2, 2}, runPaths},
        {"trace", "trace REF --catalog FILE [--to-kind K] [--as-of T] [--format text|json|csv|html] [--output F]",
         "what a resource or column fed, with the evidence for each",
         {with({"--to-kind"}), {}, 1, 1}, runTrace},
        {"inputs", "inputs MODEL_REF --catalog FILE [--as-of T] [--format text|json|csv|html] [--output F]",
         "everything that fed a model", {with({}), {}, 1, 1}, runInputs},
        {"impact", "impact REF --catalog FILE [--as-of T] [--format text|json|csv|html] [--output F]",
         "what a change or erasure of a resource or column hits, and whom to tell", {with({}), {}, 1, 1}, runImpact},
        {"exposure", "exposure --tag T --catalog FILE [--policy F] [--as-of T] [--format text|json|csv|html] [--output F]",
         "the models a tag (e.g. pii) reaches, and how", {with({"--tag", "--policy"}), {}, 0, 0}, runExposure},
    };
}

} // namespace tributary::cli
