// SPDX-License-Identifier: Apache-2.0
// One asset's handbook chapter as HTML for Qt's text layout (core/docs/handbook.cpp).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "tributary/docs/assetdoc.h"
#include "tributary/docs/handbook.h"
#include "tributary/lineage/lineagequery.h"

namespace tributary {

class ChapterWriter
{
public:
    // `numbers`: every asset in the book and its chapter's number.
    ChapterWriter(std::shared_ptr<const LineageGraph> graph, const PropagationPolicy &policy,
                  std::map<Ref, std::size_t> numbers);

    Result<HandbookChapter> write(CatalogStore &store, const Ref &ref, const AsOf &asOf);

private:
    // The ref, and the chapter it has in the book if any: "model:m@1 (ch. 4)".
    std::string refer(const Ref &ref) const;
    std::string facts(const AssetDoc &doc) const;
    std::string columns(const AssetDoc &doc) const;
    std::string specifics(const AssetDoc &doc) const;
    std::string compliance(const AssetDoc &doc);
    std::string versions(const AssetDoc &doc) const;

    std::shared_ptr<const LineageGraph> m_graph;
    AssetDocBuilder m_builder;
    Traversal m_traversal;
    std::map<Ref, std::size_t> m_numbers;
};

} // namespace tributary
