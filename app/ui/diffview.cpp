// SPDX-License-Identifier: Apache-2.0
#include "diffview.h"

namespace tributary::ui {
namespace {

QString escaped(const std::string &text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString changesTable(const QString &title, const std::vector<FieldChange> &changes)
{
    if (changes.empty())
        return QStringLiteral("<h3>%1</h3><p style=\"color:gray\">%2</p>").arg(title, QObject::tr("No changes."));
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
                                  "<tr><th align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"left\">%4</th></tr>")
                       .arg(title, QObject::tr("Field"), QObject::tr("Before"), QObject::tr("After"));
    for (const FieldChange &change : changes) {
        html += QStringLiteral("<tr><td><code>%1</code></td><td style=\"background:#fde8e8;color:black\">%2</td>"
                               "<td style=\"background:#e6f6e6;color:black\">%3</td></tr>")
                    .arg(escaped(change.path), escaped(change.before), escaped(change.after));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
}

void DiffView::showDiff(const VersionDiff &diff)
{
    QString html = QStringLiteral("<h2>%1 &rarr; %2</h2>").arg(escaped(diff.before.toString()), escaped(diff.after.toString()));
    if (diff.diff.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("The two are the same."));
    html += changesTable(tr("Definition"), diff.diff.definition);
    html += changesTable(tr("Metadata"), diff.diff.metadata);
    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">").arg(tr("Description"));
    for (const TextDiffLine &line : diff.diff.description) {
        const QString text = escaped(line.text);
        const bool removed = line.type == TextDiffLine::Type::Removed, added = line.type == TextDiffLine::Type::Added;
        html += QStringLiteral("<tr><td width=\"50%\" style=\"%1\">%2</td><td width=\"50%\" style=\"%3\">%4</td></tr>")
                    .arg(removed ? QStringLiteral("background:#fde8e8;color:black") : QString(), added ? QString() : text,
                         added ? QStringLiteral("background:#e6f6e6;color:black") : QString(), removed ? QString() : text);
    }
    setHtml(html + QStringLiteral("</table>"));
}

} // namespace tributary::ui
