// SPDX-License-Identifier: Apache-2.0
// Core stays free of Qt (STYLE.md rule 2): no file under core/ or include/ includes <Q...>.
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>

namespace {

TEST(CoreHygiene, NoQtHeadersInCore)
{
    namespace fs = std::filesystem;
    const std::regex qtInclude(R"(^\s*#\s*include\s*<Q)");
    std::size_t checked = 0;
    for (const char *area : {"core", "include"}) {
        for (const auto &entry : fs::recursive_directory_iterator(fs::path(TRIBUTARY_SOURCE_DIR) / area)) {
            if (!entry.is_regular_file())
                continue;
            std::ifstream in(entry.path());
            std::string line;
            for (int number = 1; std::getline(in, line); ++number)
                EXPECT_FALSE(std::regex_search(line, qtInclude)) << entry.path() << ":" << number << ": " << line;
            ++checked;
        }
    }
    EXPECT_GT(checked, 20u);
}

} // namespace
