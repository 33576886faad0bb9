// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <QUndoCommand>

#include "tributary/userdata/reviewnotes.h"

namespace tributary::ui {

class ReviewStore;

// One change to one asset's review note (marked, replaced, cleared), as an undo command: redo
// sets the note after, undo puts back the one before (nullopt: no note). The store outlives it.
class ReviewChange : public QUndoCommand
{
public:
    ReviewChange(ReviewStore *store, Ref asset, std::optional<ReviewNote> before,
        std::optional<ReviewNote> after, const QString &text);

    void undo() override;
    void redo() override;

    const Ref &asset() const { return m_asset; }

private:
    ReviewStore *m_store;
    Ref m_asset;
    std::optional<ReviewNote> m_before;
    std::optional<ReviewNote> m_after;
};

} // namespace tributary::ui
