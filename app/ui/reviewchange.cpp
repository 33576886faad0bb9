// SPDX-License-Identifier: Apache-2.0
#include "reviewchange.h"

#include "reviewstore.h"

namespace tributary::ui {

ReviewChange::ReviewChange(ReviewStore *store, Ref asset, std::optional<ReviewNote> before,
    std::optional<ReviewNote> after, const QString &text)
    : QUndoCommand(text)
    , m_store(store)
    , m_asset(std::move(asset))
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void ReviewChange::undo()
{
    m_store->apply(m_asset, m_before);
}

void ReviewChange::redo()
{
    m_store->apply(m_asset, m_after);
}

} // namespace tributary::ui
