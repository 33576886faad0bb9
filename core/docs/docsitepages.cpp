// SPDX-License-Identifier: Apache-2.0
// One asset's page: what it is, its description, columns and tags (with the tags that
// travelled to it and their evidence), properties, definition, the lineage drawn around it and
// every neighbour listed, its versions and its revision history with provenance.
#include <map>

#include "docsite_p.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary::docs_detail {
namespace {

struct Page {
    const SiteContext &site;
    const AssetDoc &doc;
    std::string path;
    std::string root;
    std::vector<std::pair<std::string, std::string>> sections; // id, title (for the contents)
    std::string body;

    RefLink linkFor() const
    {
        return [this](const Ref &ref) {
            return site.graph->find(ref) ? root + assetPath(ref) : std::string();
        };
    }
    void section(const std::string &id, const std::string &title, const std::string &html)
    {
        if (html.empty())
            return;
        sections.emplace_back(id, title);
        body += "<section id=\"" + id + "\">\n<h2>" + title + "</h2>\n" + html + "</section>\n";
    }
};

std::string propagatedHtml(const Page &page, const std::vector<const AssetTag *> &tags)
{
    std::string out;
    for (const AssetTag *tag : tags) {
        out += "<li>" + tagHtml(page.root, page.site, tag->tag) + " <span class=\"strength\">"
            + std::string(evidenceStrengthName(tag->strength)) + "</span> <span class=\"path\">"
            + escapeHtml(tag->path) + "</span>"
            + (tag->rules.empty() ? ""
                                  : " <span class=\"rules\">" + escapeHtml(tag->rules) + "</span>")
            + "</li>";
    }
    return out.empty() ? out : "<ul class=\"propagated\">" + out + "</ul>";
}

std::string columnsHtml(const Page &page, const SourceSpec &spec,
    const std::map<std::string, std::vector<const AssetTag *>> &byColumn)
{
    if (spec.columns.empty())
        return {};
    std::string out = "<table class=\"columns\">\n<thead><tr><th>Column</th><th>Type</th>"
                      "<th>Description</th><th>Tags</th><th>Propagated tags</th>"
                      "<th>Derived from</th></tr></thead>\n<tbody>\n";
    for (const Column &column : spec.columns) {
        std::string derived;
        for (const ColumnDerivation &d : column.derivedFrom) {
            const Ref &from = d.from.ref.resource;
            std::string link = page.site.graph->find(from)
                ? "<a href=\"" + page.root + assetPath(from) + "#" + columnAnchor(d.from.ref.column)
                    + "\">" + escapeHtml(d.from.ref.shortString()) + "</a>"
                : refHtml(page.root, page.site, from) + "#" + escapeHtml(d.from.ref.column);
            derived += "<li>" + link + " <span class=\"transform\">"
                + std::string(transformName(d.transform)) + "</span></li>";
        }
        const auto propagated = byColumn.find(column.name);
        out += "<tr id=\"" + columnAnchor(column.name) + "\"><td><code>" + escapeHtml(column.name)
            + "</code></td><td>" + escapeHtml(column.type) + "</td><td>"
            + markdownToHtml(column.description, page.linkFor()) + "</td><td>"
            + tagsHtml(page.root, page.site, column.tags) + "</td><td>"
            + (propagated == byColumn.end() ? "" : propagatedHtml(page, propagated->second))
            + "</td><td>" + (derived.empty() ? "" : "<ul class=\"refs\">" + derived + "</ul>")
            + "</td></tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string neighboursHtml(const Page &page, const std::vector<AssetNeighbour> &list)
{
    if (list.empty())
        return {};
    std::string out = "<p class=\"note\">" + std::to_string(list.size())
        + (list.size() == 1 ? " resource" : " resources")
        + ", one hop.</p>\n"
          "<table "
          "class=\"assets\">\n<thead><tr><th>Name</th><th>Kind</th><th>Edge</th><th>State</th>"
          "<th>Owner</th></tr></thead>\n<tbody>\n";
    for (const AssetNeighbour &n : list) {
        out += "<tr><td>" + refHtml(page.root, page.site, n.summary.ref) + "</td><td>"
            + std::string(kindName(n.summary.ref.kind)) + "</td><td>"
            + std::string(edgeKindName(n.edge)) + "</td><td>"
            + stateText(n.summary.status, n.summary.stage) + "</td><td>"
            + ownerHtml(page.root, page.site, n.summary.owner) + "</td></tr>\n";
    }
    return out + "</tbody></table>\n";
}

std::string lineageHtml(const Page &page)
{
    const DrawnGraph &drawn = page.doc.neighbourhood;
    if (drawn.nodes.empty())
        return {};
    SvgOptions options;
    std::map<std::string, Ref> refs;
    for (const AssetNeighbour &n : page.doc.upstream)
        refs.emplace(n.summary.ref.toString(), n.summary.ref);
    for (const AssetNeighbour &n : page.doc.downstream)
        refs.emplace(n.summary.ref.toString(), n.summary.ref);
    options.linkFor = [&](const DrawnNode &node) {
        const auto found = refs.find(node.id);
        return found == refs.end() ? std::string() : page.root + assetPath(found->second);
    };
    const std::size_t neighbours = page.doc.upstream.size() + page.doc.downstream.size();
    std::string note = "One hop each way, laid out as the desktop draws it.";
    if (drawn.nodes.size() - 1 < neighbours)
        note += " " + std::to_string(drawn.nodes.size() - 1) + " of " + std::to_string(neighbours)
            + " neighbours drawn; a badge counts the neighbours of a node not drawn, and the lists "
              "below name them all.";
    return "<p class=\"note\">" + note + "</p>\n<div class=\"drawing\">" + writeSvg(drawn, options)
        + "</div>\n";
}

std::string versionsHtml(const Page &page)
{
    const Ref &self = page.doc.stored.resource.ref;
    if (page.doc.versions.size() < 2)
        return {};
    std::string out = "<ul class=\"versions\">";
    for (const Ref &version : page.doc.versions)
        out += version == self
            ? "<li><strong>" + escapeHtml(version.shortString()) + "</strong> (this page)</li>"
            : "<li>" + refHtml(page.root, page.site, version) + "</li>";
    return out + "</ul>\n";
}

std::string historyHtml(const Page &page)
{
    std::string out = "<table class=\"history\">\n<thead><tr><th>Change</th><th>Where</th>"
                      "<th>Author</th><th>Owner</th><th>Status</th><th>Tags</th></tr></thead>\n"
                      "<tbody>\n";
    for (const Revision &r : page.doc.history) {
        out += "<tr><td>" + std::string(revisionChangeName(r.change)) + "</td><td>"
            + provenanceHtml(r.provenance) + "</td><td>" + escapeHtml(r.author) + "</td><td>"
            + ownerHtml(page.root, page.site, r.owner) + "</td><td>"
            + std::string(statusName(r.status)) + "</td><td>"
            + tagsHtml(page.root, page.site, r.tags) + "</td></tr>\n";
    }
    return page.doc.history.empty() ? std::string() : out + "</tbody></table>\n";
}

} // namespace

std::string assetPage(const SiteContext &site, const AssetDoc &doc)
{
    const Resource &r = doc.stored.resource;
    Page page{site, doc, assetPath(r.ref), rootFrom(assetPath(r.ref)), {}, {}};
    std::map<std::string, std::vector<const AssetTag *>> byColumn;
    for (const AssetTag &tag : doc.propagated)
        byColumn[tag.column].push_back(&tag);

    page.section("description", "Description", markdownToHtml(r.meta.description, page.linkFor()));
    page.section("facts", "Facts",
        factsHtml(page.root, site, r) + "<dl class=\"facts\">\n<dt>Defined in</dt><dd>"
            + provenanceHtml(doc.stored.created) + "</dd>\n<dt>Definition hash</dt><dd><code>"
            + escapeHtml(doc.stored.definitionHash) + "</code></dd>\n"
            + (doc.stored.revised.import != doc.stored.created.import
                    ? "<dt>Metadata revised in</dt><dd>" + provenanceHtml(doc.stored.revised)
                        + "</dd>\n"
                    : std::string())
            + "</dl>\n");
    if (const auto *source = r.as<SourceSpec>())
        page.section("columns", "Columns", columnsHtml(page, *source, byColumn));
    std::vector<const AssetTag *> whole;
    for (const AssetTag &tag : doc.propagated) {
        if (!r.as<SourceSpec>() || tag.column.empty())
            whole.push_back(&tag);
    }
    page.section("propagated", "Propagated tags",
        whole.empty() ? std::string()
                      : "<p class=\"note\">Tags written elsewhere that reach this "
                + std::string(kindName(r.ref.kind))
                + " through lineage, with the way they came.</p>\n" + propagatedHtml(page, whole));
    std::string properties;
    for (const auto &[key, value] : r.meta.properties)
        properties
            += "<tr><th>" + escapeHtml(key) + "</th><td>" + escapeHtml(value) + "</td></tr>\n";
    page.section("properties", "Properties",
        properties.empty() ? "" : "<table class=\"properties\">\n" + properties + "</table>\n");
    std::string definition, language;
    if (const auto *s = r.as<SourceSpec>())
        definition = s->definition, language = s->language;
    if (const auto *f = r.as<FeatureSpec>())
        definition = f->definition, language = f->language;
    page.section("definition", "Definition",
        definition.empty() ? ""
                           : "<pre><code"
                + (language.empty() ? "" : " class=\"language-" + escapeHtml(language) + "\"") + ">"
                + escapeHtml(definition) + "</code></pre>\n");
    page.section("lineage", "Lineage", lineageHtml(page));
    page.section("upstream", "Upstream", neighboursHtml(page, doc.upstream));
    page.section("downstream", "Downstream", neighboursHtml(page, doc.downstream));
    page.section("versions", "Versions", versionsHtml(page));
    page.section("history", "History", historyHtml(page));

    const std::string title = r.ref.shortString();
    std::string out = pageStart(site, page.path, title);
    out += "<nav class=\"crumbs\"><a href=\"" + page.root
        + "index.html\">Index</a> \xE2\x80\xBA <a href=\"" + page.root + kindListPath(r.ref.kind, 1)
        + "\">" + kindTitle(r.ref.kind) + "</a></nav>\n<h1>" + escapeHtml(title)
        + " <span class=\"kind\">" + std::string(kindName(r.ref.kind))
        + "</span></h1>\n<p class=\"summary\">"
        + stateText(r.meta.status,
            doc.stored.resource.as<ModelSpec>() ? std::optional(r.as<ModelSpec>()->stage)
                                                : std::nullopt)
        + " \xC2\xB7 " + ownerHtml(page.root, site, r.meta.owner)
        + (r.meta.tags.empty() ? "" : " \xC2\xB7 " + tagsHtml(page.root, site, r.meta.tags))
        + "</p>\n";
    if (page.sections.size() > 1) {
        out += "<nav class=\"toc\" aria-label=\"On this page\">";
        for (const auto &[id, heading] : page.sections)
            out += "<a href=\"#" + id + "\">" + heading + "</a> ";
        out += "</nav>\n";
    }
    return out + page.body + pageEnd(site, page.path);
}

} // namespace tributary::docs_detail
