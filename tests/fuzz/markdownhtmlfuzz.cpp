// SPDX-License-Identifier: Apache-2.0
// Descriptions rendered to HTML, as the docs site and reports do: whatever the text, no raw
// HTML, images or script URLs come out, and tags stay balanced where they are checked cheaply.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/docs/markdownhtml.h"

using namespace tributary;

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::size_t count(std::string_view text, std::string_view what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos;
         at = text.find(what, at + what.size()))
        ++n;
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    // Half the refs resolve, so both the link and the "unresolved" span are rendered.
    const RefLink linkFor = [](const Ref &ref) {
        return ref.name.size() % 2 == 0 ? "assets/" + ref.name + ".html" : std::string();
    };
    const std::string html = lowered(markdownToHtml(text, linkFor));
    for (const char *banned : {"<script", "<img", "<iframe", "<style", "<object", "<embed",
                               "href=\"javascript:", "href=\"data:"})
        FUZZ_CHECK(html.find(banned) == std::string::npos, std::string(banned) + " in " + html);
    FUZZ_CHECK(count(html, "<a ") == count(html, "</a>"), html);
    FUZZ_CHECK(count(html, "<table>") == count(html, "</table>"), html);
    return 0;
}
