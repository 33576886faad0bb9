// SPDX-License-Identifier: Apache-2.0
// DOT and GraphML of a drawn lineage graph.
#include <algorithm>
#include <cstdio>

#include "tributary/layout/drawngraph.h"
#include "xmltext_p.h"

namespace tributary {
namespace {

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n.
std::string dotQuoted(const std::string &text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r')
            continue;
        out += c;
    }
    return out + "\"";
}

std::string joined(const std::vector<std::string> &items, const char *separator)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : separator) + item;
    return out;
}

} // namespace

namespace layout_detail {

std::string xmlText(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            continue;
        if (c >= 0x80) {
            const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            bool valid = length > 0 && i + length <= text.size() && c < 0xF5;
            for (std::size_t k = 1; valid && k < length; ++k)
                valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
            if (!valid) {
                out += "\xEF\xBF\xBD"; // U+FFFD
                continue;
            }
            out.append(text, i, length);
            i += length - 1;
            continue;
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += char(c);
        }
    }
    return out;
}

} // namespace layout_detail

namespace {

using layout_detail::xmlText;

std::string points(const std::vector<LayoutPoint> &route)
{
    std::string out;
    for (const LayoutPoint &p : route)
        out += (out.empty() ? "" : " ") + number(p.x) + "," + number(p.y);
    return out;
}

} // namespace

std::string writeDot(const DrawnGraph &graph)
{
    std::string out = "// " + graph.title + "\n// as of " + graph.asOf + ", fingerprint "
        + graph.fingerprint
        + "\ndigraph lineage {\n  graph [rankdir=LR, label=" + dotQuoted(graph.title)
        + ", labelloc=t];\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n";
    // DOT's y grows upwards: flip the drawing's y about its lowest point.
    double bottom = 0;
    for (const DrawnNode &node : graph.nodes)
        bottom = std::max(bottom, node.centre.y + node.height / 2);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const DrawnNode &node = graph.nodes[i];
        std::string label = node.label;
        if (!node.columns.empty())
            label += "\n" + joined(node.columns, "\n");
        out += "  n" + std::to_string(i) + " [id=" + dotQuoted(node.id)
            + ", label=" + dotQuoted(label) + ", kind=" + dotQuoted(node.kind)
            + ", tooltip=" + dotQuoted(joined(node.tags, " ")) + ", pos=\"" + number(node.centre.x)
            + "," + number(bottom - node.centre.y) + "!\"" + ", width=" + number(node.width / 72)
            + ", height=" + number(node.height / 72) + ", hidden_up="
            + std::to_string(node.hiddenUp) + ", hidden_down=" + std::to_string(node.hiddenDown)
            + (node.highlighted ? ", penwidth=3" : "") + "];\n";
    }
    for (const DrawnEdge &edge : graph.edges) {
        out += "  n" + std::to_string(edge.from) + " -> n" + std::to_string(edge.to)
            + " [kind=" + dotQuoted(edge.kind);
        if (!edge.fromColumn.empty() || !edge.toColumn.empty())
            out += ", tailport=" + dotQuoted(edge.fromColumn)
                + ", headport=" + dotQuoted(edge.toColumn) + ", style=dashed";
        out += std::string(edge.highlighted ? ", penwidth=3" : "") + "];\n";
    }
    return out + "}\n";
}

std::string writeGraphml(const DrawnGraph &graph)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    struct Key {
        const char *id, *scope, *name, *type;
    };
    constexpr Key keys[] = {
        {"label", "node", "label", "string"},
        {"kind", "node", "kind", "string"},
        {"tags", "node", "tags", "string"},
        {"columns", "node", "columns", "string"},
        {"x", "node", "x", "double"},
        {"y", "node", "y", "double"},
        {"width", "node", "width", "double"},
        {"height", "node", "height", "double"},
        {"hidden_up", "node", "hidden_up", "int"},
        {"hidden_down", "node", "hidden_down", "int"},
        {"highlighted", "all", "highlighted", "boolean"},
        {"edge_kind", "edge", "kind", "string"},
        {"from_column", "edge", "from_column", "string"},
        {"to_column", "edge", "to_column", "string"},
        {"route", "edge", "route", "string"},
        {"as_of", "graph", "as_of", "string"},
        {"fingerprint", "graph", "fingerprint", "string"},
    };
    for (const Key &key : keys) {
        out += std::string("  <key id=\"") + key.id + "\" for=\"" + key.scope + "\" attr.name=\""
            + key.name + "\" attr.type=\"" + key.type + "\"/>\n";
    }
    const auto data = [](const char *key, const std::string &value) {
        return std::string("      <data key=\"") + key + "\">" + xmlText(value) + "</data>\n";
    };
    out += "  <graph id=\"lineage\" edgedefault=\"directed\">\n";
    out += "    <desc>" + xmlText(graph.title) + "</desc>\n";
    out += data("as_of", graph.asOf).substr(2) + data("fingerprint", graph.fingerprint).substr(2);
    for (const DrawnNode &node : graph.nodes) {
        out += "    <node id=\"" + xmlText(node.id) + "\">\n" + data("label", node.label)
            + data("kind", node.kind) + data("tags", joined(node.tags, " "))
            + data("columns", joined(node.columns, " ")) + data("x", number(node.centre.x))
            + data("y", number(node.centre.y)) + data("width", number(node.width))
            + data("height", number(node.height)) + data("hidden_up", std::to_string(node.hiddenUp))
            + data("hidden_down", std::to_string(node.hiddenDown))
            + data("highlighted", node.highlighted ? "true" : "false") + "    </node>\n";
    }
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        const DrawnEdge &edge = graph.edges[i];
        out += "    <edge id=\"e" + std::to_string(i) + "\" source=\""
            + xmlText(graph.nodes[edge.from].id) + "\" target=\"" + xmlText(graph.nodes[edge.to].id)
            + "\">\n" + data("edge_kind", edge.kind);
        if (!edge.fromColumn.empty() || !edge.toColumn.empty())
            out += data("from_column", edge.fromColumn) + data("to_column", edge.toColumn);
        out += data("route", points(edge.points))
            + data("highlighted", edge.highlighted ? "true" : "false") + "    </edge>\n";
    }
    return out + "  </graph>\n</graphml>\n";
}

} // namespace tributary
