// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "tributary/model/ref.h"

namespace tributary {

// The href of the page documenting a linked asset; "" when it has none (not exported, absent).
using RefLink = std::function<std::string(const Ref &)>;

// & < > " ' escaped, for HTML text and quoted attribute values alike (the report writer's:
// defined in core/report/htmlreport.cpp, also declared in tributary/report/reportwriter.h).
std::string escapeHtml(std::string_view text);

// A description (CommonMark, rendered with libcmark) as an HTML fragment. Safe whatever the
// text holds: raw HTML is dropped, images become links (nothing is ever loaded), link schemes
// other than http, https and mailto are removed (the text stays), all text escaped. Headings
// move down two levels (# is <h3>) to sit under a page's own; GitHub-style pipe tables become
// <table>s. [[kind:name@version]] links become
// <a href="linkFor(ref)"> when linkFor gives one, else <span class="unresolved">text</span>.
// Thread-safe.
std::string markdownToHtml(std::string_view markdown, const RefLink &linkFor);

} // namespace tributary
