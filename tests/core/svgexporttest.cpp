// SPDX-License-Identifier: Apache-2.0
// The SVG of a drawn lineage graph: well-formed XML whatever the catalog text holds, every node
// drawn (coloured by kind, personal data marked, hidden neighbours counted) and linked.
#include <regex>
#include <vector>

#include <gtest/gtest.h>

#include "tributary/layout/drawngraph.h"

namespace tributary {
namespace {

// A small XML well-formedness check: tags nest and match, attribute values are quoted and
// hold no '<', text holds no '<', and every '&' starts a known entity. Returns the problem.
std::string xmlProblem(const std::string &xml)
{
    std::vector<std::string> open;
    static const std::regex entity(R"(&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)");
    for (std::size_t i = 0; i < xml.size();) {
        if (xml[i] == '&') {
            std::smatch m;
            const std::string rest = xml.substr(i, 12);
            if (!std::regex_search(rest, m, entity) || m.position(0) != 0)
                return "bad entity at " + std::to_string(i);
            i += std::size_t(m.length(0));
            continue;
        }
        if (xml[i] != '<') {
            ++i;
            continue;
        }
        const std::size_t end = xml.find('>', i);
        if (end == std::string::npos)
            return "unclosed tag at " + std::to_string(i);
        std::string tag = xml.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.starts_with("?") || tag.starts_with("!"))
            continue;
        if (tag.starts_with("/")) {
            if (open.empty() || open.back() != tag.substr(1))
                return "</" + tag.substr(1) + "> closes "
                    + (open.empty() ? "nothing" : open.back());
            open.pop_back();
            continue;
        }
        const bool empty = tag.ends_with("/");
        if (empty)
            tag.pop_back();
        const std::string name = tag.substr(0, tag.find(' '));
        // Attributes: name="value" pairs and nothing else.
        static const std::regex attributes(
            R"re(^[A-Za-z][\w:-]*(\s+[A-Za-z][\w:-]*="[^"<]*")*\s*$)re");
        if (!std::regex_match(tag, attributes))
            return "bad attributes in <" + tag + ">";
        if (!empty)
            open.push_back(name);
    }
    return open.empty() ? "" : "<" + open.back() + "> not closed";
}

std::size_t count(const std::string &text, const std::string &part)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

DrawnGraph hostileGraph()
{
    DrawnGraph graph;
    graph.title = "Lineage of <script>alert(1)</script>";
    graph.asOf = "import 3 & \"more\"";
    graph.fingerprint = "abc";
    DrawnNode source{"source:raw@v1", "raw@v1 </text><script>x</script>", "source",
        {"pii:direct", "gdpr"}, {}, {100, 50}, 160, 44, 3, 0, false};
    DrawnNode feature{"feature:f@v1", "f\xFF\"'&<>@v1", "feature", {"confidential"}, {"", "x"},
        {400, 50}, 160, 86, 0, 150, true};
    DrawnNode model{"model:m@1", "m@1", "model", {}, {}, {700, 120}, 120, 44, 0, 0, false};
    graph.nodes = {source, feature, model};
    graph.edges = {{0, 1, "source", "", "", {{180, 50}, {320, 50}}, false},
        {1, 2, "inference_feature", "", "", {}, true}};
    return graph;
}

TEST(SvgExport, WellFormedAndEscapedWhateverTheText)
{
    const std::string svg = writeSvg(hostileGraph());
    EXPECT_EQ(xmlProblem(svg), "") << svg;
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(svg.find("\xEF\xBF\xBD"), std::string::npos); // the invalid byte, replaced
    EXPECT_EQ(svg.find("\xFF"), std::string::npos);
    // No style, no script, no link unless asked for.
    EXPECT_EQ(svg.find("style"), std::string::npos);
    EXPECT_EQ(svg.find("href"), std::string::npos);
}

TEST(SvgExport, DrawsEveryNodeAndEdgeAsTheAppDoes)
{
    const DrawnGraph graph = hostileGraph();
    const std::string svg = writeSvg(graph);
    EXPECT_EQ(count(svg, "<g class=\"node\""), graph.nodes.size());
    EXPECT_EQ(count(svg, "marker-end="), graph.edges.size());
    for (const DrawnNode &node : graph.nodes)
        EXPECT_NE(svg.find("<title>" + node.id), std::string::npos) << node.id;
    // Kind colours (app/ui/kindnames.cpp), personal data in red, other tags grey.
    EXPECT_NE(svg.find("fill=\"#2563eb\""), std::string::npos); // source
    EXPECT_NE(svg.find("fill=\"#059669\""), std::string::npos); // feature
    EXPECT_EQ(count(svg, "<g class=\"tag personal\">"), 1u);
    EXPECT_NE(svg.find("<g class=\"tag personal\"><rect"), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#dc2626\"/><text"), std::string::npos);
    // Hidden neighbours: a count on each side that has any, 99+ past 99.
    EXPECT_NE(svg.find("<g class=\"hidden-up\">"), std::string::npos);
    EXPECT_NE(svg.find(">3</text></g>"), std::string::npos);
    EXPECT_NE(svg.find(">99+</text></g>"), std::string::npos);
    EXPECT_EQ(count(svg, "class=\"hidden-"), 2u);
    // Shown columns are listed; a feature's value column as "(value)".
    EXPECT_NE(svg.find("(value)"), std::string::npos);
}

TEST(SvgExport, LinksNodesWhereAskedWithEscapedHrefs)
{
    SvgOptions options;
    options.linkFor = [](const DrawnNode &node) {
        return node.kind == "model" ? std::string() : "pages/" + node.id + ".html?a=1&b=\"2\"";
    };
    const std::string svg = writeSvg(hostileGraph(), options);
    EXPECT_EQ(xmlProblem(svg), "") << svg;
    EXPECT_EQ(count(svg, "<a href="), 2u);
    EXPECT_NE(svg.find("<a href=\"pages/feature:f@v1.html?a=1&amp;b=&quot;2&quot;\">"),
        std::string::npos);
}

TEST(SvgExport, AnEmptyDrawingIsStillAnImage)
{
    const std::string svg = writeSvg(DrawnGraph{});
    EXPECT_EQ(xmlProblem(svg), "");
    EXPECT_NE(svg.find("viewBox="), std::string::npos);
}

} // namespace
} // namespace tributary
