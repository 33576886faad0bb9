// SPDX-License-Identifier: Apache-2.0
// Shared by the parts of the docs site writer: where each page lives, the chrome every page
// has, and the writers of each kind of file. One job per file: docsitepaths.cpp (names),
// docsitechrome.cpp (header, footer, lists), docsitepages.cpp (asset pages), docsiteindex.cpp
// (index, kind, owner and tag lists), docsitesearch.cpp (the search index), docsiteassets.cpp
// (style.css, search.js, search.html), sitefolder.cpp (the folder and its swap), docsite.cpp
// (the whole export, in parallel).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/docs/assetdoc.h"
#include "tributary/lineage/lineagegraph.h"

namespace tributary::docs_detail {

// Rows on one page of a list; longer lists are split into pages.
inline constexpr std::size_t kRowsPerPage = 500;
// The file that marks a folder as a docs site this exporter may replace.
inline constexpr std::string_view kMarkerFile = ".tributary-docs";

// What every page of one site shares.
struct SiteContext {
    std::string catalogName;
    std::string fingerprint;
    ImportId import;
    Timestamp importedAt;
    std::string policyName; // "" for none
    const LineageGraph *graph = nullptr;
    std::vector<NodeId> order; // every resource, by kind, name and version
    // Owners and tags with a list page, and that page's path (their slugs cost a hash: made once).
    std::map<std::string, std::string> ownerPages, tagPages;
};

// --- paths (docsitepaths.cpp); all relative to the site's root, '/'-separated ---------------

// The file name of an asset's page without ".html": the name and version as written, with
// upper-case letters as '~' + the letter in lower case (so names that differ only in case do
// not meet on a case-insensitive disk), and '@' before the version. Derivable in search.js;
// a name too long for a file name is cut and given a hash (pageOverride says so).
std::string fileStem(const Ref &ref);
// Non-empty when fileStem() is not what search.js derives (a cut name): the stem to use.
std::string pageOverride(const Ref &ref);
std::string assetPath(const Ref &ref); // "assets/feature/avg~spend@v2.html"
// The id of a column's row on its source's page: "col-" and the name encoded as in fileStem.
std::string columnAnchor(std::string_view column);
// Owners and tags are free text: letters and digits kept, a hash added. "alice-acme-1a2b3c4d5e"
std::string slugOf(std::string_view text);
std::string kindListPath(ResourceKind kind, std::size_t page); // "kinds/feature-1.html"
std::string ownerListPath(const std::string &owner, std::size_t page); // "owners/<slug>-1.html"
std::string tagListPath(const std::string &tag, std::size_t page); // "tags/<slug>-1.html"
std::string ownersIndexPath(std::size_t page); // "owners/index-1.html"
std::string tagsIndexPath(std::size_t page); // "tags/index-1.html"
// "../../" for "assets/feature/x.html": the way back to the root from a page.
std::string rootFrom(std::string_view path);
// "Training sets", "Features"
std::string kindTitle(ResourceKind kind);

// --- chrome (docsitechrome.cpp) ----------------------------------------------------------

// <!DOCTYPE html> through the site header; `path` is the page's own (for relative links).
std::string pageStart(const SiteContext &site, std::string_view path, std::string_view title);
std::string pageEnd(const SiteContext &site, std::string_view path);
// "active", "deprecated · production"
std::string stateText(ResourceStatus status, const std::optional<ModelStage> &stage);
// A tag as a link to its list page (plain when it has none), personal-data tags marked.
std::string tagHtml(std::string_view root, const SiteContext &site, const std::string &tag);
std::string tagsHtml(
    std::string_view root, const SiteContext &site, const std::vector<std::string> &tags);
// An owner as a link to its list page (plain when it has none); "" -> a muted "no owner".
std::string ownerHtml(std::string_view root, const SiteContext &site, const std::string &owner);
// A resource as a link to its page, "name@version".
std::string assetLink(std::string_view root, const Ref &ref);
// A resource's row in a list: link, kind, state, owner, tags.
std::string resourceRow(std::string_view root, const SiteContext &site, NodeId node);
std::string resourceTableStart();
// "Page 2 of 7" with links to the others; "" for a list of one page.
std::string pagerHtml(std::size_t page, std::size_t pages,
    const std::function<std::string(std::size_t)> &pathOf, std::string_view root);
// The resource's own tags and its columns' tags, distinct, sorted.
std::vector<std::string> tagsOf(const LineageGraph &graph, NodeId node);

// --- asset pages (docsitepages.cpp, docsitefacts.cpp) -----------------------------------

// A reference as a link to its page when the site has one, else as plain text.
std::string refHtml(std::string_view root, const SiteContext &site, const Ref &ref);
// The kind-specific facts of a resource (source location, feature stats, model metrics...),
// as rows of a <dl>, plus any tables (histogram, metrics) after it.
std::string factsHtml(std::string_view root, const SiteContext &site, const Resource &resource);
// Where a fact rests: "import 3 (time), models.yaml:12, sha256 1a2b…"
std::string provenanceHtml(const Provenance &provenance);

// --- files --------------------------------------------------------------------------------

using WriteFile = std::function<Result<void>(const std::string &path, const std::string &text)>;

std::string assetPage(const SiteContext &site, const AssetDoc &doc); // docsitepages.cpp
Result<std::size_t> writeIndexPages(const SiteContext &site, const WriteFile &write); // pages
std::string searchIndexScript(const SiteContext &site); // docsitesearch.cpp
std::string_view styleCss(); // docsiteassets.cpp
std::string_view searchScript();
std::string searchPage(const SiteContext &site);

} // namespace tributary::docs_detail
