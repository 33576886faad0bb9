// SPDX-License-Identifier: Apache-2.0
#include "sqlhighlight.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include <QPalette>

namespace tributary::ui {
namespace {

// Sorted, upper case, for binary search.
using namespace std::string_view_literals;
constexpr std::array kKeywords = {
    "ALL"sv,
    "AND"sv,
    "ANY"sv,
    "AS"sv,
    "ASC"sv,
    "BETWEEN"sv,
    "BY"sv,
    "CASE"sv,
    "CAST"sv,
    "COALESCE"sv,
    "CREATE"sv,
    "CROSS"sv,
    "CURRENT"sv,
    "DATE"sv,
    "DAY"sv,
    "DELETE"sv,
    "DESC"sv,
    "DISTINCT"sv,
    "ELSE"sv,
    "END"sv,
    "EXCEPT"sv,
    "EXISTS"sv,
    "FALSE"sv,
    "FILTER"sv,
    "FOLLOWING"sv,
    "FROM"sv,
    "FULL"sv,
    "GROUP"sv,
    "HAVING"sv,
    "IF"sv,
    "ILIKE"sv,
    "IN"sv,
    "INNER"sv,
    "INSERT"sv,
    "INTERSECT"sv,
    "INTERVAL"sv,
    "INTO"sv,
    "IS"sv,
    "JOIN"sv,
    "LATERAL"sv,
    "LEFT"sv,
    "LIKE"sv,
    "LIMIT"sv,
    "MERGE"sv,
    "NATURAL"sv,
    "NOT"sv,
    "NULL"sv,
    "NULLS"sv,
    "OFFSET"sv,
    "ON"sv,
    "OR"sv,
    "ORDER"sv,
    "OUTER"sv,
    "OVER"sv,
    "PARTITION"sv,
    "PRECEDING"sv,
    "QUALIFY"sv,
    "RANGE"sv,
    "RIGHT"sv,
    "ROW"sv,
    "ROWS"sv,
    "SELECT"sv,
    "SET"sv,
    "TABLE"sv,
    "THEN"sv,
    "TIMESTAMP"sv,
    "TRUE"sv,
    "UNBOUNDED"sv,
    "UNION"sv,
    "UNNEST"sv,
    "UPDATE"sv,
    "USING"sv,
    "VALUES"sv,
    "VIEW"sv,
    "WHEN"sv,
    "WHERE"sv,
    "WINDOW"sv,
    "WITH"sv,
};
static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));

bool isKeyword(std::string_view word)
{
    std::string upper(word);
    std::transform(upper.begin(), upper.end(), upper.begin(),
        [](unsigned char c) { return char(std::toupper(c)); });
    return std::binary_search(kKeywords.begin(), kKeywords.end(), std::string_view(upper));
}

bool isWordStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}
bool isWordChar(char c)
{
    return isWordStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

// The end of a quoted run starting at `at` (the opening quote), doubled quotes escaping.
std::size_t quotedEnd(std::string_view sql, std::size_t at, char quote)
{
    std::size_t i = at + 1;
    while (i < sql.size()) {
        if (sql[i] == '\\' && quote == '\'' && i + 1 < sql.size()) {
            i += 2;
            continue;
        }
        if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

} // namespace

std::vector<SqlToken> tokenizeSql(std::string_view sql)
{
    using Type = SqlToken::Type;
    std::vector<SqlToken> tokens;
    const auto push = [&](Type type, std::size_t from, std::size_t to) {
        if (!tokens.empty() && tokens.back().type == type && type == Type::Plain)
            tokens.back().length += to - from;
        else
            tokens.push_back({type, from, to - from});
    };
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        std::size_t end = i + 1;
        Type type = Type::Plain;
        if (c == '-' && next == '-') {
            end = sql.find('\n', i);
            end = end == std::string_view::npos ? sql.size() : end;
            type = Type::Comment;
        } else if (c == '/' && next == '*') {
            end = sql.find("*/", i + 2);
            end = end == std::string_view::npos ? sql.size() : end + 2;
            type = Type::Comment;
        } else if (c == '\'') {
            end = quotedEnd(sql, i, c);
            type = Type::String;
        } else if (c == '"' || c == '`') {
            end = quotedEnd(sql, i, c);
            type = Type::Identifier;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (end < sql.size()
                && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '.'))
                ++end;
            type = Type::Number;
        } else if (isWordStart(c)) {
            while (end < sql.size() && isWordChar(sql[end]))
                ++end;
            std::size_t after = end;
            while (after < sql.size() && (sql[after] == ' ' || sql[after] == '\t'))
                ++after;
            const std::string_view word = sql.substr(i, end - i);
            if (isKeyword(word))
                type = Type::Keyword;
            else if (after < sql.size() && sql[after] == '(')
                type = Type::Function;
        }
        push(type, i, end);
        i = end;
    }
    return tokens;
}

QString highlightedSql(std::string_view sql, const QPalette &palette)
{
    using Type = SqlToken::Type;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto style = [dark](Type type) -> QString {
        switch (type) {
        case Type::Keyword:
            return dark ? QStringLiteral("color:#82aaff;font-weight:bold")
                        : QStringLiteral("color:#0033b3;font-weight:bold");
        case Type::Function:
            return dark ? QStringLiteral("color:#c792ea") : QStringLiteral("color:#7a1fa2");
        case Type::String:
            return dark ? QStringLiteral("color:#c3e88d") : QStringLiteral("color:#067d17");
        case Type::Identifier:
            return dark ? QStringLiteral("color:#ffcb6b") : QStringLiteral("color:#8a5a00");
        case Type::Number:
            return dark ? QStringLiteral("color:#f78c6c") : QStringLiteral("color:#1750eb");
        case Type::Comment:
            return dark ? QStringLiteral("color:#8a94a6;font-style:italic")
                        : QStringLiteral("color:#6a737d;font-style:italic");
        case Type::Plain: break;
        }
        return {};
    };
    QString html;
    for (const SqlToken &token : tokenizeSql(sql)) {
        const QString text
            = QString::fromUtf8(sql.data() + token.offset, qsizetype(token.length)).toHtmlEscaped();
        if (token.type == Type::Plain)
            html += text;
        else
            html += QStringLiteral("<span style=\"%1\">%2</span>").arg(style(token.type), text);
    }
    return html;
}

} // namespace tributary::ui
