// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace tributary {

// What kind of failure an Error reports; callers branch on this, people read the message.
enum class ErrorCode {
    NotFound,   // the thing asked for does not exist (file, resource, import)
    Invalid,    // the input is malformed or breaks a rule of the catalog
    Conflict,   // the input contradicts what is stored (e.g. a changed immutable version)
    Io,         // reading or writing a file failed
    Database,   // the store reported a failure
    Corrupt,    // a catalog file is damaged (cut short, pages overwritten); it is left as found
    Unsupported,
    Cancelled,
    Unavailable, // a server could not be reached or the connection was lost; trying again may work
    Internal,
};

// An error as a value: what happened, where (file:line:column, a connection, a field path)
// and, where one helps, what to do about it.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string where;
    std::string hint;
    // Further problems of the same failure, where there were several (e.g. every conflict).
    std::vector<std::string> details;

    // "where: message" (or the message alone), followed by "\n  hint: ..." when there is one.
    std::string toString() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

// Builds the error side of a Result: `return fail(ErrorCode::NotFound, "no such file", path);`
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string where = {},
                                  std::string hint = {})
{
    return tl::unexpected<Error>(
        Error{code, std::move(message), std::move(where), std::move(hint), {}});
}

std::string_view errorCodeName(ErrorCode code);

} // namespace tributary
