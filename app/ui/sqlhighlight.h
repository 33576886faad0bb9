// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>
#include <vector>

#include <QString>

class QPalette;

namespace tributary::ui {

// One piece of SQL text as a highlighter sees it.
struct SqlToken {
    enum class Type { Plain, Keyword, Function, String, Identifier, Number, Comment };
    Type type = Type::Plain;
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Splits SQL into tokens covering every byte, in order. Forgiving: an unclosed string or
// comment runs to the end. Keywords are the common ANSI, BigQuery and Snowflake ones.
std::vector<SqlToken> tokenizeSql(std::string_view sql);

// The SQL as escaped HTML (for a <pre>), keywords, strings, numbers and comments coloured to
// read well on `palette`'s base colour, light or dark.
QString highlightedSql(std::string_view sql, const QPalette &palette);

} // namespace tributary::ui
