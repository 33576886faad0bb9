// SPDX-License-Identifier: Apache-2.0
// The search index: one script, search-index.js, that assigns the index to
// window.TRIBUTARY_INDEX. A script rather than a JSON file because browsers refuse fetch and
// XHR of file:// URLs, while <script src> works everywhere.
//
// It is kept small to load at once on a 100,000-resource catalog: arrays instead of objects
// with repeated keys, owners, tags and states stored once and referred to by number, and no
// page paths (search.js derives them from kind, name and version, as fileStem() writes them;
// only a cut name carries its own). An entry is
//   [kind, name, version, owner (-1: none), [tags], state (, page stem)]
// All of it goes through nlohmann::json (escaping, invalid UTF-8 replaced), then '<', '>' and
// '&' become \u003c, \u003e and \u0026, so no text in the index can close a script element or
// open a comment, even were the file ever inlined into a page.
#include <map>

#include <nlohmann/json.hpp>

#include "docsite_p.h"

namespace tributary::docs_detail {
namespace {

// Interns strings: each distinct value gets the next number.
class Table
{
public:
    int operator()(const std::string &text)
    {
        const auto [at, added] = m_numbers.emplace(text, int(m_values.size()));
        if (added)
            m_values.push_back(text);
        return at->second;
    }
    const std::vector<std::string> &values() const { return m_values; }

private:
    std::map<std::string, int> m_numbers;
    std::vector<std::string> m_values;
};

std::string scriptSafe(const std::string &json)
{
    std::string out;
    out.reserve(json.size() + json.size() / 64);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80'
            && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029"; // line breaks to old JS
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

std::string searchIndexScript(const SiteContext &site)
{
    using nlohmann::json;
    const LineageGraph &graph = *site.graph;
    Table owners, tags, states;
    json assets = json::array();
    for (NodeId node : site.order) {
        const LineageNode &n = graph.resource(node);
        json tagNumbers = json::array();
        for (const std::string &tag : tagsOf(graph, node))
            tagNumbers.push_back(tags(tag));
        const std::string &owner = graph.owner(node);
        json entry = json::array(
            {int(n.ref.kind), n.ref.name, n.ref.version, owner.empty() ? -1 : owners(owner),
                std::move(tagNumbers), states(stateText(n.status, n.stage))});
        if (const std::string cut = pageOverride(n.ref); !cut.empty())
            entry.push_back(cut);
        assets.push_back(std::move(entry));
    }
    json kinds = json::array();
    for (ResourceKind kind : kAllKinds)
        kinds.push_back(std::string(kindName(kind)));
    const json index
        = {{"version", 1}, {"catalog", site.catalogName}, {"fingerprint", site.fingerprint},
            {"import", site.import.value}, {"kinds", kinds}, {"owners", owners.values()},
            {"tags", tags.values()}, {"states", states.values()}, {"assets", std::move(assets)}};
    return "window.TRIBUTARY_INDEX = "
        + scriptSafe(index.dump(-1, ' ', false, json::error_handler_t::replace)) + ";\n";
}

} // namespace tributary::docs_detail
