// SPDX-License-Identifier: Apache-2.0
#include "tributary/base/atomicfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

namespace tributary {
namespace {

namespace fs = std::filesystem;

// Closes a descriptor on every path out.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {
    }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    // Closes now, reporting the error a delayed write may surface only here.
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

Result<void> ioError(const fs::path &path, const std::string &doing, int error)
{
    return fail(ErrorCode::Io, "cannot write the file: " + doing + ": " + std::strerror(error),
                path.string(),
                error == ENOSPC ? "the disk is full; the file is as it was" : std::string());
}

} // namespace

Result<void> writeFileAtomically(const fs::path &path, std::string_view bytes)
{
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::random_device random;
    const fs::path temporary = folder
        / ("." + path.filename().string() + ".tributary-" + std::to_string(::getpid()) + "-"
           + std::to_string(random()) + ".tmp");
    // O_EXCL: never write through a file or link someone else put there.
    Descriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (file.get() < 0)
        return ioError(path, "cannot create a file in " + folder.string(), errno);
    const auto discard = [&](const std::string &doing, int error) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return ioError(path, doing, error);
    };
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && ::fchmod(file.get(), existing.st_mode & 07777) != 0)
        return discard("cannot keep its permissions", errno);
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(file.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return discard("writing", errno);
        written += std::size_t(n);
    }
    if (::fsync(file.get()) != 0)
        return discard("flushing to the disk", errno);
    if (!file.close())
        return discard("closing", errno);
    if (::rename(temporary.c_str(), path.c_str()) != 0)
        return discard("renaming into place", errno);
    // The rename itself lasts once the folder is on the disk too.
    Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0)
        ::fsync(dir.get());
    return {};
}

} // namespace tributary
