// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string_view>

#include "tributary/base/result.h"

namespace tributary {

// Writes `bytes` to `path` so that a reader, a crash or a full disk sees either the old file
// or the whole new one, never a part: the bytes go to a new temporary file beside `path`,
// are flushed to the disk, and the file is then renamed over `path`. A new file gets the
// user's default permissions (0666 less the umask), a replaced one keeps its own. On failure
// `path` is as it was and no temporary file is left. Errors: Io, naming `path`.
Result<void> writeFileAtomically(const std::filesystem::path &path, std::string_view bytes);

} // namespace tributary
