// SPDX-License-Identifier: Apache-2.0
#include "tributary/format/markdownlinks.h"

namespace tributary {

std::vector<MarkdownLink> findMarkdownLinks(std::string_view markdown)
{
    std::vector<MarkdownLink> links;
    std::size_t pos = 0;
    while ((pos = markdown.find("[[", pos)) != std::string_view::npos) {
        const std::size_t close = markdown.find("]]", pos + 2);
        if (close == std::string_view::npos)
            break;
        MarkdownLink link;
        link.offset = pos;
        link.length = close + 2 - pos;
        link.text = std::string(markdown.substr(pos + 2, close - pos - 2));
        auto parsed = parseRefText(link.text);
        if (!parsed) {
            link.error = parsed.error().message;
        } else if (parsed->column) {
            link.error = "links name resources, not columns";
        } else {
            const ResourceKind kind = parsed->kind.value_or(ResourceKind::Feature);
            link.ref = Ref{kind, parsed->name, parsed->version.value_or(std::string())};
        }
        links.push_back(std::move(link));
        pos = close + 2;
    }
    return links;
}

} // namespace tributary
