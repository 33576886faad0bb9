// SPDX-License-Identifier: Apache-2.0
// A disk that fills up: a SQLite VFS over the default one whose writes fail with SQLITE_FULL
// once a byte budget is spent, as a real full disk makes write(2) fail with ENOSPC. Installed
// as the default VFS for the lifetime of a FullDisk, so the store under test opens through it
// unchanged.
#pragma once

#include <cstdint>
#include <limits>

#include <sqlite3.h>

namespace tributary::testing {

class FullDisk
{
public:
    // `budget`: bytes that may still be written (to the database, its WAL and journals).
    explicit FullDisk(std::int64_t budget = std::numeric_limits<std::int64_t>::max())
    {
        s_budget = budget;
        s_written = 0;
        s_refused = 0;
        s_real = sqlite3_vfs_find(nullptr);
        m_vfs = *s_real;
        m_vfs.zName = "tributary-full-disk";
        m_vfs.szOsFile = int(sizeof(File)) + s_real->szOsFile;
        m_vfs.xOpen = &FullDisk::open;
        m_vfs.pNext = nullptr;
        sqlite3_vfs_register(&m_vfs, 1);
    }
    ~FullDisk()
    {
        sqlite3_vfs_unregister(&m_vfs);
        sqlite3_vfs_register(s_real, 1);
    }
    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    static std::int64_t written() { return s_written; }
    // Writes that failed for want of space.
    static std::int64_t refused() { return s_refused; }

private:
    struct File {
        sqlite3_file base;
        sqlite3_file *real; // the default VFS's file, stored right after this struct
    };

    static sqlite3_file *real(sqlite3_file *file) { return reinterpret_cast<File *>(file)->real; }

    static int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *out)
    {
        auto *wrapper = reinterpret_cast<File *>(file);
        wrapper->real = reinterpret_cast<sqlite3_file *>(wrapper + 1);
        wrapper->base.pMethods = nullptr;
        const int rc = s_real->xOpen(s_real, name, wrapper->real, flags, out);
        if (wrapper->real->pMethods) {
            s_methods = *wrapper->real->pMethods;
            s_methods.xWrite = &FullDisk::write;
            s_methods.xClose = &FullDisk::close;
            s_methods.xRead = [](sqlite3_file *f, void *data, int amount, sqlite3_int64 offset) {
                return real(f)->pMethods->xRead(real(f), data, amount, offset);
            };
            s_methods.xTruncate = [](sqlite3_file *f, sqlite3_int64 size) {
                return real(f)->pMethods->xTruncate(real(f), size);
            };
            s_methods.xSync = [](sqlite3_file *f, int flags_) {
                return real(f)->pMethods->xSync(real(f), flags_);
            };
            s_methods.xFileSize = [](sqlite3_file *f, sqlite3_int64 *size) {
                return real(f)->pMethods->xFileSize(real(f), size);
            };
            s_methods.xLock = [](sqlite3_file *f, int lock) {
                return real(f)->pMethods->xLock(real(f), lock);
            };
            s_methods.xUnlock = [](sqlite3_file *f, int lock) {
                return real(f)->pMethods->xUnlock(real(f), lock);
            };
            s_methods.xCheckReservedLock = [](sqlite3_file *f, int *reserved) {
                return real(f)->pMethods->xCheckReservedLock(real(f), reserved);
            };
            s_methods.xFileControl = [](sqlite3_file *f, int op, void *arg) {
                return real(f)->pMethods->xFileControl(real(f), op, arg);
            };
            s_methods.xSectorSize = [](sqlite3_file *f) {
                return real(f)->pMethods->xSectorSize(real(f));
            };
            s_methods.xDeviceCharacteristics = [](sqlite3_file *f) {
                return real(f)->pMethods->xDeviceCharacteristics(real(f));
            };
            s_methods.xShmMap = [](sqlite3_file *f, int region, int size, int extend,
                                    void volatile **memory) {
                return real(f)->pMethods->xShmMap(real(f), region, size, extend, memory);
            };
            s_methods.xShmLock = [](sqlite3_file *f, int offset, int n, int flags_) {
                return real(f)->pMethods->xShmLock(real(f), offset, n, flags_);
            };
            s_methods.xShmBarrier = [](sqlite3_file *f) {
                real(f)->pMethods->xShmBarrier(real(f));
            };
            s_methods.xShmUnmap = [](sqlite3_file *f, int deleteFlag) {
                return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
            };
            // Memory-mapped reads would bypass nothing we count, but keep them off so every
            // page goes through xRead as on a plain disk.
            s_methods.iVersion = 2;
            s_methods.xFetch = nullptr;
            s_methods.xUnfetch = nullptr;
            wrapper->base.pMethods = &s_methods;
        }
        return rc;
    }

    static int close(sqlite3_file *file)
    {
        return real(file)->pMethods->xClose(real(file));
    }

    static int write(sqlite3_file *file, const void *data, int amount, sqlite3_int64 offset)
    {
        if (amount > s_budget) {
            ++s_refused;
            return SQLITE_FULL;
        }
        s_budget -= amount;
        s_written += amount;
        return real(file)->pMethods->xWrite(real(file), data, amount, offset);
    }

    sqlite3_vfs m_vfs{};
    static inline sqlite3_vfs *s_real = nullptr;
    static inline sqlite3_io_methods s_methods{};
    static inline std::int64_t s_budget = 0;
    static inline std::int64_t s_written = 0;
    static inline std::int64_t s_refused = 0;
};

} // namespace tributary::testing
