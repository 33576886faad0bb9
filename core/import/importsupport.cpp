// SPDX-License-Identifier: Apache-2.0
#include "importsupport_p.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tributary/base/sha256.h"

namespace tributary::import_detail {

Result<ReadFile> readFile(const std::string &path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return fail(ErrorCode::NotFound, "no such file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Io, "cannot read the file", path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof())
        return fail(ErrorCode::Io, "cannot read the file", path);
    ReadFile read;
    read.text = std::move(bytes).str();
    read.file.path = path;
    read.file.label = path;
    read.file.sha256 = sha256Hex(read.text);
    read.file.bytes = read.text.size();
    return read;
}

SourceLocation locationAt(const std::string &label, std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {FileName(label), line, int(offset - lineStart) + 1};
}

namespace {

// Finds where nlohmann stops: a SAX reader that takes every value and keeps the place of the
// error. Needed for errors thrown as out_of_range, which carry no place.
struct ErrorPlace {
    using json = nlohmann::json;
    std::size_t byte = 0;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return true; }
    bool number_unsigned(json::number_unsigned_t) { return true; }
    bool number_float(json::number_float_t, const json::string_t &) { return true; }
    bool string(json::string_t &) { return true; }
    bool binary(json::binary_t &) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(json::string_t &) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &)
    {
        byte = position;
        return false;
    }
};

} // namespace

Result<nlohmann::json> parseJson(const std::string &label, std::string_view text)
{
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::out_of_range &e) {
        // A number beyond double ("1e400") is out_of_range, not parse_error: it escaped the
        // importers as an exception (found by fuzzing). Report it like a syntax error.
        ErrorPlace place;
        nlohmann::json::sax_parse(text.begin(), text.end(), &place);
        const std::size_t at = place.byte > 0 ? place.byte - 1 : 0;
        std::string message = e.what();
        if (const auto bracket = message.find("] "); bracket != std::string::npos)
            message = message.substr(bracket + 2);
        return fail(ErrorCode::Invalid, "not valid JSON: " + message, locationAt(label, text, at).toString());
    } catch (const nlohmann::json::parse_error &e) {
        // nlohmann counts the byte after the error; its message says what it expected.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string message = e.what();
        if (const auto colon = message.rfind(": "); colon != std::string::npos)
            message = message.substr(colon + 2);
        return fail(ErrorCode::Invalid, "not valid JSON: " + message, locationAt(label, text, at).toString());
    }
}

std::string catalogName(std::string_view text)
{
    std::string name;
    bool replaced = false;
    for (const char c : text) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
        if (ok) {
            name += c;
            replaced = false;
        } else if (!replaced) {
            name += '_';
            replaced = true;
        }
    }
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name.front())) || name.front() == '_'))
        name.insert(name.begin(), '_');
    return name;
}

std::string contentVersion(std::string_view prefix, std::string_view content)
{
    return std::string(prefix) + sha256Hex(content).substr(0, 10);
}

} // namespace tributary::import_detail
