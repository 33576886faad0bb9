// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tributary/base/result.h"

namespace tributary::cli {

// The options one command accepts: which take a value, which are flags.
struct OptionSpec {
    std::vector<std::string> valued; // e.g. "--catalog"
    std::vector<std::string> flags;  // e.g. "--json"
    std::size_t minPositional = 0;
    std::size_t maxPositional = 0;
};

// A command line after parsing: positional arguments and options by name.
class Arguments
{
public:
    // Parses `args` (after the command name). Accepts `--opt value` and `--opt=value`.
    // Errors: Invalid, saying which option or argument is wrong (a usage error).
    static Result<Arguments> parse(const std::vector<std::string> &args, const OptionSpec &spec);

    const std::vector<std::string> &positional() const { return m_positional; }
    bool flag(const std::string &name) const;
    std::optional<std::string> value(const std::string &name) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_flags;
};

} // namespace tributary::cli
