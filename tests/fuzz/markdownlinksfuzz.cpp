// SPDX-License-Identifier: Apache-2.0
// [[kind:name@version]] links in a description: each lies inside the text, in order, without
// overlap, and holds exactly the text between its brackets; each has a ref or an error.
#include <cstddef>
#include <cstdint>

#include "fuzzcheck.h"
#include "tributary/format/markdownlinks.h"

using namespace tributary;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text = fuzz::bytes(data, size);
    std::size_t previousEnd = 0;
    for (const MarkdownLink &link : findMarkdownLinks(text)) {
        const std::string place = "link at " + std::to_string(link.offset) + "+"
                                  + std::to_string(link.length) + " of " + std::to_string(size);
        FUZZ_CHECK(link.offset >= previousEnd, place);
        FUZZ_CHECK(link.length >= 4 && link.offset + link.length <= size, place);
        const std::string_view whole = text.substr(link.offset, link.length);
        FUZZ_CHECK(whole.starts_with("[[") && whole.ends_with("]]"), place);
        FUZZ_CHECK(link.text == whole.substr(2, whole.size() - 4), place);
        FUZZ_CHECK(link.ref.has_value() != !link.error.empty(), place + ": " + link.error);
        if (link.ref)
            FUZZ_CHECK(!link.ref->name.empty(), place);
        previousEnd = link.offset + link.length;
    }
    return 0;
}
