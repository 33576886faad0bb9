// SPDX-License-Identifier: Apache-2.0
// Descriptions as HTML: libcmark parses (CommonMark has hundreds of edge cases; cmark is its
// reference implementation), and this file renders the tree itself rather than through
// cmark_render_html, so that every byte written is one we chose: raw HTML nodes are skipped,
// images never load anything, and a link's scheme is checked against a short allow-list.
//
// [[kind:name@version]] links are found in the source text (findMarkdownLinks, the same rule
// the validator uses) and swapped for placeholders before parsing, so that Markdown never sees
// their underscores or brackets; text nodes turn the placeholders into links, code spans and
// blocks back into the text as written.
#include "tributary/docs/markdownhtml.h"

#include <algorithm>
#include <cctype>

#include "markdownrender_p.h"

namespace tributary {
namespace markdown_detail {
namespace {

// The source with every [[link]] replaced by a placeholder (and any stray U+E000/U+E001 of its
// own removed, so only ours are seen).
std::string withPlaceholders(std::string_view markdown, const std::vector<MarkdownLink> &links)
{
    std::string out;
    std::size_t at = 0;
    const auto copy = [&](std::string_view part) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            const std::string_view rest = part.substr(i);
            if (rest.starts_with(kOpen) || rest.starts_with(kClose))
                i += 2;
            else
                out += part[i];
        }
    };
    for (std::size_t i = 0; i < links.size(); ++i) {
        copy(markdown.substr(at, links[i].offset - at));
        out += std::string(kOpen) + std::to_string(i) + std::string(kClose);
        at = links[i].offset + links[i].length;
    }
    copy(markdown.substr(std::min(at, markdown.size())));
    return out;
}

// The URL to write for a link or image, or "" when it must not be one: only absolute http,
// https and mailto URLs pass. Browsers ignore whitespace and control characters inside a
// scheme ("java\tscript:"), so they are removed before looking at it; a relative URL would
// point into the site's own folders, where nothing of the author's lives.
std::string safeUrl(std::string_view url)
{
    std::string compact;
    for (char c : url) {
        if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F)
            compact += char(std::tolower(static_cast<unsigned char>(c)));
    }
    const std::size_t colon = compact.find(':');
    if (colon == std::string::npos)
        return {};
    const std::string scheme = compact.substr(0, colon);
    if (scheme != "http" && scheme != "https" && scheme != "mailto")
        return {};
    std::string out;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '`' || c == '\\') {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

bool inTightList(cmark_node *paragraph)
{
    cmark_node *item = cmark_node_parent(paragraph);
    cmark_node *list = item ? cmark_node_parent(item) : nullptr;
    return list && cmark_node_get_type(item) == CMARK_NODE_ITEM && cmark_node_get_list_tight(list);
}

} // namespace

void Renderer::write(cmark_node *node, bool entering)
{
    std::string &out = m_out;
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_BLOCK_QUOTE: out += entering ? "<blockquote>\n" : "</blockquote>\n"; break;
    case CMARK_NODE_LIST: {
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        const int start = cmark_node_get_list_start(node);
        if (!entering)
            out += ordered ? "</ol>\n" : "</ul>\n";
        else if (!ordered)
            out += "<ul>\n";
        else
            out += start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n";
        break;
    }
    case CMARK_NODE_ITEM: out += entering ? "<li>" : "</li>\n"; break;
    case CMARK_NODE_HEADING: {
        const std::string level
            = std::to_string(std::min(6, cmark_node_get_heading_level(node) + 2));
        out += entering ? "<h" + level + ">" : "</h" + level + ">\n";
        break;
    }
    case CMARK_NODE_CODE_BLOCK: {
        const char *info = cmark_node_get_fence_info(node);
        std::string language = info ? m_links.restore(info) : std::string();
        language = language.substr(0, language.find(' '));
        out += language.empty() ? "<pre><code>"
                                : "<pre><code class=\"language-" + escapeHtml(language) + "\">";
        out += escapeHtml(m_links.restore(text(node))) + "</code></pre>\n";
        break;
    }
    case CMARK_NODE_PARAGRAPH:
        if (!inTightList(node))
            out += entering ? "<p>" : "</p>\n";
        break;
    case CMARK_NODE_THEMATIC_BREAK: out += "<hr>\n"; break;
    case CMARK_NODE_TEXT: out += m_links.html(text(node), !m_anchors.empty()); break;
    case CMARK_NODE_SOFTBREAK: out += '\n'; break;
    case CMARK_NODE_LINEBREAK: out += "<br>\n"; break;
    case CMARK_NODE_CODE:
        out += "<code>" + escapeHtml(m_links.restore(text(node))) + "</code>";
        break;
    case CMARK_NODE_EMPH: out += entering ? "<em>" : "</em>"; break;
    case CMARK_NODE_STRONG: out += entering ? "<strong>" : "</strong>"; break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
        if (!entering) {
            out += m_anchors.back() ? "</a>" : "</span>";
            m_anchors.pop_back();
            break;
        }
        const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        const char *url = cmark_node_get_url(node);
        const std::string href
            = m_anchors.empty() ? safeUrl(m_links.restore(url ? url : "")) : std::string();
        const char *title = cmark_node_get_title(node);
        const std::string titled = title && *title
            ? " title=\"" + escapeHtml(m_links.restore(title)) + "\""
            : std::string();
        const std::string kind = image ? " class=\"image\"" : std::string();
        if (href.empty())
            out += "<span" + (image ? kind : std::string(" class=\"link\"")) + titled + ">";
        else
            out += "<a" + kind + " href=\"" + escapeHtml(href) + "\"" + titled
                + " rel=\"noopener noreferrer\">";
        m_anchors.push_back(!href.empty());
        break;
    }
    default: break; // the document itself; raw HTML and custom nodes are dropped
    }
}

} // namespace markdown_detail

std::string markdownToHtml(std::string_view markdown, const RefLink &linkFor)
{
    using namespace markdown_detail;
    Links links{findMarkdownLinks(markdown), linkFor};
    const std::string source = withPlaceholders(markdown, links.found);
    std::unique_ptr<cmark_node, NodeFree> document(
        cmark_parse_document(source.data(), source.size(), CMARK_OPT_VALIDATE_UTF8));
    if (!document)
        return "<p>" + escapeHtml(markdown) + "</p>\n";
    return Renderer(links).render(document.get());
}

} // namespace tributary
