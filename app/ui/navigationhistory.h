// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include "tributary/model/ref.h"

namespace tributary::ui {

// Browser-like history of visited assets: visiting drops the forward part.
class NavigationHistory
{
public:
    void visit(const Ref &ref)
    {
        if (current() && *current() == ref)
            return;
        m_entries.resize(m_position + (m_entries.empty() ? 0 : 1));
        m_entries.push_back(ref);
        m_position = m_entries.size() - 1;
    }
    bool canGoBack() const { return !m_entries.empty() && m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_entries.size(); }
    std::optional<Ref> back()
    {
        return canGoBack() ? std::optional<Ref>(m_entries[--m_position]) : std::nullopt;
    }
    std::optional<Ref> forward()
    {
        return canGoForward() ? std::optional<Ref>(m_entries[++m_position]) : std::nullopt;
    }
    std::optional<Ref> current() const
    {
        return m_entries.empty() ? std::nullopt : std::optional<Ref>(m_entries[m_position]);
    }

private:
    std::vector<Ref> m_entries;
    std::size_t m_position = 0;
};

} // namespace tributary::ui
