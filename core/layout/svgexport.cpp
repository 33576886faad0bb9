// SPDX-License-Identifier: Apache-2.0
// SVG of a drawn lineage graph: what the desktop's lineage view paints (lineagenodeitem.cpp),
// as presentation attributes only (no <style>, no style="", no script), so that a page with a
// strict Content-Security-Policy can inline it and a file viewer can open it alone.
#include <algorithm>
#include <cstdio>

#include "tributary/layout/drawngraph.h"
#include "xmltext_p.h"

namespace tributary {
namespace {

using layout_detail::xmlText;

constexpr double kHeader = 44; // NodeMetrics::kHeaderHeight in app/ui/lineagedrawing.h
constexpr double kRow = 18;
constexpr double kBadge = 22;
constexpr double kMargin = 16;
constexpr const char *kPersonal = "#dc2626";

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// The kind's colour, as app/ui/kindnames.cpp kindColour() has it.
const char *kindColour(const std::string &kind)
{
    if (kind == "provider")
        return "#6b7280";
    if (kind == "entity")
        return "#8b5cf6";
    if (kind == "source")
        return "#2563eb";
    if (kind == "feature")
        return "#059669";
    if (kind == "label")
        return "#c026d3";
    if (kind == "training_set")
        return "#d97706";
    if (kind == "model")
        return "#dc2626";
    return "#57606a";
}

bool isPersonal(const std::string &tag)
{
    return tag == "pii" || tag.starts_with("pii:");
}

// At most `chars` code points of `text`, with an ellipsis when cut.
std::string elided(const std::string &text, std::size_t chars)
{
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (++points > chars)
            return text.substr(0, i) + "\xE2\x80\xA6"; // U+2026
    }
    return text;
}

std::string attribute(const char *name, const std::string &value)
{
    return std::string(" ") + name + "=\"" + xmlText(value) + "\"";
}

std::string badge(double cx, double cy, std::size_t hidden, const char *direction)
{
    const std::string count = hidden > 99 ? "99+" : std::to_string(hidden);
    return "<g class=\"hidden-" + std::string(direction) + "\"><circle cx=\"" + number(cx)
        + "\" cy=\"" + number(cy) + "\" r=\"" + number(kBadge / 2)
        + "\" fill=\"#0969da\" stroke=\"#ffffff\"/><text x=\"" + number(cx) + "\" y=\""
        + number(cy + 3.5) + "\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\""
        + " fill=\"#ffffff\">" + count + "</text></g>";
}

std::string nodeSvg(const DrawnNode &node, const std::string &href)
{
    const double left = node.centre.x - node.width / 2;
    const double top = node.centre.y - node.height / 2;
    const char *colour = kindColour(node.kind);
    std::string tip = node.id;
    if (!node.tags.empty()) {
        tip += "\ntags:";
        for (const std::string &tag : node.tags)
            tip += " " + tag;
    }
    if (node.hiddenUp + node.hiddenDown > 0)
        tip += "\n" + std::to_string(node.hiddenUp) + " upstream and "
            + std::to_string(node.hiddenDown) + " downstream not shown";
    std::string out = href.empty() ? "" : "<a" + attribute("href", href) + ">";
    out += "<g class=\"node\"" + attribute("data-kind", node.kind) + "><title>" + xmlText(tip)
        + "</title>";
    out += "<rect x=\"" + number(left) + "\" y=\"" + number(top) + "\" width=\""
        + number(node.width) + "\" height=\"" + number(node.height)
        + "\" rx=\"6\" fill=\"#ffffff\" stroke=\"" + (node.highlighted ? colour : "#8c959f")
        + "\" stroke-width=\"" + (node.highlighted ? "3" : "1") + "\"/>";
    out += "<rect x=\"" + number(left) + "\" y=\"" + number(top) + "\" width=\"6\" height=\""
        + number(node.height) + "\" rx=\"3\" fill=\"" + colour + "\"/>";
    const auto chars = std::size_t(std::max(4.0, (node.width - 24) / 7));
    out += "<text x=\"" + number(left + 12) + "\" y=\"" + number(top + 18)
        + "\" font-size=\"12\" fill=\"#1f2328\"" + (node.highlighted ? " font-weight=\"bold\"" : "")
        + ">" + xmlText(elided(node.label, chars)) + "</text>";
    out += "<text x=\"" + number(left + 12) + "\" y=\"" + number(top + 35)
        + "\" font-size=\"10\" fill=\"" + colour + "\">" + xmlText(node.kind) + "</text>";
    // Tag marks from the right, as many as fit beside the kind: personal data red, others grey.
    double x = left + node.width - 6;
    const double floor = left + 12 + 6.5 * double(node.kind.size()) + 4;
    std::vector<std::string> tags = node.tags; // personal data first: it must not be the one cut
    std::stable_partition(tags.begin(), tags.end(), isPersonal);
    for (const std::string &tag : tags) {
        const std::string label = tag.substr(0, tag.find(':'));
        const double w = 6.0 * double(std::min<std::size_t>(label.size(), 12)) + 8;
        if (x - w < floor)
            break;
        x -= w;
        out += "<g class=\"tag" + std::string(isPersonal(tag) ? " personal" : "") + "\"><rect x=\""
            + number(x) + "\" y=\"" + number(top + 25) + "\" width=\"" + number(w - 2)
            + "\" height=\"13\" rx=\"3\" fill=\"" + (isPersonal(tag) ? kPersonal : "#8c959f")
            + "\"/><text x=\"" + number(x + (w - 2) / 2) + "\" y=\"" + number(top + 35)
            + "\" text-anchor=\"middle\" font-size=\"9\"" + " fill=\"#ffffff\">"
            + xmlText(elided(label, 12)) + "</text></g>";
    }
    for (std::size_t i = 0; i < node.columns.size(); ++i) {
        const std::string name = node.columns[i].empty() ? "(value)" : node.columns[i];
        out += "<text x=\"" + number(left + 14) + "\" y=\""
            + number(top + kHeader + 6 + kRow * (double(i) + 0.7)) + "\" font-size=\"10\""
            + " fill=\"#1f2328\">" + xmlText(elided(name, chars)) + "</text>";
    }
    const double badgeY = top + kHeader / 2;
    if (node.hiddenUp > 0)
        out += badge(left, badgeY, node.hiddenUp, "up");
    if (node.hiddenDown > 0)
        out += badge(left + node.width, badgeY, node.hiddenDown, "down");
    return out + "</g>" + (href.empty() ? "" : "</a>") + "\n";
}

} // namespace

std::string writeSvg(const DrawnGraph &graph, const SvgOptions &options)
{
    double left = 0, top = 0, right = 0, bottom = 0;
    bool first = true;
    const auto extend = [&](double x0, double y0, double x1, double y1) {
        left = first ? x0 : std::min(left, x0);
        top = first ? y0 : std::min(top, y0);
        right = first ? x1 : std::max(right, x1);
        bottom = first ? y1 : std::max(bottom, y1);
        first = false;
    };
    for (const DrawnNode &node : graph.nodes)
        extend(node.centre.x - node.width / 2 - kBadge / 2, node.centre.y - node.height / 2,
            node.centre.x + node.width / 2 + kBadge / 2, node.centre.y + node.height / 2);
    for (const DrawnEdge &edge : graph.edges) {
        for (const LayoutPoint &p : edge.points)
            extend(p.x, p.y, p.x, p.y);
    }
    left -= kMargin;
    top -= kMargin;
    right += kMargin;
    bottom += kMargin;
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" viewBox=\""
        + number(left) + " " + number(top) + " " + number(right - left) + " " + number(bottom - top)
        + "\" width=\"" + number(right - left) + "\" height=\"" + number(bottom - top)
        + "\" role=\"img\"" + attribute("aria-label", graph.title)
        + attribute("font-family", options.fontFamily) + ">\n<title>" + xmlText(graph.title)
        + "</title>\n";
    if (!graph.asOf.empty() || !graph.fingerprint.empty())
        out += "<desc>as of " + xmlText(graph.asOf) + ", fingerprint " + xmlText(graph.fingerprint)
            + "</desc>\n";
    out += "<defs><marker id=\"tributary-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\""
           " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
           "<path d=\"M0,0 L8,4 L0,8 z\" fill=\"#8c959f\"/></marker></defs>\n<g class=\"edges\">\n";
    for (const DrawnEdge &edge : graph.edges) {
        if (edge.from >= graph.nodes.size() || edge.to >= graph.nodes.size())
            continue;
        std::vector<LayoutPoint> route = edge.points;
        if (route.size() < 2) {
            const DrawnNode &a = graph.nodes[edge.from], &b = graph.nodes[edge.to];
            route
                = {{a.centre.x + a.width / 2, a.centre.y}, {b.centre.x - b.width / 2, b.centre.y}};
        }
        std::string d;
        for (const LayoutPoint &p : route)
            d += (d.empty() ? "M" : " L") + number(p.x) + "," + number(p.y);
        const bool column = !edge.fromColumn.empty() || !edge.toColumn.empty();
        out += "<path d=\"" + d + "\" fill=\"none\" stroke=\""
            + (edge.highlighted ? "#f59e0b" : "#8c959f") + "\" stroke-width=\""
            + (edge.highlighted ? "3" : "1.3") + "\"" + (column ? " stroke-dasharray=\"4 3\"" : "")
            + " marker-end=\"url(#tributary-arrow)\"><title>"
            + xmlText(
                graph.nodes[edge.from].id + " -[" + edge.kind + "]-> " + graph.nodes[edge.to].id)
            + "</title></path>\n";
    }
    out += "</g>\n<g class=\"nodes\">\n";
    for (const DrawnNode &node : graph.nodes)
        out += nodeSvg(node, options.linkFor ? options.linkFor(node) : std::string());
    return out + "</g>\n</svg>\n";
}

} // namespace tributary
