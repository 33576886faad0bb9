// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/layout/drawngraph.h"
#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/store/catalogstore.h"

namespace tributary {

// Which assets a handbook holds: the ones named, every resource carrying a tag ("pii" also
// takes pii:direct, as list filters do), every resource of an owner; the union when several are
// given. Empty: every resource of the catalog.
struct HandbookScope {
    std::vector<Ref> assets;
    std::string tag;
    std::string owner;

    // "3 chosen assets, tag pii, owner risk-team", or "the whole catalog".
    std::string describe() const;
};

// A handbook is read by people: more chapters than this is a catalog dump, not a book.
inline constexpr std::size_t kHandbookMaxAssets = 5000;

// The assets of `scope` present at `asOf`, in catalog order (kind, name, version), each once.
// Errors: NotFound for a named asset that is not present (every one listed in details),
// Invalid for more than kHandbookMaxAssets.
Result<std::vector<Ref>> handbookAssets(CatalogStore &store, const HandbookScope &scope,
                                        const AsOf &asOf);

// One asset's chapter. `html` is the body in the subset of HTML that Qt's text document lays
// out (no CSS beyond inline basics); every catalog text in it is escaped. Print has no links:
// an asset that has a chapter in the book is referred to by its number ("(ch. 3)"). Where the
// lineage diagram belongs it holds a paragraph with `diagramMarker` alone, for the layout to
// replace with `diagram` drawn as vectors.
struct HandbookChapter {
    Ref ref;
    std::size_t number = 0; // from 1, in book order
    std::string title;      // "Feature spend_30d@v2"
    std::string html;
    std::string diagramMarker;
    DrawnGraph diagram;
};

struct Handbook {
    std::string title;
    std::vector<std::string> stamp; // lines under the title: catalog, fingerprint, as-of, ...
    std::vector<HandbookChapter> chapters;
};

struct HandbookOptions {
    std::string title = "Catalog handbook";
    std::string catalog; // as it may be shown (no password)
    std::string scope;   // HandbookScope::describe()
    AsOf asOf;
    PropagationPolicy policy;
    std::string policyName; // empty: none
    std::string toolVersion;
    // Called after each chapter; return false to cancel (Cancelled).
    std::function<bool(std::size_t done, std::size_t total)> progress;
};

// The chapters of `assets` at `options.asOf` with their documentation, columns, lineage
// neighbourhood, versions and the compliance facts (personal data written on or travelled to
// the asset, with evidence; the models it feeds; the features and personal data a model rests
// on). Errors: NotFound, Database, Unavailable, Cancelled.
Result<Handbook> buildHandbook(CatalogStore &store, std::shared_ptr<const LineageGraph> graph,
                               const std::vector<Ref> &assets, const HandbookOptions &options);

} // namespace tributary
