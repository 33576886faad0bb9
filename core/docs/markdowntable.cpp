// SPDX-License-Identifier: Apache-2.0
#include "markdownrender_p.h"

namespace tributary::markdown_detail {

// A paragraph written as a GitHub-style table (CommonMark has none, and catalog authors write
// them): its second line only pipes, dashes, colons and spaces, every line holding a pipe. Pipes
// in text split cells; code spans, links and emphasis stay whole.
bool Renderer::table(cmark_node *paragraph)
{
    std::vector<std::vector<cmark_node *>> lines(1);
    for (cmark_node *child = cmark_node_first_child(paragraph); child;
         child = cmark_node_next(child)) {
        if (cmark_node_get_type(child) == CMARK_NODE_SOFTBREAK)
            lines.emplace_back();
        else
            lines.back().push_back(child);
    }
    if (lines.size() < 2 || lines[1].size() != 1
        || cmark_node_get_type(lines[1][0]) != CMARK_NODE_TEXT)
        return false;
    const std::string rule = text(lines[1][0]);
    if (rule.find('|') == std::string::npos || rule.find('-') == std::string::npos
        || rule.find_first_not_of("|-: \t") != std::string::npos)
        return false;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 1)
            continue;
        std::vector<std::string> cells(1);
        bool piped = false;
        for (cmark_node *node : lines[i]) {
            if (cmark_node_get_type(node) != CMARK_NODE_TEXT) {
                std::swap(m_out, cells.back());
                std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(node));
                for (cmark_event_type event;
                     (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;)
                    write(cmark_iter_get_node(iter.get()), event == CMARK_EVENT_ENTER);
                std::swap(m_out, cells.back());
                continue;
            }
            const std::string literal = text(node);
            std::size_t at = 0;
            for (std::size_t bar; (bar = literal.find('|', at)) != std::string::npos;
                 at = bar + 1) {
                cells.back() += m_links.html(std::string_view(literal).substr(at, bar - at), false);
                cells.emplace_back();
                piped = true;
            }
            cells.back() += m_links.html(std::string_view(literal).substr(at), false);
        }
        if (!piped)
            return false;
        for (std::string &cell : cells) {
            cell.erase(0, cell.find_first_not_of(" \t"));
            cell.erase(cell.find_last_not_of(" \t") + 1);
        }
        if (cells.size() > 1 && cells.front().empty())
            cells.erase(cells.begin());
        if (cells.size() > 1 && cells.back().empty())
            cells.pop_back();
        rows.push_back(std::move(cells));
    }
    m_out += "<table>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const char *cell = r == 0 ? "th" : "td";
        m_out += r == 0 ? "<thead><tr>" : "<tr>";
        for (std::size_t c = 0; c < rows[0].size(); ++c)
            m_out += std::string("<") + cell + ">" + (c < rows[r].size() ? rows[r][c] : "") + "</"
                + cell + ">";
        m_out += r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n";
    }
    m_out += "</tbody></table>\n";
    return true;
}

} // namespace tributary::markdown_detail
