// SPDX-License-Identifier: Apache-2.0
#include "tributary/base/result.h"

namespace tributary {

std::string Error::toString() const
{
    std::string text = where.empty() ? message : where + ": " + message;
    for (const std::string &detail : details)
        text += "\n" + detail;
    if (!hint.empty())
        text += "\n  hint: " + hint;
    return text;
}

std::string_view errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::Conflict: return "conflict";
    case ErrorCode::Io: return "io";
    case ErrorCode::Database: return "database";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Unavailable: return "unavailable";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace tributary
