// SPDX-License-Identifier: Apache-2.0
// Finding OpenLineage events in files: one JSON value, a JSON array of them, or NDJSON.
#include <algorithm>
#include <filesystem>

#include "openlineage_p.h"
#include "tributary/base/sha256.h"

namespace tributary {
namespace import_detail {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::size_t firstNonSpace(std::string_view text, std::size_t from = 0)
{
    while (from < text.size() && isSpace(text[from]))
        ++from;
    return from;
}

// Where each element of the top-level array of (valid) `text` starts, in one pass.
std::vector<SourceLocation> arrayElementStarts(const std::string &label, std::string_view text)
{
    std::vector<SourceLocation> starts;
    int line = 1;
    std::size_t lineStart = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectElement = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (isSpace(c))
            continue;
        if (depth == 1 && expectElement && c != ']') {
            starts.push_back({FileName(label), line, int(i - lineStart) + 1});
            expectElement = false;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth == 1)
                expectElement = true;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectElement = true;
        }
    }
    return starts;
}

// NDJSON: every non-blank line one event. Errors name the line of the file.
Result<void> splitLines(const ReadFile &file, const OpenLineageSink &sink)
{
    const std::string_view text = file.text;
    int line = 0;
    for (std::size_t start = 0; start < text.size();) {
        ++line;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view content = text.substr(start, end - start);
        const std::size_t first = firstNonSpace(content);
        if (first < content.size()) {
            auto value = parseJson(file.file.label, content);
            if (!value) {
                // parseJson counted within the line: move its place to the file's line.
                Error error = value.error();
                const auto colon = error.where.rfind(':');
                const std::string column
                    = colon == std::string::npos ? "1" : error.where.substr(colon + 1);
                error.where = file.file.label + ":" + std::to_string(line) + ":" + column;
                error.message += " (NDJSON: one event per line)";
                return tl::unexpected<Error>(std::move(error));
            }
            if (auto taken
                = sink({std::move(*value), {FileName(file.file.label), line, int(first) + 1}});
                !taken)
                return taken;
        }
        start = end + 1;
    }
    return {};
}

bool isEventFile(const std::filesystem::path &path)
{
    const std::string ext = path.extension().string();
    return ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

Result<std::vector<std::string>> expandPaths(const std::vector<std::string> &paths)
{
    std::vector<std::string> files;
    for (const std::string &path : paths) {
        std::error_code error;
        if (!std::filesystem::is_directory(path, error)) {
            files.push_back(path);
            continue;
        }
        std::vector<std::string> inFolder;
        for (const auto &entry : std::filesystem::directory_iterator(path, error)) {
            if (entry.is_regular_file() && isEventFile(entry.path()))
                inFolder.push_back(entry.path().string());
        }
        if (error)
            return fail(ErrorCode::Io, "cannot list the folder: " + error.message(), path);
        std::sort(inFolder.begin(), inFolder.end());
        files.insert(files.end(), inFolder.begin(), inFolder.end());
    }
    return files;
}

} // namespace

Result<void> splitOpenLineageEvents(const ReadFile &file, const OpenLineageSink &sink)
{
    const std::string &label = file.file.label;
    const std::string_view text = file.text;
    const std::size_t first = firstNonSpace(text);
    if (first == text.size())
        return fail(
            ErrorCode::Invalid, "the file is empty: expected OpenLineage events", label + ":1:1");
    auto whole = parseJson(label, text);
    if (!whole) {
        // More than one value: NDJSON, when its first line is a whole value.
        const std::size_t eol = text.find('\n', first);
        if (text[first] == '{' && eol != std::string_view::npos
            && firstNonSpace(text, eol) < text.size()
            && nlohmann::json::accept(text.substr(first, eol - first)))
            return splitLines(file, sink);
        return tl::unexpected<Error>(whole.error());
    }
    if (whole->is_array()) {
        const std::vector<SourceLocation> starts = arrayElementStarts(label, text);
        for (std::size_t i = 0; i < whole->size(); ++i) {
            SourceLocation where
                = i < starts.size() ? starts[i] : SourceLocation{FileName(label), 0, 0};
            if (auto taken = sink({std::move((*whole)[i]), std::move(where)}); !taken)
                return taken;
        }
        return {};
    }
    return sink({std::move(*whole), locationAt(label, text, first)});
}

} // namespace import_detail

namespace {

// The reading both entry points share: every file's events merged in order. An NDJSON file's
// events are merged as they are split, so its events are never all held at once.
template <typename NextFile>
Result<OpenLineageImport> mergeFiles(std::size_t count, const NextFile &next)
{
    using namespace import_detail;
    OpenLineageImport out;
    OpenLineageMerger merger;
    for (std::size_t i = 0; i < count; ++i) {
        Result<ReadFile> file = next(i);
        if (!file)
            return tl::unexpected<Error>(file.error());
        const auto merge = [&](const OpenLineageEvent &event) {
            ++out.events;
            return merger.add(event);
        };
        if (auto split = splitOpenLineageEvents(*file, merge); !split)
            return tl::unexpected<Error>(split.error());
        out.catalog.files.push_back(std::move(file->file));
    }
    merger.finish(out);
    return out;
}

} // namespace

Result<OpenLineageImport> readOpenLineage(const std::vector<std::string> &paths)
{
    using namespace import_detail;
    auto files = expandPaths(paths);
    if (!files)
        return tl::unexpected<Error>(files.error());
    if (files->empty())
        return fail(ErrorCode::NotFound, "no *.json, *.jsonl or *.ndjson files to read",
            paths.empty() ? std::string() : paths.front());
    return mergeFiles(files->size(), [&](std::size_t i) { return readFile((*files)[i]); });
}

Result<OpenLineageImport> readOpenLineageTexts(const std::vector<OpenLineageText> &texts)
{
    using namespace import_detail;
    return mergeFiles(texts.size(), [&](std::size_t i) -> Result<ReadFile> {
        ReadFile file;
        file.text = texts[i].text;
        file.file.path = texts[i].label;
        file.file.label = texts[i].label;
        file.file.sha256 = sha256Hex(file.text);
        file.file.bytes = file.text.size();
        return file;
    });
}

} // namespace tributary
