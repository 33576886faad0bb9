// SPDX-License-Identifier: Apache-2.0
#include "detailview.h"

#include <QCursor>
#include <QDesktopServices>
#include <QMessageBox>
#include <QEvent>
#include <QImage>
#include <QScrollBar>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextList>
#include <QToolTip>

#include "assetaddress.h"
#include "kindnames.h"
#include "sqlhighlight.h"
#include "tributary/format/markdownlinks.h"

namespace tributary::ui {
namespace {

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), qsizetype(value.size())).toHtmlEscaped();
}

QString link(const Ref &ref)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(addressOf(ref).toString(QUrl::FullyEncoded).toHtmlEscaped(), text(ref.toString()));
}

QString row(const QString &label, const QString &value)
{
    return value.isEmpty()
        ? QString()
        : QStringLiteral(
            "<tr><td style=\"color:palette(mid);padding-right:12px\">%1</td><td>%2</td></tr>")
              .arg(label, value);
}

QString refList(const std::vector<Reference> &refs)
{
    QStringList links;
    for (const Reference &r : refs)
        links << link(r.ref);
    return links.join(QStringLiteral("<br>"));
}

QString summaryList(const QString &title, const std::vector<ResourceSummary> &rows)
{
    if (rows.empty())
        return {};
    QString html = QStringLiteral("<h3>%1 (%2)</h3><ul>").arg(title).arg(rows.size());
    for (const ResourceSummary &r : rows)
        html += QStringLiteral("<li>%1 <span style=\"color:gray\">%2</span></li>")
                    .arg(link(r.ref), text(r.owner));
    return html + QStringLiteral("</ul>");
}

QString fieldsHtml(const Resource &r)
{
    QString rows;
    if (const auto *p = r.as<ProviderSpec>())
        rows += row(QObject::tr("Type"), text(p->type));
    if (const auto *s = r.as<SourceSpec>()) {
        rows += row(QObject::tr("Type"), text(sourceTypeName(s->type)));
        rows += row(QObject::tr("Provider"), s->provider ? link(s->provider->ref) : QString());
        rows += row(QObject::tr("Location"), text(s->location));
        rows += row(QObject::tr("Inputs"), refList(s->inputs));
    }
    if (const auto *f = r.as<FeatureSpec>()) {
        rows += row(QObject::tr("Entity"), f->entity ? link(f->entity->ref) : QString());
        rows += row(QObject::tr("Source"),
            f->source ? link(f->source->ref) + QStringLiteral(" # ") + text(f->column) : QString());
        rows += row(QObject::tr("Type"), text(f->type));
    }
    if (const auto *t = r.as<TrainingSetSpec>()) {
        rows += row(QObject::tr("Label"), t->label ? link(t->label->ref) : QString());
        rows += row(QObject::tr("Features"), refList(t->features));
    }
    if (const auto *m = r.as<ModelSpec>()) {
        rows += row(QObject::tr("Stage"), text(stageName(m->stage)));
        rows += row(QObject::tr("Training sets"), refList(m->trainingSets));
        rows += row(QObject::tr("Inference features"), refList(m->features));
        QStringList metrics;
        for (const auto &[name, value] : m->metrics)
            metrics << text(name) + QStringLiteral(" ") + QString::number(value);
        rows += row(QObject::tr("Metrics"), metrics.join(QStringLiteral(", ")));
    }
    return rows.isEmpty() ? QString() : QStringLiteral("<table>%1</table>").arg(rows);
}

// Links to the explanation of each propagated tag of `column` ("" for the resource itself).
QString propagatedLinks(const std::vector<PropagatedTagView> &propagated, const std::string &column)
{
    QStringList links;
    for (std::size_t i = 0; i < propagated.size(); ++i) {
        if (propagated[i].column == column)
            links << QStringLiteral("<a href=\"#prop-%1\">%2</a>")
                         .arg(i)
                         .arg(text(propagated[i].tag));
    }
    return links.join(QLatin1Char(' '));
}

QString propagatedHtml(const std::vector<PropagatedTagView> &propagated, const std::string &policy)
{
    if (propagated.empty())
        return {};
    const QString rules = policy.empty()
        ? QObject::tr("no propagation policy: every transform lets every tag through")
        : QObject::tr("stop rules of %1").arg(text(policy));
    QString html = QStringLiteral("<h3>%1</h3><p style=\"color:gray\">%2</p>")
                       .arg(QObject::tr("Propagated tags"),
                           QObject::tr("Tags that travelled here along lineage (%1).").arg(rules));
    for (std::size_t i = 0; i < propagated.size(); ++i) {
        const PropagatedTagView &p = propagated[i];
        html += QStringLiteral(
            "<p><a name=\"prop-%1\"></a><b>%2</b> %3 <i>(%4 evidence)</i><br><code>%5</code>"
            "<br><span style=\"color:gray\">%6</span></p>")
                    .arg(i)
                    .arg(text(p.tag),
                        p.column.empty()
                            ? QObject::tr("on the whole resource")
                            : QObject::tr("on column <code>%1</code>").arg(text(p.column)),
                        text(p.strength), text(p.path), text(p.rules));
    }
    return html;
}

QString columnsHtml(const Resource &r, const std::vector<PropagatedTagView> &propagated)
{
    const auto *s = r.as<SourceSpec>();
    if (!s || s->columns.empty())
        return {};
    QString html
        = QStringLiteral(
            "<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\"><tr><th align=\"left\">%2</th>"
            "<th align=\"left\">%3</th><th align=\"left\">%4</th><th align=\"left\">%5</th>"
            "<th align=\"left\">%6</th></tr>")
              .arg(QObject::tr("Columns"), QObject::tr("Name"), QObject::tr("Type"),
                  QObject::tr("Tags"), QObject::tr("Propagated"), QObject::tr("Derived from"));
    for (const Column &c : s->columns) {
        QStringList tags, derived;
        for (const std::string &tag : c.tags)
            tags << text(tag);
        for (const ColumnDerivation &d : c.derivedFrom) {
            derived << link(d.from.ref.resource) + QStringLiteral("#") + text(d.from.ref.column)
                    + (d.transform == TransformKind::Identity
                            ? QString()
                            : QStringLiteral(" (%1)").arg(text(transformName(d.transform))));
        }
        html += QStringLiteral(
            "<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(text(c.name), text(c.type), tags.join(QLatin1Char(' ')),
                        propagatedLinks(propagated, c.name), derived.join(QStringLiteral("<br>")));
    }
    return html + QStringLiteral("</table>");
}

bool isExternal(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == QLatin1String("https") || scheme == QLatin1String("http")
        || scheme == QLatin1String("mailto");
}

bool confirmExternalLink(QWidget *parent, const QUrl &target)
{
    QMessageBox box(QMessageBox::Question, DetailView::tr("Open link"),
        DetailView::tr("This link leads out of the catalog. Open it in your browser?"),
        QMessageBox::Open | QMessageBox::Cancel, parent);
    // The whole target, as it will be opened (no text of the author's can disguise it).
    box.setInformativeText(target.toDisplayString());
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Open;
}

} // namespace

QString linkedMarkdown(const std::string &description)
{
    std::string out;
    std::size_t at = 0;
    for (const MarkdownLink &l : findMarkdownLinks(description)) {
        out += description.substr(at, l.offset - at);
        if (l.ref)
            out += "[" + l.text + "]("
                + addressOf(*l.ref).toString(QUrl::FullyEncoded).toStdString() + ")";
        else
            out += description.substr(l.offset, l.length);
        at = l.offset + l.length;
    }
    out += description.substr(at);
    return QString::fromStdString(out);
}

DetailView::DetailView(QWidget *parent)
    : QTextBrowser(parent)
{
    // Links are handled here: asset addresses navigate; nothing is fetched or opened silently.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    m_confirmExternal = &confirmExternalLink;
    // Hovering a propagated tag tells the way it came; clicking shows the whole explanation.
    connect(this, &QTextBrowser::highlighted, this, [this](const QUrl &url) {
        const QString tip = isExternal(url) ? url.toDisplayString() : propagationTip(url);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(QCursor::pos(), tip, this);
    });
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().isEmpty() && url.hasFragment()) {
            scrollToAnchor(url.fragment()); // a propagated tag's explanation
            return;
        }
        if (isExternal(url)) {
            if (m_confirmExternal(this, url))
                QDesktopServices::openUrl(url);
            return;
        }
        if (url.scheme() != QLatin1String("tributary"))
            return; // file:, javascript: and the like are never followed
        const auto ref = refFromAddress(url.adjusted(QUrl::RemoveQuery));
        if (url.query() == QLatin1String("compare") && ref && m_shown)
            Q_EMIT compareRequested(*m_shown, *ref);
        else
            Q_EMIT assetRequested(url);
    });
}

void DetailView::setExternalLinkConfirmation(ExternalLinkConfirmation confirm)
{
    m_confirmExternal = std::move(confirm);
}

QVariant DetailView::loadResource(int type, const QUrl &)
{
    // Not an empty QVariant: with that, QTextDocument would go on to read a local file itself.
    if (type == QTextDocument::ImageResource) {
        static const QImage nothing = [] {
            QImage image(1, 1, QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            return image;
        }();
        return nothing;
    }
    return QByteArray();
}

void DetailView::showMessage(const QString &title, const QString &message)
{
    m_shown.reset();
    m_detail.reset();
    m_propagated.clear();
    setHtml(
        QStringLiteral("<h2>%1</h2><p>%2</p>")
            .arg(title.toHtmlEscaped(),
                message.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

QString DetailView::headerHtml(const ResourceDetail &detail) const
{
    const Resource &r = detail.stored.resource;
    const auto chip = [this](const QString &label, bool strong = false) {
        return QStringLiteral("<span style=\"background:%1;color:%2\">&nbsp;%3&nbsp;</span>")
            .arg(palette().color(strong ? QPalette::Highlight : QPalette::AlternateBase).name(),
                palette().color(strong ? QPalette::HighlightedText : QPalette::Text).name(), label);
    };
    QString title = text(r.ref.name);
    if (!r.ref.version.empty())
        title += QStringLiteral("<span style=\"color:gray\">@%1</span>").arg(text(r.ref.version));
    QStringList facts{chip(text(kindName(r.ref.kind)).toUpper(), true),
        QStringLiteral("<b>%1</b>").arg(text(statusName(r.meta.status)))};
    if (const auto *model = r.as<ModelSpec>())
        facts << tr("stage <b>%1</b>").arg(text(stageName(model->stage)));
    if (!r.meta.owner.empty())
        facts << text(r.meta.owner);
    QStringList chips;
    for (const std::string &tag : r.meta.tags)
        chips << chip(text(tag));
    const QString inherited = propagatedLinks(detail.propagated, {});
    if (!inherited.isEmpty())
        chips << tr("propagated: %1").arg(inherited);
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>")
                       .arg(title, facts.join(QStringLiteral(" &middot; ")));
    if (!chips.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(chips.join(QLatin1Char(' ')));
    return html
        + QStringLiteral("<p style=\"color:gray\">%1</p>")
              .arg(addressOf(r.ref).toString().toHtmlEscaped());
}

void DetailView::showDetail(const ResourceDetail &detail)
{
    const Resource &r = detail.stored.resource;
    m_shown = r.ref;
    m_propagated = detail.propagated;
    if (!m_detail || &detail != &*m_detail)
        m_detail = detail;
    setHtml(headerHtml(detail) + fieldsHtml(r));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!r.meta.description.empty()) {
        cursor.insertBlock();
        cursor.insertMarkdown(linkedMarkdown(r.meta.description));
    }
    QString rest = columnsHtml(r, detail.propagated);
    const std::string *definition = nullptr;
    if (const auto *s = r.as<SourceSpec>(); s && !s->definition.empty())
        definition = &s->definition;
    else if (const auto *f = r.as<FeatureSpec>(); f && !f->definition.empty())
        definition = &f->definition;
    if (definition)
        rest += QStringLiteral("<h3>%1</h3><pre>%2</pre>")
                    .arg(tr("Definition"), highlightedSql(*definition, palette()));
    rest += propagatedHtml(detail.propagated, detail.policy);
    if (r.ref.kind != ResourceKind::Model)
        rest += summaryList(tr("Models it feeds"), detail.models);
    rest += summaryList(tr("Features it uses"), detail.features);
    rest += summaryList(tr("Depends on"), detail.upstream);
    rest += summaryList(tr("Used by"), detail.downstream);
    rest += versionsHtml(detail);
    rest += historyHtml(detail);
    cursor.movePosition(QTextCursor::End);
    // A fresh block outside any list the Markdown ended in, so headings are not bullets.
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    if (QTextList *list = cursor.currentList())
        list->remove(cursor.block());
    cursor.insertHtml(rest);
    moveCursor(QTextCursor::Start);
}

void DetailView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_detail) {
        const int scroll = verticalScrollBar()->value();
        showDetail(*m_detail);
        verticalScrollBar()->setValue(scroll);
    }
}

QString DetailView::versionsHtml(const ResourceDetail &detail) const
{
    const Ref &shown = detail.stored.resource.ref;
    if (detail.versions.size() <= 1)
        return {};
    QStringList versions;
    for (const Ref &v : detail.versions) {
        QUrl compare = addressOf(v);
        compare.setQuery(QStringLiteral("compare"));
        versions << (v == shown ? tr("<b>%1</b> (shown)").arg(text(v.version))
                                : link(v)
                    + QStringLiteral(" (<a href=\"%1\">%2</a>)")
                          .arg(
                              compare.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("compare")));
    }
    return QStringLiteral("<h3>%1</h3><p>%2</p>")
        .arg(tr("Versions"), versions.join(QStringLiteral("<br>")));
}

QString DetailView::historyHtml(const ResourceDetail &detail) const
{
    QString html;
    if (!detail.history.empty()) {
        html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">")
                    .arg(tr("History"));
        for (const Revision &revision : detail.history) {
            html += QStringLiteral(
                "<tr><td>%1</td><td>%2</td><td><b>%3</b></td><td>%4</td><td>%5</td></tr>")
                        .arg(tr("import %1").arg(revision.provenance.import.value),
                            QString::fromStdString(revision.provenance.at.toIso()),
                            text(revisionChangeName(revision.change)), text(revision.author),
                            revision.change == RevisionChange::Removed ? QString()
                                                                       : text(revision.owner));
        }
        html += QStringLiteral("</table>");
    }
    return html
        + QStringLiteral("<p style=\"color:gray\">%1</p>")
              .arg(tr("Defined in import %1 (%2), %3:%4")
                       .arg(detail.stored.created.import.value)
                       .arg(QString::fromStdString(detail.stored.created.at.toIso()),
                           QString::fromStdString(detail.stored.created.file).toHtmlEscaped())
                       .arg(detail.stored.created.line));
}

QString DetailView::propagationTip(const QUrl &url) const
{
    if (!url.scheme().isEmpty() || !url.fragment().startsWith(QLatin1String("prop-")))
        return {};
    bool ok = false;
    const std::size_t i = url.fragment().mid(5).toUInt(&ok);
    if (!ok || i >= m_propagated.size())
        return {};
    const PropagatedTagView &p = m_propagated[i];
    return tr("<b>%1</b> arrived here (%2 evidence):<br><code>%3</code><br><i>%4</i><br>Click for "
              "the whole path.")
        .arg(text(p.tag), text(p.strength), text(p.path), text(p.rules));
}

} // namespace tributary::ui
