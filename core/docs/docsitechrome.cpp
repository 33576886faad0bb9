// SPDX-License-Identifier: Apache-2.0
// What every page of the docs site has: the head with its Content-Security-Policy, the header
// with the catalog, as-of point, fingerprint and search box, the footer, and the small pieces
// (tags, owners, resource rows, pagers) several kinds of page share.
//
// The policy forbids everything but the site's own style sheet and scripts (by path: 'self',
// and file: for browsers that give file:// pages an opaque origin). Inline script, event
// handlers and inline style are refused by the browser, so a catalog string that slipped
// through escaping still could not run.
#include <set>

#include "docsite_p.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary::docs_detail {

std::string pageStart(const SiteContext &site, std::string_view path, std::string_view title)
{
    const std::string root = rootFrom(path);
    const std::string name = escapeHtml(site.catalogName);
    std::string out
        = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "script-src 'self' file:; style-src 'self' file:; img-src 'self' file:; "
          "form-action 'self' file:; base-uri 'none'\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escapeHtml(title) + " \xE2\x80\x93 " + name + "</title>\n<link rel=\"stylesheet\" href=\""
        + root + "style.css\">\n";
    // Deferred scripts run in order: the index before the script that reads it.
    if (path == "search.html")
        out += "<script src=\"search-index.js\" defer></script>\n";
    out += "<script src=\"" + root
        + "search.js\" defer></script>\n</head>\n<body>\n<header class=\"site\">\n<a "
          "class=\"home\" href=\""
        + root + "index.html\">" + name + "</a>\n<span class=\"stamp\">as of import "
        + std::to_string(site.import.value) + " \xC2\xB7 " + escapeHtml(site.importedAt.toIso())
        + "</span>\n<span class=\"stamp\" title=\"catalog fingerprint "
        + escapeHtml(site.fingerprint) + "\">fingerprint <code>"
        + escapeHtml(site.fingerprint.substr(0, 12)) + "</code></span>\n";
    if (!site.policyName.empty())
        out += "<span class=\"stamp\">policy " + escapeHtml(site.policyName) + "</span>\n";
    out += "<form class=\"search\" action=\"" + root
        + "search.html\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" "
          "placeholder=\"Search assets (press /)\" aria-label=\"Search assets\" "
          "autocomplete=\"off\"><button "
          "type=\"submit\">Search</button></form>\n</header>\n<main>\n";
    return out;
}

std::string pageEnd(const SiteContext &site, std::string_view)
{
    return "</main>\n<footer>" + escapeHtml(site.catalogName) + " \xC2\xB7 as of import "
        + std::to_string(site.import.value) + " (" + escapeHtml(site.importedAt.toIso())
        + ") \xC2\xB7 fingerprint <code class=\"fingerprint\">" + escapeHtml(site.fingerprint)
        + "</code> \xC2\xB7 written by Tributary " TRIBUTARY_VERSION
          "</footer>\n</body>\n</html>\n";
}

std::string stateText(ResourceStatus status, const std::optional<ModelStage> &stage)
{
    std::string text(statusName(status));
    if (stage)
        text += " \xC2\xB7 " + std::string(stageName(*stage));
    return text;
}

std::string tagHtml(std::string_view root, const SiteContext &site, const std::string &tag)
{
    const bool personal = tag == "pii" || tag.starts_with("pii:");
    const std::string classes = personal ? "tag personal" : "tag";
    const auto page = site.tagPages.find(tag);
    if (page == site.tagPages.end())
        return "<span class=\"" + classes + "\">" + escapeHtml(tag) + "</span>";
    return "<a class=\"" + classes + "\" href=\"" + std::string(root) + page->second + "\">"
        + escapeHtml(tag) + "</a>";
}

std::string tagsHtml(
    std::string_view root, const SiteContext &site, const std::vector<std::string> &tags)
{
    std::string out;
    for (const std::string &tag : tags) {
        if (!out.empty())
            out += ' ';
        out += tagHtml(root, site, tag);
    }
    return out;
}

std::string ownerHtml(std::string_view root, const SiteContext &site, const std::string &owner)
{
    if (owner.empty())
        return "<span class=\"none\">no owner</span>";
    const auto page = site.ownerPages.find(owner);
    if (page == site.ownerPages.end())
        return escapeHtml(owner);
    return "<a href=\"" + std::string(root) + page->second + "\">" + escapeHtml(owner) + "</a>";
}

std::string assetLink(std::string_view root, const Ref &ref)
{
    return "<a href=\"" + std::string(root) + assetPath(ref) + "\">" + escapeHtml(ref.shortString())
        + "</a>";
}

std::string resourceTableStart()
{
    return "<table class=\"assets\">\n<thead><tr><th>Name</th><th>Kind</th><th>State</th>"
           "<th>Owner</th><th>Tags</th></tr></thead>\n<tbody>\n";
}

std::string resourceRow(std::string_view root, const SiteContext &site, NodeId node)
{
    const LineageGraph &graph = *site.graph;
    const LineageNode &n = graph.resource(node);
    return "<tr><td>" + assetLink(root, n.ref) + "</td><td>" + std::string(kindName(n.ref.kind))
        + "</td><td>" + stateText(n.status, n.stage) + "</td><td>"
        + ownerHtml(root, site, graph.owner(node)) + "</td><td>"
        + tagsHtml(root, site, tagsOf(graph, node)) + "</td></tr>\n";
}

std::string pagerHtml(std::size_t page, std::size_t pages,
    const std::function<std::string(std::size_t)> &pathOf, std::string_view root)
{
    if (pages <= 1)
        return {};
    const auto link = [&](std::size_t to, const std::string &text, const char *rel) {
        return "<a href=\"" + std::string(root) + pathOf(to) + "\""
            + (rel ? std::string(" rel=\"") + rel + "\"" : "") + ">" + text + "</a>";
    };
    std::string out = "<nav class=\"pager\" aria-label=\"Pages\">Page " + std::to_string(page)
        + " of " + std::to_string(pages) + ": ";
    if (page > 1)
        out += link(page - 1, "\xE2\x80\xB9 previous", "prev") + " ";
    std::size_t last = 0;
    for (std::size_t p = 1; p <= pages; ++p) {
        const bool near = p + 3 >= page && p <= page + 3;
        if (p != 1 && p != pages && !near)
            continue;
        if (last && p > last + 1)
            out += "\xE2\x80\xA6 ";
        out += p == page ? "<strong aria-current=\"page\">" + std::to_string(p) + "</strong> "
                         : link(p, std::to_string(p), nullptr) + " ";
        last = p;
    }
    if (page < pages)
        out += link(page + 1, "next \xE2\x80\xBA", "next");
    return out + "</nav>\n";
}

std::vector<std::string> tagsOf(const LineageGraph &graph, NodeId node)
{
    std::set<std::string> tags(graph.resource(node).tags.begin(), graph.resource(node).tags.end());
    for (ColumnId column : graph.columnsOf(node))
        tags.insert(graph.column(column).tags.begin(), graph.column(column).tags.end());
    return {tags.begin(), tags.end()};
}

} // namespace tributary::docs_detail
