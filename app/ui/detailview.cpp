// SPDX-License-Identifier: Apache-2.0
#include "detailview.h"

#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextList>

#include "assetaddress.h"
#include "tributary/format/markdownlinks.h"

namespace tributary::ui {
namespace {

QString text(std::string_view value) { return QString::fromUtf8(value.data(), qsizetype(value.size())).toHtmlEscaped(); }

QString link(const Ref &ref)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(addressOf(ref).toString(QUrl::FullyEncoded).toHtmlEscaped(), text(ref.toString()));
}

QString row(const QString &label, const QString &value)
{
    return value.isEmpty() ? QString()
                           : QStringLiteral("<tr><td style=\"color:palette(mid);padding-right:12px\">%1</td><td>%2</td></tr>")
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
        html += QStringLiteral("<li>%1 <span style=\"color:gray\">%2</span></li>").arg(link(r.ref), text(r.owner));
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
        rows += row(QObject::tr("Source"), f->source ? link(f->source->ref) + QStringLiteral(" # ") + text(f->column) : QString());
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
            links << QStringLiteral("<a href=\"#prop-%1\">%2</a>").arg(i).arg(text(propagated[i].tag));
    }
    return links.join(QLatin1Char(' '));
}

QString propagatedHtml(const std::vector<PropagatedTagView> &propagated)
{
    if (propagated.empty())
        return {};
    QString html = QStringLiteral("<h3>%1</h3><p style=\"color:gray\">%2</p>")
                       .arg(QObject::tr("Propagated tags"),
                            QObject::tr("Tags that travelled here along lineage (no propagation policy applied)."));
    for (std::size_t i = 0; i < propagated.size(); ++i) {
        const PropagatedTagView &p = propagated[i];
        html += QStringLiteral("<p><a name=\"prop-%1\"></a><b>%2</b> %3 <i>(%4 evidence)</i><br><code>%5</code>"
                               "<br><span style=\"color:gray\">%6</span></p>")
                    .arg(i)
                    .arg(text(p.tag),
                         p.column.empty() ? QObject::tr("on the whole resource")
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
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"3\"><tr><th align=\"left\">%2</th>"
                                  "<th align=\"left\">%3</th><th align=\"left\">%4</th><th align=\"left\">%5</th>"
                                  "<th align=\"left\">%6</th></tr>")
                       .arg(QObject::tr("Columns"), QObject::tr("Name"), QObject::tr("Type"), QObject::tr("Tags"),
                            QObject::tr("Propagated"), QObject::tr("Derived from"));
    for (const Column &c : s->columns) {
        QStringList tags, derived;
        for (const std::string &tag : c.tags)
            tags << text(tag);
        for (const ColumnDerivation &d : c.derivedFrom) {
            derived << link(d.from.ref.resource) + QStringLiteral("#") + text(d.from.ref.column)
                           + (d.transform == TransformKind::Identity ? QString()
                                                                     : QStringLiteral(" (%1)").arg(text(transformName(d.transform))));
        }
        html += QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(text(c.name), text(c.type), tags.join(QLatin1Char(' ')), propagatedLinks(propagated, c.name),
                         derived.join(QStringLiteral("<br>")));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

QString linkedMarkdown(const std::string &description)
{
    std::string out;
    std::size_t at = 0;
    for (const MarkdownLink &l : findMarkdownLinks(description)) {
        out += description.substr(at, l.offset - at);
        if (l.ref)
            out += "[" + l.text + "](" + addressOf(*l.ref).toString(QUrl::FullyEncoded).toStdString() + ")";
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
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().isEmpty() && url.hasFragment()) {
            scrollToAnchor(url.fragment()); // a propagated tag's explanation
            return;
        }
        if (url.scheme() != QLatin1String("tributary"))
            return;
        const auto ref = refFromAddress(url.adjusted(QUrl::RemoveQuery));
        if (url.query() == QLatin1String("compare") && ref && m_shown)
            Q_EMIT compareRequested(*m_shown, *ref);
        else
            Q_EMIT assetRequested(url);
    });
}

void DetailView::showMessage(const QString &title, const QString &message)
{
    setHtml(QStringLiteral("<h2>%1</h2><p>%2</p>").arg(title.toHtmlEscaped(), message.toHtmlEscaped()));
}

void DetailView::showDetail(const ResourceDetail &detail)
{
    const Resource &r = detail.stored.resource;
    m_shown = r.ref;
    QStringList chips;
    for (const std::string &tag : r.meta.tags)
        chips << QStringLiteral("<span style=\"background:palette(alternate-base)\">&nbsp;%1&nbsp;</span>").arg(text(tag));
    const QString inherited = propagatedLinks(detail.propagated, {});
    if (!inherited.isEmpty())
        chips << QObject::tr("propagated: %1").arg(inherited);
    QString html = QStringLiteral("<h2>%1</h2><p><b>%2</b> &middot; %3 &middot; %4 %5</p>")
                       .arg(text(r.ref.toString()), text(statusName(r.meta.status)), text(r.meta.owner),
                            chips.join(QLatin1Char(' ')),
                            QStringLiteral("<br><span style=\"color:gray\">%1</span>")
                                .arg(addressOf(r.ref).toString().toHtmlEscaped()));
    html += fieldsHtml(r);
    setHtml(html);
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
        rest += QStringLiteral("<h3>%1</h3><pre>%2</pre>").arg(tr("Definition"), text(*definition));
    rest += propagatedHtml(detail.propagated);
    rest += summaryList(tr("Depends on"), detail.upstream);
    rest += summaryList(tr("Used by"), detail.downstream);
    if (detail.versions.size() > 1) {
        QStringList versions;
        for (const Ref &v : detail.versions) {
            QUrl compare = addressOf(v);
            compare.setQuery(QStringLiteral("compare"));
            versions << (v == r.ref ? QStringLiteral("<b>%1</b> (shown)").arg(text(v.version))
                                    : link(v) + QStringLiteral(" (<a href=\"%1\">%2</a>)")
                                                    .arg(compare.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                         tr("compare")));
        }
        rest += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Versions"), versions.join(QStringLiteral("<br>")));
    }
    if (!detail.history.empty()) {
        rest += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">").arg(tr("History"));
        for (const Revision &revision : detail.history) {
            rest += QStringLiteral("<tr><td>%1</td><td>%2</td><td><b>%3</b></td><td>%4</td><td>%5</td></tr>")
                        .arg(tr("import %1").arg(revision.provenance.import.value),
                             QString::fromStdString(revision.provenance.at.toIso()),
                             text(revisionChangeName(revision.change)), text(revision.author),
                             revision.change == RevisionChange::Removed ? QString() : text(revision.owner));
        }
        rest += QStringLiteral("</table>");
    }
    rest += QStringLiteral("<p style=\"color:gray\">%1</p>")
                .arg(tr("Defined in import %1 (%2), %3:%4")
                         .arg(detail.stored.created.import.value)
                         .arg(QString::fromStdString(detail.stored.created.at.toIso()),
                              QString::fromStdString(detail.stored.created.file).toHtmlEscaped())
                         .arg(detail.stored.created.line));
    cursor.movePosition(QTextCursor::End);
    // A fresh block outside any list the Markdown ended in, so headings are not bullets.
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    if (QTextList *list = cursor.currentList())
        list->remove(cursor.block());
    cursor.insertHtml(rest);
    moveCursor(QTextCursor::Start);
}

} // namespace tributary::ui
