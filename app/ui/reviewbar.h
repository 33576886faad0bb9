// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <QWidget>

#include "tributary/model/ref.h"

class QLabel;
class QPushButton;

namespace tributary::ui {

class ReviewStore;

// A strip above the documentation: the shown asset's review note (status, comment, who,
// when, and the import it was made on), with Reviewed (Ctrl+Shift+R), Needs work… (asks for
// the comment, which it requires) and Clear. Each click is one undoable change in the store.
class ReviewBar : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewBar(ReviewStore *store, QWidget *parent = nullptr);

    // The asset shown in the details; nullopt hides the bar.
    void setAsset(const std::optional<Ref> &asset);
    const std::optional<Ref> &asset() const { return m_asset; }

    // Asks for the comment in a small dialog (window-modal, not blocking) and marks the asset.
    void askNeedsWork();

    QPushButton &reviewedButton() { return *m_reviewed; }
    QPushButton &needsWorkButton() { return *m_needsWork; }
    QPushButton &clearButton() { return *m_clear; }
    // What the bar says, as plain text (tests and screen readers read it).
    QString text() const;

private:
    void refresh();
    void markReviewed();

    ReviewStore *m_store;
    std::optional<Ref> m_asset;
    QLabel *m_status;
    QLabel *m_text;
    QPushButton *m_reviewed;
    QPushButton *m_needsWork;
    QPushButton *m_clear;
};

} // namespace tributary::ui
