// SPDX-License-Identifier: Apache-2.0
#include "arguments.h"

#include <algorithm>

#include "tributary/base/suggest.h"

namespace tributary::cli {

Result<Arguments> Arguments::parse(const std::vector<std::string> &args, const OptionSpec &spec)
{
    Arguments parsed;
    std::vector<std::string> known = spec.valued;
    known.insert(known.end(), spec.flags.begin(), spec.flags.end());
    const auto contains = [](const std::vector<std::string> &list, const std::string &item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (arg == "--") {
            parsed.m_positional.insert(parsed.m_positional.end(), args.begin() + long(i) + 1, args.end());
            break;
        }
        if (!arg.starts_with("--") || arg.size() == 2) {
            parsed.m_positional.push_back(arg);
            continue;
        }
        const auto equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        if (contains(spec.valued, name)) {
            if (equals != std::string::npos) {
                parsed.m_values[name] = arg.substr(equals + 1);
            } else if (i + 1 < args.size()) {
                parsed.m_values[name] = args[++i];
            } else {
                return fail(ErrorCode::Invalid, "option " + name + " needs a value");
            }
        } else if (contains(spec.flags, name) && equals == std::string::npos) {
            parsed.m_flags.push_back(name);
        } else {
            return fail(ErrorCode::Invalid, "unknown option " + name, {}, didYouMean(name, known));
        }
    }
    if (parsed.m_positional.size() < spec.minPositional)
        return fail(ErrorCode::Invalid, "missing argument");
    if (parsed.m_positional.size() > spec.maxPositional)
        return fail(ErrorCode::Invalid, "unexpected argument '" + parsed.m_positional[spec.maxPositional] + "'");
    return parsed;
}

bool Arguments::flag(const std::string &name) const
{
    return std::find(m_flags.begin(), m_flags.end(), name) != m_flags.end();
}

std::optional<std::string> Arguments::value(const std::string &name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

} // namespace tributary::cli
