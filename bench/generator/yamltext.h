// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tributary::bench {

// A growing buffer of YAML text with the few quoting and layout helpers the generator needs.
// Plain appends are the caller's promise that the text is a safe plain scalar.
class YamlText
{
public:
    YamlText &operator<<(std::string_view text)
    {
        m_text += text;
        return *this;
    }
    YamlText &operator<<(char c)
    {
        m_text += c;
        return *this;
    }
    YamlText &operator<<(std::uint64_t value)
    {
        m_text += std::to_string(value);
        return *this;
    }
    YamlText &operator<<(int value)
    {
        m_text += std::to_string(value);
        return *this;
    }

    // A double-quoted scalar.
    YamlText &quoted(std::string_view text)
    {
        m_text += '"';
        for (char c : text) {
            if (c == '"' || c == '\\')
                m_text += '\\';
            m_text += c;
        }
        m_text += '"';
        return *this;
    }

    // `scaled` / 10^decimals in fixed notation, from integers only (no locale, no libm), so that
    // the text is the same everywhere.
    YamlText &fixed(std::int64_t scaled, int decimals)
    {
        if (scaled < 0) {
            m_text += '-';
            scaled = -scaled;
        }
        std::int64_t unit = 1;
        for (int i = 0; i < decimals; ++i)
            unit *= 10;
        m_text += std::to_string(scaled / unit);
        m_text += '.';
        m_text += std::to_string(scaled % unit + unit).substr(1);
        return *this;
    }

    // `key: "text"` for one line, else a literal block `key: |` with the lines indented.
    YamlText &block(int indent, std::string_view key, std::string_view text)
    {
        m_text.append(static_cast<std::size_t>(indent), ' ');
        m_text += key;
        if (text.find('\n') == std::string_view::npos) {
            m_text += ": ";
            quoted(text);
            m_text += '\n';
            return *this;
        }
        m_text += ": |\n";
        const std::string margin(static_cast<std::size_t>(indent) + 2, ' ');
        m_text += margin;
        for (char c : text) {
            m_text += c;
            if (c == '\n')
                m_text += margin;
        }
        m_text += '\n';
        return *this;
    }

    const std::string &str() const { return m_text; }
    bool empty() const { return m_text.empty(); }
    void clear() { m_text.clear(); }

private:
    std::string m_text;
};

} // namespace tributary::bench
