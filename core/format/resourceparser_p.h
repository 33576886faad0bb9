// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <yaml-cpp/yaml.h>

#include "tributary/format/catalogreader.h"
#include "yamlfields_p.h"

namespace tributary::format {

// Reads one parsed catalog document (a mapping of sections) into `load`: its resources, and a
// diagnostic for every local problem (unknown fields, wrong types, bad names, references that
// cannot be parsed). May throw YAML::Exception on trees yaml-cpp itself rejects.
void readDocument(const YAML::Node &document, FileContext &context, CatalogLoad &load);

} // namespace tributary::format
