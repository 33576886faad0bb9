// SPDX-License-Identifier: Apache-2.0
// The real `tributary` program against one SQLite catalog: an import killed (SIGKILL, no
// chance to clean up) at spread-out points never corrupts the store, which afterwards stands
// either where it was or where the import would have taken it; and two importers and a reader
// at once all succeed, leaving the catalog consistent.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "../core/support/catalogstate.h"
#include "../core/support/tempcatalog.h"
#include "tributary/store/catalogstore.h"

extern char **environ;

namespace tributary {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::CatalogState;
using testing::readBytes;
using testing::stateOf;

// A child process running `program args...`, its output sent to `log`.
class Child
{
public:
    Child(const std::string &program, std::vector<std::string> args, const fs::path &log)
    {
        args.insert(args.begin(), program);
        std::vector<char *> argv;
        for (std::string &arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        const int rc = posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        EXPECT_EQ(rc, 0) << "cannot start " << program;
    }
    ~Child()
    {
        if (m_pid > 0 && !m_reaped) {
            kill(m_pid, SIGKILL);
            wait();
        }
    }

    void kill9() { kill(m_pid, SIGKILL); }
    // The exit status, or -signal when killed.
    int wait()
    {
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_reaped = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

private:
    pid_t m_pid = -1;
    bool m_reaped = false;
};

int run(const std::string &program, const std::vector<std::string> &args, const fs::path &log)
{
    Child child(program, args, log);
    return child.wait();
}

// Two catalogs to swap between: a generated one of `resources` resources, and the small sample.
// Importing either over the other writes thousands of rows (new versions one way, removals the
// other), so a kill lands in the writing as often as in the reading.
class ProcessFaults : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_generated = m_dir.path() / "generated";
        ASSERT_EQ(run(TRIBUTARY_GEN_PATH,
                      {"--output", m_generated.string(), "--resources", "1500", "--seed", "3"},
                      m_dir.path() / "gen.log"),
                  0)
            << readBytes(m_dir.path() / "gen.log");
        m_sample = fs::path(TRIBUTARY_SOURCE_DIR) / "resources/samples/acme";
        m_catalog = m_dir.path() / "catalog.sqlite";
    }

    // Runs `tributary import folder` to the end; returns how long it took.
    Clock::duration importWhole(const fs::path &folder)
    {
        const auto started = Clock::now();
        const fs::path log = m_dir.path() / "import.log";
        EXPECT_EQ(run(TRIBUTARY_CLI_PATH, importArgs(folder), log), 0) << readBytes(log);
        return Clock::now() - started;
    }

    std::vector<std::string> importArgs(const fs::path &folder) const
    {
        return {"import", folder.string(), "--catalog", m_catalog.string()};
    }

    testing::TempDir m_dir;
    fs::path m_generated, m_sample, m_catalog;
};

TEST_F(ProcessFaults, AnImportKilledAnywhereLeavesTheCatalogBeforeOrAfterIt)
{
    // The fingerprints of both states, and how long each way takes here and now (the kills
    // are spread over that, whatever the machine's speed).
    importWhole(m_sample);
    const std::string sample = stateOf(m_catalog).fingerprint;
    const auto toGenerated = importWhole(m_generated);
    const std::string generated = stateOf(m_catalog).fingerprint;
    const auto toSample = importWhole(m_sample);
    ASSERT_EQ(stateOf(m_catalog).fingerprint, sample);
    ASSERT_NE(sample, generated);

    std::mt19937 random(11);
    std::size_t imports = 3;
    bool atSample = true;
    int before = 0, after = 0;
    for (int attempt = 0; attempt < 24; ++attempt) {
        const fs::path &target = atSample ? m_generated : m_sample;
        const auto whole = atSample ? toGenerated : toSample;
        const auto delay = std::chrono::duration_cast<std::chrono::microseconds>(whole) * 11 / 10
                           * std::uniform_int_distribution<int>(0, 1000)(random) / 1000;
        {
            Child import(TRIBUTARY_CLI_PATH, importArgs(target), m_dir.path() / "killed.log");
            std::this_thread::sleep_for(delay);
            import.kill9();
            import.wait();
        }
        const CatalogState state = stateOf(m_catalog);
        const std::string &from = atSample ? sample : generated, &to = atSample ? generated : sample;
        if (state.fingerprint == to && state.imports == imports + 1) {
            ++after;
            ++imports;
            atSample = !atSample;
        } else {
            ++before;
            EXPECT_EQ(state.fingerprint, from) << "attempt " << attempt << ", killed after "
                                               << delay.count() << " us: neither before nor after";
            EXPECT_EQ(state.imports, imports) << "attempt " << attempt;
        }
    }
    std::cout << "killed imports: " << before << " left the catalog before, " << after
              << " after (import times " << std::chrono::duration<double>(toGenerated).count()
              << " s and " << std::chrono::duration<double>(toSample).count() << " s)\n";
    // And an import run to the end afterwards still works.
    importWhole(atSample ? m_generated : m_sample);
    EXPECT_EQ(stateOf(m_catalog).fingerprint, atSample ? generated : sample);
}

TEST_F(ProcessFaults, TwoImportersAndAReaderAtOnceAllSucceed)
{
    importWhole(m_sample);
    const std::string sample = stateOf(m_catalog).fingerprint;
    const fs::path copy = m_dir.path() / "generated-only.sqlite";
    {
        const fs::path log = m_dir.path() / "copy.log";
        ASSERT_EQ(run(TRIBUTARY_CLI_PATH,
                      {"import", m_generated.string(), "--catalog", copy.string()}, log),
                  0)
            << readBytes(log);
    }
    const std::string generated = stateOf(copy).fingerprint;

    for (int round = 0; round < 3; ++round) {
        const std::size_t importsBefore = stateOf(m_catalog).imports;
        const bool wasSample = stateOf(m_catalog).fingerprint == sample;
        // The generated catalog and the sample, imported at the same moment; a reader lists
        // the catalog over and over meanwhile.
        Child first(TRIBUTARY_CLI_PATH, importArgs(m_generated), m_dir.path() / "first.log");
        Child second(TRIBUTARY_CLI_PATH, importArgs(m_sample), m_dir.path() / "second.log");
        int readerFailures = 0, reads = 0;
        const auto until = Clock::now() + std::chrono::milliseconds(500);
        while (Clock::now() < until) {
            const fs::path log = m_dir.path() / "reader.log";
            if (run(TRIBUTARY_CLI_PATH, {"imports", "--catalog", m_catalog.string()}, log) != 0) {
                ++readerFailures;
                ADD_FAILURE() << "a reader failed during the imports: " << readBytes(log);
            }
            ++reads;
        }
        EXPECT_EQ(first.wait(), 0) << readBytes(m_dir.path() / "first.log");
        EXPECT_EQ(second.wait(), 0) << readBytes(m_dir.path() / "second.log");
        EXPECT_EQ(readerFailures, 0) << "of " << reads;

        // Each import ran alone, one after the other: the catalog stands where the later one
        // left it, and every import is recorded once (the sample's only when it changed
        // something, i.e. when it ran after the generated one or the catalog was not at it).
        auto store = openCatalogStore(m_catalog.string(), OpenMode::ReadOnly);
        ASSERT_TRUE(store) << store.error().toString();
        auto records = (*store)->imports();
        ASSERT_TRUE(records);
        ASSERT_GT(records->size(), importsBefore);
        EXPECT_LE(records->size(), importsBefore + 2);
        const std::string last = records->back().sourcePath;
        const std::string fingerprint = *(*store)->fingerprint(AsOf::latest());
        const bool generatedLast = fs::weakly_canonical(last) == fs::weakly_canonical(m_generated);
        EXPECT_EQ(fingerprint, generatedLast ? generated : sample) << "round " << round;
        if (wasSample && records->size() == importsBefore + 1) {
            EXPECT_EQ(fingerprint, generated) << "only the generated import changed anything";
        }
        // Every import's fingerprint is one of the two catalogs': no mixture was ever recorded.
        for (std::size_t i = importsBefore; i < records->size(); ++i) {
            const std::string &f = (*records)[i].fingerprint;
            EXPECT_TRUE(f == sample || f == generated) << "import " << (*records)[i].id.value;
        }
    }
}

} // namespace
} // namespace tributary
