// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "tributary/base/result.h"
#include "tributary/model/resource.h"

namespace tributary {

// The resource's definition (every field but metadata, no source locations) as JSON with
// sorted keys. Equal definitions give equal text, whatever the YAML looked like.
nlohmann::json definitionJson(const Resource &resource);
// Its metadata: description, owner, tags, properties, status, and per column description/tags.
nlohmann::json metadataJson(const Resource &resource);
// sha256 of the compact definition JSON: the identity of a version's content.
std::string definitionHash(const Resource &resource);
// sha256 of the compact metadata JSON.
std::string metadataHash(const Resource &resource);

// Everything about the resource in one object, as `tributary show --json` prints it:
// ref, kind, name, version, metadata fields, then the kind's own fields.
nlohmann::json resourceJson(const Resource &resource);

// Rebuilds a resource from the two JSON texts a store keeps. Errors: Invalid (corrupt store).
Result<Resource> resourceFromJson(const Ref &ref, std::string_view definition,
                                  std::string_view metadata);

} // namespace tributary
