// SPDX-License-Identifier: Apache-2.0
// Reading a catalog folder: yaml-cpp parses each file on the calling thread, and the trees are
// read into resources on a builder thread, one file at a time. Keeping the long-lived catalog
// out of the arena where yaml-cpp allocates and frees its trees makes reading a 100k-resource
// catalog about twice as fast (docs/performance.md).
#include "tributary/format/catalogreader.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "resourceparser_p.h"
#include "tributary/base/sha256.h"

namespace tributary {
namespace {

using format::FileContext;

// One YAML document of a file after parsing: a tree, or why there is none.
struct ParsedDocument {
    std::size_t offset = 0; // in the file's text
    std::optional<format::TextProblem> problem;
    std::optional<std::pair<std::string, YAML::Mark>> yamlError;
    YAML::Node node;
};

// A file parsed into trees but not yet read into resources.
struct ParsedFile {
    std::string label;    // as diagnostics name it
    std::string relative; // to the catalog folder
    std::string text;
    std::string sha256;
    std::string readError;
    std::vector<ParsedDocument> documents;
};

// Documents are parsed one by one, so a broken one does not hide its neighbours.
void parseDocuments(ParsedFile &file)
{
    for (const format::DocumentText &document : format::splitDocuments(file.text)) {
        ParsedDocument parsed;
        parsed.offset = document.offset;
        parsed.problem = format::scanYamlText(document.text);
        if (!parsed.problem) {
            try {
                parsed.node = YAML::Load(std::string(document.text));
            } catch (const YAML::Exception &e) {
                parsed.yamlError = {e.msg, e.mark};
            }
        }
        file.documents.push_back(std::move(parsed));
    }
}

void readParsedFile(const ParsedFile &file, CatalogLoad &load)
{
    const format::LineIndex lines(file.text);
    FileContext context{file.label, load.diagnostics, file.text, &lines};
    for (const ParsedDocument &document : file.documents) {
        context.firstLine = lines.line(document.offset);
        context.firstColumn = lines.column(document.offset);
        if (document.problem) {
            context.diagnostics.push_back({Severity::Error,
                                           context.atOffset(document.offset + document.problem->offset),
                                           document.problem->message, document.problem->hint});
            load.unread.documents = true;
            continue;
        }
        if (document.yamlError) {
            const std::string &message = document.yamlError->first;
            std::string hint;
            if (message.find("end of map not found") != std::string::npos
                || message.find("end of sequence not found") != std::string::npos
                || message.find("illegal map value") != std::string::npos)
                hint = "check the indentation of this line and the lines above it";
            context.error(document.yamlError->second, "YAML syntax error: " + message, hint);
            load.unread.documents = true;
            continue;
        }
        try {
            format::readDocument(document.node, context, load);
        } catch (const YAML::Exception &e) {
            context.error(e.mark, "cannot read this document: " + e.msg);
            load.unread.documents = true;
        }
    }
}

// Runs work on one other thread, synchronously: the caller waits for each job. The point is
// not concurrency but memory: resources built on this thread are allocated in its own malloc
// arena, so the caller's arena sees only yaml-cpp's parse-and-free cycles.
class BuilderThread
{
public:
    BuilderThread()
        : m_thread([this] { loop(); })
    {
    }
    ~BuilderThread()
    {
        {
            std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    BuilderThread(const BuilderThread &) = delete;
    BuilderThread &operator=(const BuilderThread &) = delete;

    void run(const std::function<void()> &job)
    {
        std::unique_lock lock(m_mutex);
        m_job = &job;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_job == nullptr; });
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_job != nullptr || m_quit; });
            if (m_quit)
                return;
            (*m_job)();
            m_job = nullptr;
            m_changed.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    const std::function<void()> *m_job = nullptr;
    bool m_quit = false;
    std::thread m_thread;
};

ParsedFile parseFile(const std::filesystem::path &dir, const std::filesystem::path &relative)
{
    ParsedFile file;
    file.relative = relative.generic_string();
    file.label = (dir / relative).lexically_normal().generic_string();
    try {
        std::ifstream in(dir / relative, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        if (!in) {
            file.readError = "cannot read the file";
            return file;
        }
        file.text = std::move(buffer).str();
        file.sha256 = sha256Hex(file.text);
        parseDocuments(file);
    } catch (const std::exception &e) {
        file.readError = std::string("cannot read the file: ") + e.what();
        file.documents.clear();
    }
    return file;
}

std::vector<std::filesystem::path> catalogFiles(const std::filesystem::path &dir, std::error_code &ec)
{
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec)) {
        const fs::path relative = it->path().lexically_relative(dir);
        if (it->path().filename().string().starts_with('.')) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        const std::string extension = it->path().extension().string();
        if (!it->is_regular_file(ec) || (extension != ".yaml" && extension != ".yml"))
            continue;
        // The propagation policy sits beside the catalog's files but is not one of them.
        if (relative == "policy.yaml" || relative == "policy.yml")
            continue;
        files.push_back(relative);
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

void readCatalogText(std::string_view text, const std::string &file, CatalogLoad &load)
{
    ParsedFile parsed;
    parsed.label = file;
    parsed.text = std::string(text);
    parseDocuments(parsed);
    readParsedFile(parsed, load);
}

CatalogLoad readCatalogFolder(const std::filesystem::path &dir, const ReadProgress &progress)
{
    namespace fs = std::filesystem;
    CatalogLoad load;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        load.diagnostics.push_back({Severity::Error, {dir.generic_string(), 0, 0},
                                    fs::exists(dir, ec) ? "not a folder" : "no such folder", {}});
        return load;
    }
    const std::vector<fs::path> files = catalogFiles(dir, ec);
    if (ec) {
        load.diagnostics.push_back({Severity::Error, {dir.generic_string(), 0, 0},
                                    "cannot list the folder: " + ec.message(), {}});
    }
    if (files.empty() && !ec) {
        // An import of nothing would mark every resource removed: refuse it instead.
        load.diagnostics.push_back({Severity::Error, {dir.generic_string(), 0, 0},
                                    "no catalog files (*.yaml, *.yml) in this folder",
                                    "check the path; a catalog is a folder of YAML files"});
        load.unread.documents = true;
        return load;
    }

    BuilderThread builder;
    for (std::size_t i = 0; i < files.size(); ++i) {
        // Parsed and freed here, one file at a time: keeping trees alive across files makes
        // glibc's allocator, and so yaml-cpp, up to twice as slow.
        ParsedFile file = parseFile(dir, files[i]);
        if (!file.readError.empty()) {
            load.diagnostics.push_back({Severity::Error, {file.label, 0, 0}, file.readError, {}});
        } else {
            load.catalog.files.push_back({file.relative, file.label, file.sha256, file.text.size()});
            builder.run([&] { readParsedFile(file, load); });
        }
        if (progress && !progress(i + 1, files.size()))
            break;
    }
    return load;
}

CatalogLoad loadCatalog(const std::filesystem::path &dir, const ReadProgress &progress,
                        const std::vector<Resource> &known)
{
    CatalogLoad load = readCatalogFolder(dir, progress);
    validateCatalog(load, known);
    sortDiagnostics(load.diagnostics);
    return load;
}

} // namespace tributary
