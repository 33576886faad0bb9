// SPDX-License-Identifier: Apache-2.0
// Checks that need the whole catalog: duplicate versions, references, columns, cycles, links.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "tributary/base/suggest.h"
#include "tributary/format/catalogreader.h"
#include "tributary/model/lineageedges.h"

namespace tributary {

bool UnreadParts::covers(const Ref &ref) const
{
    return documents || kinds.contains(ref.kind) || names.contains({ref.kind, ref.name});
}

namespace {

// "v9" before "v10": runs of digits compare as numbers.
bool naturalLess(const std::string &a, const std::string &b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
            std::size_t ei = i, ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei])))
                ++ei;
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej])))
                ++ej;
            const std::string_view da = std::string_view(a).substr(i, ei - i);
            const std::string_view db = std::string_view(b).substr(j, ej - j);
            const auto trim = [](std::string_view d) {
                return d.substr(std::min(d.find_first_not_of('0'), d.size()));
            };
            const std::string_view ta = trim(da), tb = trim(db);
            if (ta.size() != tb.size())
                return ta.size() < tb.size();
            if (ta != tb)
                return ta < tb;
            i = ei;
            j = ej;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

class CatalogIndex
{
public:
    CatalogIndex(CatalogLoad &load, const std::vector<Resource> &known)
        : m_load(load)
    {
        for (std::size_t i = 0; i < load.catalog.resources.size(); ++i) {
            const Resource &resource = load.catalog.resources[i];
            const auto [it, inserted] = m_byRef.emplace(resource.ref.toString(), i);
            if (!inserted) {
                const Resource &first = load.catalog.resources[it->second];
                error(resource.where, "duplicate " + std::string(kindName(resource.kind())) + " "
                                          + resource.ref.shortString(),
                      "first defined at " + first.where.toString());
                m_duplicates.push_back(i);
                continue;
            }
            m_versions[{resource.kind(), resource.ref.name}].push_back(resource.ref.version);
        }
        // What the store holds from other origins may be referred to; the catalog's own
        // definition of the same ref wins.
        for (const Resource &resource : known) {
            if (m_byRef.count(resource.ref.toString()) || !m_known.emplace(resource.ref.toString(), &resource).second)
                continue;
            m_versions[{resource.kind(), resource.ref.name}].push_back(resource.ref.version);
        }
    }

    bool isDuplicate(std::size_t index) const
    {
        return std::find(m_duplicates.begin(), m_duplicates.end(), index) != m_duplicates.end();
    }

    const Resource *find(const Ref &ref) const
    {
        const std::string text = ref.toString();
        if (const auto it = m_byRef.find(text); it != m_byRef.end())
            return &m_load.catalog.resources[it->second];
        const auto known = m_known.find(text);
        return known == m_known.end() ? nullptr : known->second;
    }

    std::size_t indexOf(const Ref &ref) const
    {
        const auto it = m_byRef.find(ref.toString());
        return it == m_byRef.end() ? SIZE_MAX : it->second;
    }

    // Reports what is wrong with a reference that does not resolve; returns the target if it does.
    // `link` is the [[...]] text when the reference is a link in a description (a warning).
    const Resource *resolve(const Reference &reference, const std::string &link = {})
    {
        const Ref &ref = reference.ref;
        if (const Resource *target = ref.version.empty() && isVersioned(ref.kind) ? nullptr : find(ref))
            return target;
        if (m_load.unread.covers(ref)) {
            ++m_unchecked;
            return nullptr;
        }
        const Severity severity = link.empty() ? Severity::Error : Severity::Warning;
        const std::string kind(kindName(ref.kind));
        const auto versions = m_versions.find({ref.kind, ref.name});
        if (versions != m_versions.end()) {
            std::vector<std::string> list = versions->second;
            std::sort(list.begin(), list.end(), naturalLess);
            const std::string existing = kind + " " + ref.name + " has version"
                                         + (list.size() > 1 ? "s " : " ") + joinWords(list);
            if (ref.version.empty()) {
                report(severity, reference.where,
                       link.empty() ? "reference to " + kind + " '" + ref.name + "' names no version"
                                    : link + " names no version",
                       existing + "; write " + ref.name + "@" + list.back());
            } else {
                report(severity, reference.where,
                       (link.empty() ? std::string() : link + " points at a missing version: ")
                           + kind + " " + ref.name + " has no version '" + ref.version + "'",
                       existing);
            }
            return nullptr;
        }
        std::vector<std::string> names;
        std::vector<std::string> otherKinds;
        for (const auto &[key, list] : m_versions) {
            if (key.first == ref.kind)
                names.push_back(key.second);
            else if (key.second == ref.name)
                otherKinds.emplace_back(kindName(key.first));
        }
        std::string hint = didYouMean(ref.name, names);
        if (hint.empty() && !otherKinds.empty()) {
            hint = "there is a " + joinWords(otherKinds, " and a ") + " named '" + ref.name
                   + "'; write the kind first, e.g. " + otherKinds.front() + ":" + ref.name;
        }
        report(severity, reference.where,
               (link.empty() ? "unknown " : link + " points at an unknown ") + kind + " '"
                   + ref.shortString() + "'",
               hint);
        return nullptr;
    }

    // References not checked because what they point at may be in a part that was unreadable.
    std::size_t unchecked() const { return m_unchecked; }

    void checkColumn(const Resource &source, const std::string &column, const SourceLocation &where,
                     const std::string &written)
    {
        const auto *spec = source.as<SourceSpec>();
        if (!spec || spec->findColumn(column))
            return;
        std::vector<std::string> names;
        for (const Column &c : spec->columns)
            names.push_back(c.name);
        std::string hint = didYouMean(column, names);
        if (hint.empty()) {
            hint = names.empty() ? "source " + source.ref.shortString() + " declares no columns"
                                 : "its columns are " + joinWords(names);
        }
        error(where, "source " + source.ref.shortString() + " has no column '" + column + "'"
                         + (written.empty() ? "" : " (in '" + written + "')"),
              hint);
    }

    void error(const SourceLocation &where, std::string message, std::string hint = {})
    {
        report(Severity::Error, where, std::move(message), std::move(hint));
    }

    void report(Severity severity, const SourceLocation &where, std::string message, std::string hint)
    {
        m_load.diagnostics.push_back({severity, where, std::move(message), std::move(hint)});
    }

private:
    CatalogLoad &m_load;
    std::unordered_map<std::string, std::size_t> m_byRef;
    std::unordered_map<std::string, const Resource *> m_known; // in the store, from other origins
    std::map<std::pair<ResourceKind, std::string>, std::vector<std::string>> m_versions;
    std::vector<std::size_t> m_duplicates;
    std::size_t m_unchecked = 0;
};

void checkReferences(const Resource &resource, CatalogIndex &index)
{
    const auto visit = [&](const std::optional<Reference> &ref) {
        if (ref)
            index.resolve(*ref);
    };
    if (const auto *source = resource.as<SourceSpec>()) {
        visit(source->provider);
        for (const Reference &input : source->inputs)
            index.resolve(input);
        for (const Column &column : source->columns) {
            for (const ColumnDerivation &d : column.derivedFrom) {
                if (const Resource *from = index.resolve({d.from.ref.resource, d.from.where}))
                    index.checkColumn(*from, d.from.ref.column, d.from.where, d.from.ref.shortString());
            }
        }
    } else if (const auto *feature = resource.as<FeatureSpec>()) {
        visit(feature->entity);
        if (feature->source) {
            const Resource *origin = index.resolve(*feature->source);
            if (origin && !feature->column.empty())
                index.checkColumn(*origin, feature->column, feature->columnWhere, {});
        }
    } else if (const auto *set = resource.as<TrainingSetSpec>()) {
        visit(set->label);
        for (const Reference &f : set->features)
            index.resolve(f);
    } else if (const auto *model = resource.as<ModelSpec>()) {
        for (const Reference &s : model->trainingSets)
            index.resolve(s);
        for (const Reference &f : model->features)
            index.resolve(f);
    }
}

// Links are prose: one that does not resolve is a warning (malformed ones the reader reported).
void checkLinks(const Resource &resource, CatalogIndex &index)
{
    for (const DescriptionLink &link : resource.links)
        index.resolve(link.target, "link [[" + link.text + "]] in the description of " + resource.ref.shortString());
}

// Finds lineage cycles with an iterative depth-first search and reports each once.
void checkCycles(const Catalog &catalog, CatalogIndex &index)
{
    const std::size_t n = catalog.resources.size();
    std::vector<std::vector<std::size_t>> downstream(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (index.isDuplicate(i))
            continue;
        for (const ResourceEdge &edge : resourceEdgesInto(catalog.resources[i])) {
            const std::size_t from = index.indexOf(edge.from);
            if (from != SIZE_MAX)
                downstream[from].push_back(i);
        }
    }
    enum Colour : unsigned char { White, Grey, Black };
    std::vector<Colour> colour(n, White);
    std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next child
    for (std::size_t start = 0; start < n; ++start) {
        if (colour[start] != White)
            continue;
        stack.push_back({start, 0});
        colour[start] = Grey;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next == downstream[node].size()) {
                colour[node] = Black;
                stack.pop_back();
                continue;
            }
            const std::size_t child = downstream[node][next++];
            if (colour[child] == White) {
                colour[child] = Grey;
                stack.push_back({child, 0});
            } else if (colour[child] == Grey) {
                std::string path;
                auto it = std::find_if(stack.begin(), stack.end(),
                                       [&](const auto &frame) { return frame.first == child; });
                for (; it != stack.end(); ++it)
                    path += catalog.resources[it->first].ref.toString() + " -> ";
                path += catalog.resources[child].ref.toString();
                index.error(catalog.resources[child].where, "lineage cycle: " + path,
                            "lineage must flow one way; remove one of these references");
            }
        }
    }
}

} // namespace

void validateCatalog(CatalogLoad &load, const std::vector<Resource> &known)
{
    CatalogIndex index(load, known);
    for (std::size_t i = 0; i < load.catalog.resources.size(); ++i) {
        if (index.isDuplicate(i))
            continue;
        checkReferences(load.catalog.resources[i], index);
        checkLinks(load.catalog.resources[i], index);
    }
    checkCycles(load.catalog, index);
    if (index.unchecked() > 0) {
        load.diagnostics.push_back(
            {Severity::Warning, {}, std::to_string(index.unchecked()) + " reference"
                                        + (index.unchecked() == 1 ? " was" : "s were")
                                        + " not checked because some definitions could not be read",
             "fix the errors above, then validate again"});
    }
}

} // namespace tributary
