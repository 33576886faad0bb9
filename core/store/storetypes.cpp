// SPDX-License-Identifier: Apache-2.0
#include "tributary/store/storetypes.h"

#include <charconv>

namespace tributary {

std::string AsOf::toString() const
{
    if (const auto *id = std::get_if<ImportId>(&point))
        return "import " + std::to_string(id->value);
    if (const auto *at = std::get_if<Timestamp>(&point))
        return at->toIso();
    return "latest";
}

Result<AsOf> AsOf::parse(std::string_view text)
{
    if (text.empty() || text == "latest" || text == "now")
        return latest();
    std::string_view digits = text;
    if (digits.front() == '#')
        digits.remove_prefix(1);
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec == std::errc() && end == digits.data() + digits.size()) {
        if (id < 1)
            return fail(ErrorCode::Invalid, "import numbers start at 1");
        return import(ImportId{id});
    }
    auto at = Timestamp::parse(text);
    if (!at) {
        Error error = at.error();
        error.hint = "give an import number (see `tributary imports`) or an ISO-8601 date or time";
        return tl::unexpected(error);
    }
    return time(*at);
}

std::string_view revisionChangeName(RevisionChange change)
{
    switch (change) {
    case RevisionChange::Created: return "created";
    case RevisionChange::Revised: return "revised";
    case RevisionChange::Removed: return "removed";
    case RevisionChange::Restored: return "restored";
    }
    return "revised";
}

} // namespace tributary
