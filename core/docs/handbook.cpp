// SPDX-License-Identifier: Apache-2.0
#include "tributary/docs/handbook.h"

#include <algorithm>
#include <map>
#include <set>

#include "handbookchapter_p.h"

namespace tributary {

std::string HandbookScope::describe() const
{
    std::vector<std::string> parts;
    if (!assets.empty())
        parts.push_back(assets.size() == 1 ? assets.front().toString()
                                           : std::to_string(assets.size()) + " chosen assets");
    if (!tag.empty())
        parts.push_back("tag " + tag);
    if (!owner.empty())
        parts.push_back("owner " + owner);
    if (parts.empty())
        return "the whole catalog";
    std::string text = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
        text += ", " + parts[i];
    return text;
}

Result<std::vector<Ref>> handbookAssets(CatalogStore &store, const HandbookScope &scope,
                                        const AsOf &asOf)
{
    std::set<Ref> chosen;
    std::vector<std::string> missing;
    for (const Ref &ref : scope.assets) {
        auto stored = store.get(ref, asOf);
        if (stored)
            chosen.insert(ref);
        else if (stored.error().code == ErrorCode::NotFound)
            missing.push_back(ref.toString());
        else
            return tl::unexpected(stored.error());
    }
    if (!missing.empty()) {
        Error error{ErrorCode::NotFound,
            missing.size() == 1 ? "no such asset: " + missing.front()
                                : std::to_string(missing.size()) + " assets are not in the catalog",
            asOf.toString(), "check the names with `tributary list`", {}};
        error.details = missing;
        return tl::unexpected(error);
    }
    const auto take = [&](const ResourceFilter &filter) -> Result<void> {
        auto rows = store.list(filter, asOf);
        if (!rows)
            return tl::unexpected(rows.error());
        for (const ResourceSummary &row : *rows)
            chosen.insert(row.ref);
        return {};
    };
    const bool everything = scope.assets.empty() && scope.tag.empty() && scope.owner.empty();
    if (!scope.tag.empty() || everything) {
        ResourceFilter filter;
        filter.tag = scope.tag;
        if (auto taken = take(filter); !taken)
            return tl::unexpected(taken.error());
    }
    if (!scope.owner.empty()) {
        ResourceFilter filter;
        filter.owner = scope.owner;
        if (auto taken = take(filter); !taken)
            return tl::unexpected(taken.error());
    }
    if (chosen.size() > kHandbookMaxAssets)
        return fail(ErrorCode::Invalid,
            std::to_string(chosen.size()) + " assets are more than a handbook holds ("
                + std::to_string(kHandbookMaxAssets) + ")",
            scope.describe(), "narrow it by tag or owner, or export the docs site instead");
    // Ref's order is kind, name, version: the catalog's own order.
    return std::vector<Ref>(chosen.begin(), chosen.end());
}

Result<Handbook> buildHandbook(CatalogStore &store, std::shared_ptr<const LineageGraph> graph,
                               const std::vector<Ref> &assets, const HandbookOptions &options)
{
    Handbook book;
    book.title = options.title;
    book.stamp.push_back("Catalog: " + options.catalog);
    book.stamp.push_back("As of: " + options.asOf.toString()
        + (graph->import() ? ", import " + std::to_string(graph->import()->value) + " of "
                   + graph->importedAt().toIso()
                           : std::string(", before the first import")));
    book.stamp.push_back("Catalog fingerprint: " + graph->fingerprint());
    book.stamp.push_back("Assets: " + options.scope + " (" + std::to_string(assets.size()) + ")");
    book.stamp.push_back("Propagation policy: "
        + (options.policyName.empty() ? std::string("none") : options.policyName));
    book.stamp.push_back("Made " + Timestamp::now().toIso() + " by Tributary " + options.toolVersion);

    std::map<Ref, std::size_t> numbers;
    for (std::size_t i = 0; i < assets.size(); ++i)
        numbers[assets[i]] = i + 1;
    ChapterWriter writer(graph, options.policy, numbers);
    for (std::size_t i = 0; i < assets.size(); ++i) {
        auto chapter = writer.write(store, assets[i], options.asOf);
        if (!chapter)
            return tl::unexpected(chapter.error());
        book.chapters.push_back(std::move(*chapter));
        if (options.progress && !options.progress(i + 1, assets.size()))
            return fail(ErrorCode::Cancelled, "the handbook was cancelled");
    }
    return book;
}

} // namespace tributary
