// SPDX-License-Identifier: Apache-2.0
#include <cstdio>
#include <random>

#include "docsite_p.h"
#include "sitefolder_p.h"

namespace tributary::docs_detail {
namespace {

namespace fs = std::filesystem;

// The output as an absolute path without a trailing separator ("site/" and "." name folders).
fs::path normalised(const std::string &output)
{
    fs::path path = fs::absolute(fs::path(output)).lexically_normal();
    if (path.filename().empty())
        path = path.parent_path();
    return path;
}

std::string randomSuffix()
{
    std::random_device random;
    char buffer[20];
    std::snprintf(buffer, sizeof buffer, "%08x%08x", random(), random());
    return buffer;
}

// A sibling of `output` that nothing else uses: ".site.tributary-new-1a2b...".
fs::path sibling(const fs::path &output, const char *what)
{
    std::string name = ".";
    name += output.filename().string();
    name += ".tributary-";
    name += what;
    name += '-';
    name += randomSuffix();
    return output.parent_path() / name;
}

} // namespace

SiteFolder::SiteFolder(fs::path output, fs::path temporary)
    : m_output(std::move(output))
    , m_temporary(std::move(temporary))
{ }

SiteFolder::~SiteFolder()
{
    if (!m_committed) {
        std::error_code ignored; // nothing to do about it here; the output is untouched anyway
        fs::remove_all(m_temporary, ignored);
    }
}

Result<std::unique_ptr<SiteFolder>> SiteFolder::prepare(
    const std::string &output, const std::vector<std::string> &folders)
{
    if (output.empty())
        return fail(ErrorCode::Invalid, "no output folder given", {}, "pass --output DIR");
    const fs::path target = normalised(output);
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        return fail(ErrorCode::Invalid, "the output is a file, not a folder", output,
            "choose a new or empty folder for the site");
    if (fs::is_directory(status) && !fs::exists(target / kMarkerFile) && !fs::is_empty(target, ec))
        return fail(ErrorCode::Invalid,
            "the output folder holds files that are not a Tributary docs site; it is left as it is",
            output,
            "choose a new or empty folder; a folder Tributary wrote (it holds "
                + std::string(kMarkerFile) + ") is replaced whole");
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        return fail(ErrorCode::Io, "cannot make the folder for the site: " + ec.message(),
            target.parent_path().string());
    const fs::path temporary = sibling(target, "new");
    for (const std::string &folder : folders) {
        fs::create_directories(temporary / folder, ec);
        if (ec) {
            fs::remove_all(temporary, ec);
            return fail(ErrorCode::Io, "cannot write beside the output folder: " + ec.message(),
                temporary.string(), "the site is written next to the output, then renamed");
        }
    }
    fs::create_directories(temporary, ec);
    if (ec)
        return fail(ErrorCode::Io, "cannot write beside the output folder: " + ec.message(),
            temporary.string(), "the site is written next to the output, then renamed");
    return std::unique_ptr<SiteFolder>(new SiteFolder(target, temporary));
}

Result<void> SiteFolder::write(const std::string &path, std::string_view text)
{
    const fs::path file = m_temporary / path;
    std::FILE *out = std::fopen(file.c_str(), "wb");
    if (!out)
        return fail(ErrorCode::Io, "cannot write the file", file.string());
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (std::fclose(out) != 0 || !written)
        return fail(ErrorCode::Io, "cannot write the file (is the disk full?)", file.string());
    m_bytes += text.size();
    return {};
}

Result<void> SiteFolder::commit(std::string_view marker)
{
    if (auto written = write(std::string(kMarkerFile), marker); !written)
        return written;
    std::error_code ec;
    fs::path old;
    if (fs::exists(m_output, ec)) {
        old = sibling(m_output, "old");
        fs::rename(m_output, old, ec);
        if (ec)
            return fail(ErrorCode::Io, "cannot move the earlier site aside: " + ec.message(),
                m_output.string());
    }
    fs::rename(m_temporary, m_output, ec);
    if (ec) {
        std::error_code ignored;
        if (!old.empty())
            fs::rename(old, m_output, ignored);
        return fail(
            ErrorCode::Io, "cannot put the new site in place: " + ec.message(), m_output.string());
    }
    m_committed = true;
    if (!old.empty())
        fs::remove_all(old, ec); // the new site is in place; a leftover is only disk space
    return {};
}

} // namespace tributary::docs_detail
