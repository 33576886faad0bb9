// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tributary {

// The lines of `text`, without their '\n'; a final newline adds no empty line.
std::vector<std::string> splitLines(std::string_view text);

// Numbers as people write them: 1284512, 0.87, 38.4 (no "1284512.0").
std::string formatNumber(double value);

} // namespace tributary
