// SPDX-License-Identifier: Apache-2.0
// Descriptions as HTML: CommonMark rendered, [[links]] resolved, and nothing unsafe let through.
#include "tributary/docs/markdownhtml.h"

#include <gtest/gtest.h>

namespace tributary {
namespace {

// Pages for feature:a@v1 and source:s@v2 only.
std::string linkFor(const Ref &ref)
{
    if (ref == Ref{ResourceKind::Feature, "a", "v1"})
        return "pages/a.html";
    if (ref == Ref{ResourceKind::Source, "s_x_", "v2"})
        return "pages/s.html?x=1&y=2";
    return {};
}

std::string render(std::string_view markdown)
{
    return markdownToHtml(markdown, linkFor);
}

TEST(MarkdownHtml, RendersCommonMark)
{
    EXPECT_EQ(render("Hello *world*"), "<p>Hello <em>world</em></p>\n");
    EXPECT_EQ(render("# Title\n\ntext"), "<h3>Title</h3>\n<p>text</p>\n");
    EXPECT_EQ(render("###### deep"), "<h6>deep</h6>\n");
    EXPECT_EQ(render("- one\n- two\n"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    EXPECT_EQ(render("3. c\n4. d\n"), "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n");
    EXPECT_EQ(render("```sql\nSELECT 1 < 2\n```\n"),
        "<pre><code class=\"language-sql\">SELECT 1 &lt; 2\n</code></pre>\n");
    EXPECT_EQ(render("a  \nb"), "<p>a<br>\nb</p>\n");
    EXPECT_EQ(render("> quoted"), "<blockquote>\n<p>quoted</p>\n</blockquote>\n");
    EXPECT_EQ(render(""), "");
}

TEST(MarkdownHtml, EscapesAllText)
{
    EXPECT_EQ(render("a < b & \"c\" 'd'"), "<p>a &lt; b &amp; &quot;c&quot; &#39;d&#39;</p>\n");
    EXPECT_EQ(render("`<b>`"), "<p><code>&lt;b&gt;</code></p>\n");
    EXPECT_EQ(escapeHtml("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(MarkdownHtml, ResolvesAssetLinks)
{
    const std::string html
        = render("Uses [[feature:a@v1]], [[source:s_x_@v2]] and [[feature:gone@v3]].");
    EXPECT_NE(
        html.find("<a class=\"asset\" href=\"pages/a.html\">feature:a@v1</a>"), std::string::npos)
        << html;
    // The underscores of a name are not emphasis, the href is escaped.
    EXPECT_NE(html.find("<a class=\"asset\" href=\"pages/s.html?x=1&amp;y=2\">source:s_x_@v2</a>"),
        std::string::npos)
        << html;
    EXPECT_NE(
        html.find("<span class=\"unresolved\" title=\"not in this site\">feature:gone@v3</span>"),
        std::string::npos)
        << html;
    EXPECT_EQ(html.find("<em>"), std::string::npos);
    // A bare name is a feature; a link that is not a reference stays text, with why.
    EXPECT_NE(render("[[a@v1]]").find("href=\"pages/a.html\""), std::string::npos);
    EXPECT_NE(render("[[not a ref]]").find("<span class=\"unresolved\""), std::string::npos);
    // In code, a link is the text as written.
    EXPECT_EQ(render("`[[feature:a@v1]]`"), "<p><code>[[feature:a@v1]]</code></p>\n");
    EXPECT_EQ(render("    [[feature:a@v1]]\n"), "<pre><code>[[feature:a@v1]]\n</code></pre>\n");
    // Inside another link it cannot be an anchor too.
    const std::string nested = render("[see [[feature:a@v1]]](https://example.com/)");
    EXPECT_EQ(nested.find("<a class=\"asset\""), std::string::npos) << nested;
    EXPECT_NE(nested.find("<span class=\"asset\">feature:a@v1</span>"), std::string::npos)
        << nested;
    // Without a link function nothing resolves.
    EXPECT_NE(markdownToHtml("[[feature:a@v1]]", {}).find("unresolved"), std::string::npos);
}

TEST(MarkdownHtml, DropsRawHtml)
{
    const std::string html
        = render("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and "
                 "<b>bold</b>.\n\n<div onclick=\"x()\">\nblock\n</div>\n\n<!-- c -->");
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("onerror"), std::string::npos) << html;
    EXPECT_EQ(html.find("<div"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<!--"), std::string::npos) << html;
    EXPECT_NE(html.find("<p>Text  and bold.</p>"), std::string::npos) << html;
}

TEST(MarkdownHtml, RemovesUnsafeLinks)
{
    for (const char *markdown :
        {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java&#09;script:alert(1))",
            "[x](<java\tscript:alert(1)>)", "[x](vbscript:msgbox)",
            "[x](data:text/html;base64,AAAA)", "[x](file:///etc/passwd)", "[x](//evil.example/)",
            "[x](relative/page.html)", "[x](#top)", "[x]: javascript:alert(1)\n\n[x]"}) {
        const std::string html = render(markdown);
        EXPECT_EQ(html.find("href"), std::string::npos) << markdown << " -> " << html;
        EXPECT_NE(html.find("<span class=\"link\">x</span>"), std::string::npos)
            << markdown << " -> " << html;
    }
    EXPECT_EQ(render("[docs](https://example.com/a?b=1&c=2 \"T<\")"),
        "<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"T&lt;\" rel=\"noopener "
        "noreferrer\">"
        "docs</a></p>\n");
    EXPECT_NE(render("<https://example.com/x>").find("href=\"https://example.com/x\""),
        std::string::npos);
    EXPECT_NE(render("[mail](mailto:a@example.com)").find("href=\"mailto:a@example.com\""),
        std::string::npos);
    // A quote in a URL cannot end the attribute.
    EXPECT_NE(render("[q](<https://example.com/\"onmouseover=x>)")
                  .find("href=\"https://example.com/%22onmouseover=x\""),
        std::string::npos);
}

TEST(MarkdownHtml, ImagesNeverLoad)
{
    const std::string html
        = render("![a chart](https://example.com/chart.png) ![x](javascript:alert(1))");
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_NE(
        html.find(
            "<a class=\"image\" href=\"https://example.com/chart.png\" rel=\"noopener noreferrer\">"
            "a chart</a>"),
        std::string::npos)
        << html;
    EXPECT_NE(html.find("<span class=\"image\">x</span>"), std::string::npos) << html;
}

TEST(MarkdownHtml, RendersPipeTables)
{
    const std::string html = render("Columns:\n\n| column | treatment |\n| --- | :-: |\n| `a|b` | hashed, see "
                                    "[[feature:a@v1]] |\n| *x* | <b>dropped</b> |\n\nafter");
    EXPECT_EQ(html, "<p>Columns:</p>\n<table>\n<thead><tr><th>column</th><th>treatment</th></tr></thead>\n"
                    "<tbody>\n<tr><td><code>a|b</code></td><td>hashed, see <a class=\"asset\" "
                    "href=\"pages/a.html\">feature:a@v1</a></td></tr>\n<tr><td><em>x</em></td>"
                    "<td>dropped</td></tr>\n</tbody></table>\n<p>after</p>\n");
    // Not a table: no rule line, or a rule without pipes.
    EXPECT_EQ(render("a | b\nc | d"), "<p>a | b\nc | d</p>\n");
    EXPECT_EQ(render("a\n---"), "<h4>a</h4>\n");
}

TEST(MarkdownHtml, StrayPlaceholderCharactersAreText)
{
    // U+E000 and U+E001 are what links are swapped for while parsing; written by hand they are
    // dropped, never taken for a link.
    const std::string html = render("a \xEE\x80\x80"
                                    "0\xEE\x80\x81 b [[feature:a@v1]]");
    EXPECT_EQ(html, "<p>a 0 b <a class=\"asset\" href=\"pages/a.html\">feature:a@v1</a></p>\n");
    // Invalid UTF-8 becomes U+FFFD rather than passing through.
    EXPECT_EQ(render("x\xFFy"), "<p>x\xEF\xBF\xBDy</p>\n");
}

} // namespace
} // namespace tributary
