// SPDX-License-Identifier: Apache-2.0
// The folder a docs site is written to: a temporary folder beside the output, swapped in when
// the site is complete, so the output is always a whole site, the old one or the new one.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/base/result.h"

namespace tributary::docs_detail {

class SiteFolder
{
public:
    // Checks that `output` may be written (missing, empty, or a site this exporter wrote: it
    // holds the marker file) and makes the temporary folder beside it with `folders` inside.
    // Errors: Invalid (a file, or a folder of other things; the hint says what to do), Io.
    static Result<std::unique_ptr<SiteFolder>> prepare(
        const std::string &output, const std::vector<std::string> &folders);
    // Removes the temporary folder unless the site was committed.
    ~SiteFolder();
    SiteFolder(const SiteFolder &) = delete;
    SiteFolder &operator=(const SiteFolder &) = delete;

    // Writes `text` to `path` (relative, '/'-separated, in a folder given to prepare()).
    // Thread-safe. Errors: Io.
    Result<void> write(const std::string &path, std::string_view text);
    std::uint64_t bytes() const { return m_bytes.load(); }
    // Writes the marker file, then puts the new site in place of the output (the old one, if
    // any, is removed after). Errors: Io, with the old site left in place.
    Result<void> commit(std::string_view marker);

private:
    SiteFolder(std::filesystem::path output, std::filesystem::path temporary);

    std::filesystem::path m_output;
    std::filesystem::path m_temporary;
    std::atomic<std::uint64_t> m_bytes{0};
    bool m_committed = false;
};

} // namespace tributary::docs_detail
