// SPDX-License-Identifier: Apache-2.0
// Private parts of the dbt importer: where each node and column key stands in the manifest
// text, catalog.json column types, and one manifest node turned into a Resource.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "tributary/base/sourcelocation.h"
#include "tributary/model/resource.h"

namespace tributary::dbt_detail {

// Line and column of the keys of `nodes.<id>` / `sources.<id>` and of their
// `columns.<name>`, found in one pass over the text (the DOM keeps no positions).
class KeyPlaces
{
public:
    static KeyPlaces scan(const std::string &label, std::string_view text);

    // The place of node `id` (of its column `column` when not empty); just the file if unknown.
    SourceLocation at(const std::string &id, const std::string &column = {}) const;

private:
    FileName m_file;
    std::unordered_map<std::string, std::pair<int, int>> m_places; // "id" or "id\x1f" "column"
};

// One column as dbt's catalog.json lists it.
struct CatalogColumn {
    std::string name;
    std::string type;
    long index = 0;
};

// Column types per unique_id, columns keyed by lower-case name (warehouses upper-case them).
using ColumnTypes = std::unordered_map<std::string, std::map<std::string, CatalogColumn>>;

std::string lowerCase(std::string_view text);

// A node the importer keeps, as read from the manifest, before versions are known.
struct NodeDraft {
    std::string uniqueId;
    std::string resourceType; // model, seed, snapshot, source
    Resource resource;
    std::vector<std::string> dependsOn; // unique ids of imported nodes
    bool ownVersion = false;            // the model's own `version`
    bool rawSql = false;                // compiled SQL missing: raw SQL kept
};

// The node `node` (`id`, of `resourceType`) as a Resource without version or inputs.
// Throws nlohmann::json::exception on fields of the wrong type (the caller says where).
NodeDraft draftNode(const std::string &id, const std::string &resourceType,
                    const nlohmann::json &node, const ColumnTypes &types, const KeyPlaces &places);

// True when dbt meta marks a column or node as personal data: pii, contains_pii or sensitive
// set to true (or "true"/"yes").
bool metaMarksPii(const nlohmann::json &meta);

} // namespace tributary::dbt_detail
