// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextBrowser>

#include "catalogsession.h"

namespace tributary::ui {

// The detail pane: a resource's header, documentation (Markdown, with [[kind:name@version]]
// links), fields, columns, definition, and its neighbours and versions as links. Links are
// asset addresses; following one emits assetRequested.
class DetailView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailView(QWidget *parent = nullptr);

    void showDetail(const ResourceDetail &detail);
    void showMessage(const QString &title, const QString &text);
    // What hovering a link to a propagated tag's explanation shows; empty for other links.
    QString propagationTip(const QUrl &url) const;

protected:
    // A new palette (the desktop switched light/dark) redraws the shown asset in its colours.
    void changeEvent(QEvent *event) override;

private:
    QString headerHtml(const ResourceDetail &detail) const;
    QString versionsHtml(const ResourceDetail &detail) const;
    QString historyHtml(const ResourceDetail &detail) const;

    std::optional<Ref> m_shown;
    std::optional<ResourceDetail> m_detail;
    std::vector<PropagatedTagView> m_propagated;

Q_SIGNALS:
    void assetRequested(const QUrl &address);
    // "Compare" next to another version: the shown version against `other`.
    void compareRequested(const tributary::Ref &shown, const tributary::Ref &other);
};

// The description with [[kind:name@version]] turned into Markdown links to asset addresses.
QString linkedMarkdown(const std::string &description);

} // namespace tributary::ui
