// SPDX-License-Identifier: Apache-2.0
// The site's own files: one style sheet, one script and the search page. Kept here as raw
// strings so the exporter is one binary with nothing to install beside it. System fonts only;
// the script builds every result with textContent (never innerHTML), so catalog text is never
// parsed as markup in the browser either.
#include "docsite_p.h"

namespace tributary::docs_detail {
namespace {

constexpr std::string_view kStyle = R"css(/* Tributary docs site */
:root { --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --link: #0969da;
        --personal: #dc2626; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
       background: #fff; margin: 0; }
a { color: var(--link); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .7em 1em;
      overflow-x: auto; }
header.site { display: flex; flex-wrap: wrap; align-items: center; gap: .4em 1.2em;
              padding: .6em 1.5em; background: #24292f; color: #d0d7de; }
header.site a.home { color: #fff; font-weight: 600; font-size: 1.1em; }
header.site .stamp { font-size: .85em; }
header.site form.search { margin-left: auto; display: flex; gap: .3em; }
header.site input[type=search] { width: 22em; max-width: 60vw; padding: .3em .6em; border-radius: 6px;
                                 border: 1px solid #57606a; font: inherit; }
header.site button { padding: .3em .8em; border-radius: 6px; border: 1px solid #57606a;
                     background: #f6f8fa; font: inherit; cursor: pointer; }
main { max-width: 80em; margin: 0 auto; padding: 1em 1.5em 2em; }
footer { max-width: 80em; margin: 0 auto; padding: 1em 1.5em 2em; color: var(--muted);
         font-size: .85em; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
h1 { font-size: 1.6em; margin: .3em 0 .2em; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
nav.crumbs { font-size: .9em; color: var(--muted); }
nav.toc { font-size: .9em; margin: .6em 0; display: flex; flex-wrap: wrap; gap: .2em 1em; }
nav.pager { margin: .6em 0; font-size: .9em; }
.summary { color: var(--muted); margin: 0 0 .6em; }
.kind { font-size: .55em; font-weight: 500; vertical-align: middle; color: var(--muted);
        border: 1px solid var(--line); border-radius: 1em; padding: .1em .7em; }
.note { color: var(--muted); font-size: .9em; }
.none { color: #8c959f; }
.tag { display: inline-block; background: #eef1f4; color: var(--fg); border-radius: 3px;
       padding: 0 .4em; margin: 0 .15em .15em 0; font-size: .88em; }
.tag.personal { background: #fde8e8; color: #a40e26; border: 1px solid #f5b5b5; }
.unresolved { color: #9a6700; border-bottom: 1px dotted #9a6700; }
.strength { font-size: .8em; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.rules, .transform { font-size: .85em; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { text-align: left; vertical-align: top; padding: .35em .6em; border-bottom: 1px solid var(--line);
         overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.properties th { width: 14em; }
table.histogram, table.metrics, table.counts { width: auto; min-width: 20em; }
td > p:first-child { margin-top: 0; }
td > p:last-child { margin-bottom: 0; }
dl.facts { display: grid; grid-template-columns: 10em 1fr; gap: .25em 1.2em; margin: .4em 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.refs, ul.propagated { margin: 0; padding-left: 1.1em; }
ol.top { columns: 2; }
.count { color: var(--muted); font-size: .85em; }
.drawing { overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd;
           max-height: 70vh; }
.drawing svg { display: block; }
.drawing a:focus rect, .drawing a:hover rect:first-of-type { stroke: var(--link); stroke-width: 2; }
svg.histogram { display: block; margin: .4em 0; }
ol.results { list-style: none; padding: 0; }
ol.results li { padding: .45em .6em; border-bottom: 1px solid var(--line); }
ol.results li a { font-weight: 600; }
ol.results li a:focus { outline: 2px solid var(--link); outline-offset: 2px; }
ol.results .meta { color: var(--muted); font-size: .88em; margin-left: .6em; }
blockquote { margin: .5em 0; padding: 0 1em; color: var(--muted); border-left: 3px solid var(--line); }
@media print {
  header.site form.search, nav.toc { display: none; }
  header.site { background: none; color: var(--fg); }
  header.site a.home { color: var(--fg); }
  .drawing { max-height: none; border: none; }
  tr { break-inside: avoid; }
}
)css";

constexpr std::string_view kScript
    = R"js(// Tributary docs site: "/" focuses the search box on every page; search.html searches the
// index in search-index.js (loaded with <script src>, which works from file://, where fetch and
// XHR do not). Under node, module.exports gives the same search for tests.
(function () {
  'use strict';

  // Page file names, as docsitepaths.cpp fileStem() writes them.
  function encode(text) {
    var out = '';
    for (var c of text) {
      if (/^[a-z0-9_.\-]$/.test(c)) out += c;
      else if (/^[A-Z]$/.test(c)) out += '~' + c.toLowerCase();
      else new TextEncoder().encode(c).forEach(function (b) {
        out += '~~' + (b < 16 ? '0' : '') + b.toString(16);
      });
    }
    return out;
  }
  function stemFor(name, version) {
    var stem = encode(name) + (version ? '@' + encode(version) : '');
    if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/.test(stem.split('.')[0])) stem += '@';
    return stem;
  }
  function pagePath(index, entry) {
    return 'assets/' + index.kinds[entry[0]] + '/' + (entry[6] || stemFor(entry[1], entry[2])) + '.html';
  }

  function parseQuery(text) {
    var query = { terms: [], kind: null, tag: null, owner: null };
    text.trim().split(/\s+/).forEach(function (word) {
      if (!word) return;
      var m = /^(kind|tag|owner):(.+)$/i.exec(word);
      if (!m) { query.terms.push(word.toLowerCase()); return; }
      var key = m[1].toLowerCase();
      query[key] = key === 'kind' ? m[2].toLowerCase().replace(/-/g, '_') : m[2].toLowerCase();
    });
    return query;
  }
  function tagMatches(pattern, tag) {
    if (pattern.endsWith(':*')) pattern = pattern.slice(0, -2);
    return tag === pattern || tag.indexOf(pattern + ':') === 0;
  }
  // How well one word of the query matches an asset: 0 for not at all. Names first (the whole
  // name, then a prefix of it, then a prefix of one of its words, then anywhere), then tags,
  // owners and kinds.
  // Lower-case copies of what is searched, made once per index (a keystroke then costs one pass
  // of string compares over the assets, about 20 ms for 100,000 of them).
  function prepared(index) {
    if (index.prepared) return index.prepared;
    var lower = function (text) { return text.toLowerCase(); };
    var tags = index.tags.map(lower), owners = index.owners.map(lower);
    index.prepared = index.assets.map(function (e) {
      var name = e[1].toLowerCase();
      return { name: name, full: e[2] ? name + '@' + e[2].toLowerCase() : name,
               owner: e[3] >= 0 ? owners[e[3]] : '', tags: e[4].map(function (t) { return tags[t]; }),
               kind: index.kinds[e[0]] };
    });
    return index.prepared;
  }
  function termScore(p, term) {
    if (p.name === term || p.full === term) return 100;
    if (p.name.indexOf(term) === 0) return 80;
    if (p.name.indexOf('_' + term) > 0 || p.name.indexOf('.' + term) > 0 || p.name.indexOf('-' + term) > 0)
      return 60;
    if (p.full.indexOf(term) >= 0) return 40;
    for (var t of p.tags) if (t.indexOf(term) === 0) return 30;
    if (p.owner && p.owner.indexOf(term) >= 0) return 20;
    if (p.kind === term || p.kind.replace('_', ' ') === term || p.kind + 's' === term) return 10;
    return 0;
  }
  // The assets matching every word of `text`, best first: [{name, version, kind, owner, tags,
  // state, path, score}], at most `limit` (default 100).
  function search(index, text, limit) {
    var query = parseQuery(text || '');
    if (!query.terms.length && !query.kind && !query.tag && !query.owner) return [];
    var all = prepared(index);
    var found = [];
    for (var order = 0; order < all.length; order++) {
      var p = all[order];
      if (query.kind && p.kind !== query.kind) continue;
      if (query.owner && p.owner.indexOf(query.owner) < 0) continue;
      if (query.tag && !p.tags.some(function (t) { return tagMatches(query.tag, t); })) continue;
      var score = 0;
      for (var term of query.terms) {
        var s = termScore(p, term);
        if (!s) { score = 0; break; }
        score += s;
      }
      if (score > 0 || !query.terms.length)
        found.push({ entry: index.assets[order], score: score, order: order });
    }
    found.sort(function (a, b) {
      return b.score - a.score || a.entry[1].length - b.entry[1].length || a.order - b.order;
    });
    return found.slice(0, limit || 100).map(function (hit) {
      var e = hit.entry;
      return { name: e[1], version: e[2], kind: index.kinds[e[0]],
               owner: e[3] >= 0 ? index.owners[e[3]] : '',
               tags: e[4].map(function (t) { return index.tags[t]; }), state: index.states[e[5]],
               path: pagePath(index, e), score: hit.score };
    });
  }

  if (typeof module === 'object' && module.exports)
    module.exports = { search: search, pagePath: pagePath, stemFor: stemFor };
  if (typeof document === 'undefined') return;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function render(index, list, status, text) {
    list.textContent = '';
    var hits = search(index, text, 200);
    if (!text.trim()) {
      status.textContent = 'Type to search names, tags and owners; kind:model, tag:pii and '
        + 'owner:alice narrow it.';
      return;
    }
    status.textContent = (hits.length === 200 ? 'The first 200' : hits.length)
      + (hits.length === 1 ? ' result' : ' results') + ' for \u201c' + text + '\u201d';
    hits.forEach(function (hit) {
      var item = element('li');
      var link = element('a', null, hit.version ? hit.name + '@' + hit.version : hit.name);
      link.href = hit.path;
      item.appendChild(link);
      var meta = [hit.kind, hit.state, hit.owner].filter(Boolean).join(' \u00b7 ');
      item.appendChild(element('span', 'meta', meta));
      hit.tags.forEach(function (tag) {
        item.appendChild(document.createTextNode(' '));
        item.appendChild(element('span', /^pii(:|$)/.test(tag) ? 'tag personal' : 'tag', tag));
      });
      list.appendChild(item);
    });
  }
  function init() {
    var box = document.querySelector('header.site input[name=q]');
    if (!box) return;
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (event.key === '/' && !typing) { event.preventDefault(); box.focus(); box.select(); }
    });
    var list = document.getElementById('results');
    var status = document.getElementById('search-status');
    if (!list || !status) return;
    var index = window.TRIBUTARY_INDEX;
    if (!index) { status.textContent = 'The search index (search-index.js) did not load.'; return; }
    var text = new URLSearchParams(window.location.search).get('q') || '';
    box.value = text;
    box.focus();
    render(index, list, status, text);
    window.setTimeout(function () { prepared(index); }, 0); // before the first keystroke
    var pending = 0;
    box.addEventListener('input', function () {
      // A search of a large index takes tens of milliseconds: wait for a pause in the typing.
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { render(index, list, status, box.value); }, 60);
      try {
        history.replaceState(null, '', '?q=' + encodeURIComponent(box.value));
      } catch (e) { /* some browsers refuse it on file:// */ }
    });
    box.form.addEventListener('submit', function (event) {
      event.preventDefault();
      window.clearTimeout(pending);
      render(index, list, status, box.value);
      var first = list.querySelector('a');
      if (first) first.focus();
    });
    // Arrows move between results and back to the box; Enter opens the focused one.
    document.addEventListener('keydown', function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && (document.activeElement === box || at >= 0)) {
        if (links[at + 1]) { event.preventDefault(); links[at + 1].focus(); }
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        (at > 0 ? links[at - 1] : box).focus();
      } else if (event.key === 'Escape' && at >= 0) {
        box.focus();
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
)js";

} // namespace

std::string_view styleCss()
{
    return kStyle;
}

std::string_view searchScript()
{
    return kScript;
}

std::string searchPage(const SiteContext &site)
{
    return pageStart(site, "search.html", "Search")
        + "<h1>Search</h1>\n<p id=\"search-status\" class=\"note\" role=\"status\" "
          "aria-live=\"polite\">Loading the search index\xE2\x80\xA6</p>\n"
          "<ol id=\"results\" class=\"results\"></ol>\n<noscript><p>Search needs JavaScript; the "
          "<a href=\"index.html\">index</a> lists every asset by kind, owner and "
          "tag.</p></noscript>\n"
        + pageEnd(site, "search.html");
}

} // namespace tributary::docs_detail
