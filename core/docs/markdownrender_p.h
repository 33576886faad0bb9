// SPDX-License-Identifier: Apache-2.0
// Shared by the Markdown renderer's files: the [[link]] placeholders and the renderer itself
// (markdownhtml.cpp writes nodes, markdowntable.cpp pipe tables).
#pragma once

#include <cmark.h>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/docs/markdownhtml.h"
#include "tributary/format/markdownlinks.h"

namespace tributary::markdown_detail {

// U+E000 and U+E001 (private use) around the link's number.
inline constexpr std::string_view kOpen = "\xEE\x80\x80";
inline constexpr std::string_view kClose = "\xEE\x80\x81";

struct Links {
    std::vector<MarkdownLink> found;
    const RefLink &linkFor;

    // The text with each placeholder given to `replace` (link number -> output); everything
    // between them to `plain`.
    template <typename Plain, typename Replace>
    std::string expand(std::string_view text, Plain plain, Replace replace) const
    {
        std::string out;
        std::size_t at = 0;
        while (at < text.size()) {
            const std::size_t open = text.find(kOpen, at);
            const std::size_t close
                = open == std::string_view::npos ? open : text.find(kClose, open);
            if (close == std::string_view::npos) {
                out += plain(text.substr(at));
                break;
            }
            out += plain(text.substr(at, open - at));
            const std::string_view digits = text.substr(open + 3, close - open - 3);
            std::size_t index = 0;
            for (char c : digits)
                index = index * 10 + std::size_t(c - '0');
            if (index < found.size())
                out += replace(found[index]);
            at = close + 3;
        }
        return out;
    }
    // Placeholders back to the text as written (code, URLs).
    std::string restore(std::string_view text) const
    {
        return expand(
            text, [](std::string_view s) { return std::string(s); },
            [](const MarkdownLink &link) { return "[[" + link.text + "]]"; });
    }
    // Text as HTML, links as anchors (or, inside another link, as plain spans).
    std::string html(std::string_view text, bool insideLink) const
    {
        return expand(
            text, [](std::string_view s) { return escapeHtml(s); },
            [&](const MarkdownLink &link) -> std::string {
                const std::string href = link.ref && linkFor ? linkFor(*link.ref) : std::string();
                if (!href.empty() && !insideLink)
                    return "<a class=\"asset\" href=\"" + escapeHtml(href) + "\">"
                        + escapeHtml(link.text) + "</a>";
                if (!href.empty())
                    return "<span class=\"asset\">" + escapeHtml(link.text) + "</span>";
                return "<span class=\"unresolved\" title=\""
                    + escapeHtml(link.ref ? "not in this site" : link.error) + "\">"
                    + escapeHtml(link.text) + "</span>";
            });
    }
};

inline std::string text(cmark_node *node)
{
    const char *literal = cmark_node_get_literal(node);
    return literal ? literal : "";
}

struct NodeFree {
    void operator()(cmark_node *node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter *iter) const { cmark_iter_free(iter); }
};

// Writes cmark's tree as HTML, node by node.
class Renderer
{
public:
    explicit Renderer(const Links &links)
        : m_links(links)
    { }
    // The whole tree under `root`.
    std::string render(cmark_node *root)
    {
        std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node *node = cmark_iter_get_node(iter.get());
            if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH
                && table(node)) {
                cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT); // its inlines are written
                continue;
            }
            write(node, event == CMARK_EVENT_ENTER);
        }
        return std::move(m_out);
    }

private:
    void write(cmark_node *node, bool entering);
    bool table(cmark_node *paragraph);

    const Links &m_links;
    std::string m_out;
    std::vector<bool> m_anchors; // per open link or image: was an <a> written for it?
};

} // namespace tributary::markdown_detail
