// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "tributary/layout/layeredlayout.h"

namespace tributary {

// A lineage drawing as shown, for export: exactly the nodes and edges on screen, where they are,
// and what each node hides. Coordinates are the drawing's (y down), in pixels.
struct DrawnNode {
    std::string id; // stable within the export: the ref ("feature:spend_30d@v2")
    std::string label; // "spend_30d@v2"
    std::string kind; // "feature"
    std::vector<std::string> tags;
    std::vector<std::string> columns; // shown columns, top to bottom; empty when folded
    LayoutPoint centre;
    double width = 0;
    double height = 0;
    std::size_t hiddenUp = 0;
    std::size_t hiddenDown = 0;
    bool highlighted = false; // on a highlighted path, or reached by the tag overlay
};

struct DrawnEdge {
    std::size_t from = 0; // index into DrawnGraph::nodes
    std::size_t to = 0;
    std::string kind; // edge kind ("input", "feature") or transform ("masked") of a column edge
    std::string fromColumn; // set for column edges
    std::string toColumn;
    std::vector<LayoutPoint> points; // the route as drawn
    bool highlighted = false;
};

struct DrawnGraph {
    std::string title; // "Lineage of feature:spend_30d@v2"
    std::string asOf; // "latest, import 3"
    std::string fingerprint;
    std::vector<DrawnNode> nodes;
    std::vector<DrawnEdge> edges;
};

// Graphviz DOT: a digraph laid out left to right whose nodes carry `pos` (points, y up, pinned),
// so `neato -n2` redraws exactly this picture and `dot` lays it out anew. Every string quoted
// and escaped.
std::string writeDot(const DrawnGraph &graph);
// GraphML with keys for label, kind, tags, position, size, hidden counts, columns and routes;
// valid XML whatever the catalog text holds (escaped; characters XML forbids dropped).
std::string writeGraphml(const DrawnGraph &graph);

struct SvgOptions {
    std::function<std::string(const DrawnNode &)> linkFor; // a node's href; "" (or unset): none
    // Browsers take a CSS list; Qt's SVG renderer needs one installed family, or it draws the
    // text as outlines (no longer text in a PDF).
    std::string fontFamily = "system-ui, sans-serif";
};
// A standalone SVG of the drawing (also fit to inline in HTML): nodes coloured by kind as the
// app draws them, personal-data tags (pii, pii:*) marked red, hidden-neighbour counts as badges,
// each node titled with its id. Every string escaped; no external resource, no script.
std::string writeSvg(const DrawnGraph &graph, const SvgOptions &options = {});

} // namespace tributary
