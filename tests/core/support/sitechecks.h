// SPDX-License-Identifier: Apache-2.0
// Test helpers for the docs site: every file of a site, the URLs its pages use, and the problems
// a browser opening it from disk would meet (a link to nothing, an anchor nowhere, a remote URL).
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace tributary::testing {

inline std::string fileText(const std::filesystem::path &file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

// The files of a site (relative path -> text), hidden files included.
inline std::map<std::string, std::string> siteFiles(const std::filesystem::path &root)
{
    std::map<std::string, std::string> files;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file())
            files[std::filesystem::relative(entry.path(), root).generic_string()]
                = fileText(entry.path());
    }
    return files;
}

// Every value of an attribute that names a URL, as written (entities left as they are).
inline std::vector<std::string> urlAttributes(const std::string &html)
{
    static const std::regex attribute(
        R"re(\s(href|src|action|xlink:href|srcset|poster|formaction|data)\s*=\s*"([^"]*)")re",
        std::regex::icase);
    std::vector<std::string> urls;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute);
         it != std::sregex_iterator(); ++it)
        urls.push_back((*it)[2]);
    return urls;
}

inline std::set<std::string> elementIds(const std::string &html)
{
    static const std::regex id(R"re(\sid="([^"]*)")re");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
         ++it)
        ids.insert((*it)[1]);
    return ids;
}

// What is wrong with the links of the site's pages: each a line naming the page and the URL.
// Internal URLs must name an existing file (and an existing id for #anchors); nothing may be
// absolute or remote (http:, https:, //, file:, a leading /) or a script (javascript:, data:).
inline std::vector<std::string> linkProblems(const std::filesystem::path &root)
{
    const auto files = siteFiles(root);
    std::map<std::string, std::set<std::string>> ids;
    for (const auto &[path, text] : files) {
        if (path.ends_with(".html"))
            ids[path] = elementIds(text);
    }
    std::vector<std::string> problems;
    for (const auto &[path, text] : files) {
        if (!path.ends_with(".html"))
            continue;
        for (std::string url : urlAttributes(text)) {
            const std::string written = url;
            for (std::size_t at; (at = url.find("&amp;")) != std::string::npos;)
                url.replace(at, 5, "&");
            const std::string lower = [&] {
                std::string l = url;
                for (char &c : l)
                    c = char(std::tolower(static_cast<unsigned char>(c)));
                return l;
            }();
            if (lower.find(':') != std::string::npos || lower.starts_with("//")
                || lower.starts_with("/")) {
                problems.push_back(path + ": absolute or remote URL " + written);
                continue;
            }
            std::string target = url.substr(0, url.find_first_of("?#"));
            const std::size_t hash = url.find('#');
            const std::string anchor = hash == std::string::npos ? "" : url.substr(hash + 1);
            std::string resolved = path;
            if (!target.empty())
                resolved = (std::filesystem::path(path).parent_path() / target)
                               .lexically_normal()
                               .generic_string();
            if (!files.count(resolved)) {
                problems.push_back(path + ": no file for " + written);
                continue;
            }
            if (!anchor.empty() && !ids[resolved].count(anchor))
                problems.push_back(path + ": no id '" + anchor + "' in " + resolved);
        }
    }
    return problems;
}

} // namespace tributary::testing
