// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextBrowser>

#include <functional>

#include "catalogsession.h"

namespace tributary::ui {

// The detail pane: a resource's header, documentation (Markdown, with [[kind:name@version]]
// links), fields, columns, definition, and its neighbours and versions as links. Links are
// asset addresses; following one emits assetRequested. A link out of the catalog opens only
// when clicked and confirmed, and nothing is fetched to show a page.
class DetailView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailView(QWidget *parent = nullptr);

    void showDetail(const ResourceDetail &detail);
    void showMessage(const QString &title, const QString &text);
    // What hovering a link to a propagated tag's explanation shows; empty for other links.
    QString propagationTip(const QUrl &url) const;

    // Asks before an external link (http, https, mailto) is opened in the user's browser,
    // showing the whole target; true opens it. A message box unless replaced (tests do).
    using ExternalLinkConfirmation = std::function<bool(QWidget *parent, const QUrl &target)>;
    void setExternalLinkConfirmation(ExternalLinkConfirmation confirm);

protected:
    // Documentation is someone else's text: nothing it names is loaded, neither a remote image
    // (which would tell a server who reads what) nor a local file. An image is left blank.
    QVariant loadResource(int type, const QUrl &name) override;
    // A new palette (the desktop switched light/dark) redraws the shown asset in its colours.
    void changeEvent(QEvent *event) override;

private:
    QString headerHtml(const ResourceDetail &detail) const;
    QString versionsHtml(const ResourceDetail &detail) const;
    QString historyHtml(const ResourceDetail &detail) const;

    std::optional<Ref> m_shown;
    std::optional<ResourceDetail> m_detail;
    std::vector<PropagatedTagView> m_propagated;
    ExternalLinkConfirmation m_confirmExternal;

Q_SIGNALS:
    void assetRequested(const QUrl &address);
    // "Compare" next to another version: the shown version against `other`.
    void compareRequested(const tributary::Ref &shown, const tributary::Ref &other);
};

// The description with [[kind:name@version]] turned into Markdown links to asset addresses.
QString linkedMarkdown(const std::string &description);

} // namespace tributary::ui
