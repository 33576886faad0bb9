// SPDX-License-Identifier: Apache-2.0
// The site's index: the front page with counts, and the lists by kind, by owner and by tag,
// each on its own pages of at most kRowsPerPage rows, so that a page of a 100,000-resource
// catalog is as quick to open as one of the sample's. Everything here comes from the lineage
// graph (refs, owners, tags, states): no store reads.
#include <algorithm>
#include <map>

#include "docsite_p.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary::docs_detail {
namespace {

std::size_t pageCount(std::size_t rows)
{
    return std::max<std::size_t>(1, (rows + kRowsPerPage - 1) / kRowsPerPage);
}

// Writes one list of resources over as many pages as it takes.
Result<std::size_t> writeResourceList(const SiteContext &site, const WriteFile &write,
    const std::string &title, const std::string &intro, const std::vector<NodeId> &nodes,
    const std::function<std::string(std::size_t)> &pathOf)
{
    const std::size_t pages = pageCount(nodes.size());
    for (std::size_t page = 1; page <= pages; ++page) {
        const std::string path = pathOf(page);
        const std::string root = rootFrom(path);
        const std::string pager = pagerHtml(page, pages, pathOf, root);
        std::string html = pageStart(
            site, path, pages > 1 ? title + " (page " + std::to_string(page) + ")" : title);
        html += "<nav class=\"crumbs\"><a href=\"" + root + "index.html\">Index</a></nav>\n<h1>"
            + escapeHtml(title) + "</h1>\n<p class=\"note\">" + intro + "</p>\n" + pager
            + resourceTableStart();
        const std::size_t end = std::min(nodes.size(), page * kRowsPerPage);
        for (std::size_t i = (page - 1) * kRowsPerPage; i < end; ++i)
            html += resourceRow(root, site, nodes[i]);
        html += "</tbody></table>\n" + pager + pageEnd(site, path);
        if (auto written = write(path, html); !written)
            return tl::unexpected(written.error());
    }
    return pages;
}

// Writes the list of owners or of tags: each with its count, linked to its own list.
Result<std::size_t> writeGroupIndex(const SiteContext &site, const WriteFile &write,
    const std::string &title, const std::string &what,
    const std::vector<std::pair<std::string, std::size_t>> &groups,
    const std::function<std::string(std::size_t)> &pathOf,
    const std::function<std::string(const std::string &)> &groupPath)
{
    const std::size_t pages = pageCount(groups.size());
    for (std::size_t page = 1; page <= pages; ++page) {
        const std::string path = pathOf(page);
        const std::string root = rootFrom(path);
        const std::string pager = pagerHtml(page, pages, pathOf, root);
        std::string html = pageStart(site, path, title);
        html += "<nav class=\"crumbs\"><a href=\"" + root + "index.html\">Index</a></nav>\n<h1>"
            + escapeHtml(title) + "</h1>\n<p class=\"note\">" + std::to_string(groups.size()) + " "
            + what + ".</p>\n" + pager + "<table class=\"groups\">\n<thead><tr><th>"
            + escapeHtml(title.substr(0, title.size() - 1)) // "Owners" -> "Owner"
            + "</th><th>Resources</th></tr></thead>\n<tbody>\n";
        const std::size_t end = std::min(groups.size(), page * kRowsPerPage);
        for (std::size_t i = (page - 1) * kRowsPerPage; i < end; ++i)
            html += "<tr><td><a href=\"" + root + groupPath(groups[i].first) + "\">"
                + escapeHtml(groups[i].first) + "</a></td><td class=\"num\">"
                + std::to_string(groups[i].second) + "</td></tr>\n";
        html += "</tbody></table>\n" + pager + pageEnd(site, path);
        if (auto written = write(path, html); !written)
            return tl::unexpected(written.error());
    }
    return pages;
}

std::vector<std::pair<std::string, std::size_t>> counted(
    const std::map<std::string, std::vector<NodeId>> &groups)
{
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto &[name, nodes] : groups)
        out.emplace_back(name, nodes.size());
    return out;
}

std::string topList(const std::vector<std::pair<std::string, std::size_t>> &groups,
    const std::function<std::string(const std::string &)> &html)
{
    std::vector<std::pair<std::string, std::size_t>> top = groups;
    std::stable_sort(
        top.begin(), top.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    top.resize(std::min<std::size_t>(top.size(), 10));
    std::string out = "<ol class=\"top\">";
    for (const auto &[name, count] : top)
        out += "<li>" + html(name) + " <span class=\"count\">" + std::to_string(count)
            + "</span></li>";
    return out + "</ol>\n";
}

} // namespace

Result<std::size_t> writeIndexPages(const SiteContext &site, const WriteFile &write)
{
    const LineageGraph &graph = *site.graph;
    std::map<ResourceKind, std::vector<NodeId>> byKind;
    std::map<std::string, std::vector<NodeId>> byOwner, byTag;
    std::size_t unowned = 0;
    for (NodeId node : site.order) {
        byKind[graph.resource(node).ref.kind].push_back(node);
        if (graph.owner(node).empty())
            ++unowned;
        else
            byOwner[graph.owner(node)].push_back(node);
        for (const std::string &tag : tagsOf(graph, node))
            byTag[tag].push_back(node);
    }
    std::size_t pages = 0;
    std::string kinds = "<table class=\"counts\">\n<thead><tr><th>Kind</th><th>Resources</th></tr>"
                        "</thead>\n<tbody>\n";
    for (ResourceKind kind : kAllKinds) {
        const auto found = byKind.find(kind);
        if (found == byKind.end()) {
            kinds += "<tr><td>" + kindTitle(kind) + "</td><td class=\"num\">0</td></tr>\n";
            continue;
        }
        kinds += "<tr><td><a href=\"" + kindListPath(kind, 1) + "\">" + kindTitle(kind)
            + "</a></td><td class=\"num\">" + std::to_string(found->second.size()) + "</td></tr>\n";
        auto written = writeResourceList(site, write, kindTitle(kind),
            std::to_string(found->second.size()) + " in all, by name and version.", found->second,
            [kind](std::size_t page) { return kindListPath(kind, page); });
        if (!written)
            return tl::unexpected(written.error());
        pages += *written;
    }
    kinds += "</tbody></table>\n";

    const auto owners = counted(byOwner), tags = counted(byTag);
    for (auto &[owner, nodes] : byOwner) {
        auto written
            = writeResourceList(site, write, owner, "Resources owned by " + escapeHtml(owner) + ".",
                // Init-captures: clang 14 (the fuzz build) cannot capture structured bindings.
                nodes, [&name = owner](std::size_t page) { return ownerListPath(name, page); });
        if (!written)
            return tl::unexpected(written.error());
        pages += *written;
    }
    for (auto &[tag, nodes] : byTag) {
        auto written = writeResourceList(site, write, tag,
            "Resources tagged " + escapeHtml(tag)
                + ", on themselves or on a column. Where tags travel "
                  "through lineage, the pages of what they reach say so.",
            nodes, [&name = tag](std::size_t page) { return tagListPath(name, page); });
        if (!written)
            return tl::unexpected(written.error());
        pages += *written;
    }
    const auto ownerPage = [](const std::string &owner) { return ownerListPath(owner, 1); };
    const auto tagPage = [](const std::string &tag) { return tagListPath(tag, 1); };
    for (const auto &written :
        {writeGroupIndex(site, write, "Owners", "owners", owners, ownersIndexPath, ownerPage),
            writeGroupIndex(site, write, "Tags", "tags", tags, tagsIndexPath, tagPage)}) {
        if (!written)
            return tl::unexpected(written.error());
        pages += *written;
    }

    std::string html = pageStart(site, "index.html", "Index");
    html += "<h1>" + escapeHtml(site.catalogName) + "</h1>\n<p class=\"note\">"
        + std::to_string(site.order.size()) + " resources as of import "
        + std::to_string(site.import.value) + " (" + escapeHtml(site.importedAt.toIso()) + ")"
        + (site.policyName.empty() ? "" : ", tags propagated under " + escapeHtml(site.policyName))
        + ".</p>\n<section id=\"kinds\">\n<h2>By kind</h2>\n" + kinds + "</section>\n"
        + "<section id=\"owners\">\n<h2>By owner</h2>\n<p><a href=\"" + ownersIndexPath(1)
        + "\">All " + std::to_string(owners.size()) + " owners</a>"
        + (unowned ? " (" + std::to_string(unowned) + " resources have none)" : "") + ".</p>\n"
        + topList(owners, [&](const std::string &o) { return ownerHtml("", site, o); })
        + "</section>\n<section id=\"tags\">\n<h2>By tag</h2>\n<p><a href=\"" + tagsIndexPath(1)
        + "\">All " + std::to_string(tags.size()) + " tags</a>.</p>\n"
        + topList(tags, [&](const std::string &t) { return tagHtml("", site, t); }) + "</section>\n"
        + pageEnd(site, "index.html");
    if (auto written = write("index.html", html); !written)
        return tl::unexpected(written.error());
    return pages + 1;
}

} // namespace tributary::docs_detail
