// SPDX-License-Identifier: Apache-2.0
// main() for a fuzz target built without libFuzzer (g++, the dev and asan builds): runs
// LLVMFuzzerTestOneInput once on each file named, and on each file inside each folder named,
// so ctest replays the seeds and every kept reproducer on every build.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

int runFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return 1;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                  std::istreambuf_iterator<char>()};
    std::fprintf(stderr, "running %s (%zu bytes)\n", path.c_str(), bytes.size());
    // A copy in its own allocation, exactly the size of the input, so that ASan sees any read
    // past the end, as under libFuzzer.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    namespace fs = std::filesystem;
    int failures = 0;
    std::size_t files = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        std::error_code error;
        if (fs::is_directory(arg, error)) {
            std::vector<fs::path> inside;
            for (const auto &entry : fs::recursive_directory_iterator(arg, error)) {
                // Hidden files (.gitkeep) keep empty folders in git; they are no inputs.
                if (entry.is_regular_file() && !entry.path().filename().string().starts_with('.'))
                    inside.push_back(entry.path());
            }
            std::sort(inside.begin(), inside.end());
            for (const fs::path &path : inside) {
                failures += runFile(path);
                ++files;
            }
        } else if (fs::exists(arg, error)) {
            failures += runFile(arg);
            ++files;
        } else {
            std::fprintf(stderr, "no such file or folder: %s\n", argv[i]);
            ++failures;
        }
    }
    std::fprintf(stderr, "%zu inputs run, %d unreadable\n", files, failures);
    return failures == 0 ? 0 : 1;
}
