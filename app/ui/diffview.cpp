// SPDX-License-Identifier: Apache-2.0
#include "diffview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tributary::ui {
namespace {

QString escaped(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

const QString kRemoved = QStringLiteral("background:#fde8e8;color:black");
const QString kAdded = QStringLiteral("background:#e6f6e6;color:black");

// The text a JSON string value holds; nullopt for other JSON values.
std::optional<std::string> jsonString(const std::string &json)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromStdString("[" + json + "]"));
    const QJsonValue value = document.array().at(0);
    if (!value.isString())
        return std::nullopt;
    return value.toString().toStdString();
}

// Two texts side by side, line against line.
QString linesTable(const std::vector<TextDiffLine> &lines, bool code)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">");
    for (const TextDiffLine &line : lines) {
        QString text = escaped(line.text);
        if (code)
            text = QStringLiteral("<code>%1</code>")
                       .arg(text.replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
        const bool removed = line.type == TextDiffLine::Type::Removed,
                   added = line.type == TextDiffLine::Type::Added;
        html += QStringLiteral(
            "<tr><td width=\"50%\" style=\"%1\">%2</td><td width=\"50%\" style=\"%3\">%4</td></tr>")
                    .arg(removed ? kRemoved : QString(), added ? QString() : text,
                        added ? kAdded : QString(), removed ? QString() : text);
    }
    return html + QStringLiteral("</table>");
}

QString changesTable(const QString &title, const std::vector<FieldChange> &changes)
{
    if (changes.empty())
        return QStringLiteral("<h3>%1</h3><p style=\"color:gray\">%2</p>")
            .arg(title, QObject::tr("No changes."));
    QString html = QStringLiteral(
        "<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
        "<tr><th align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"left\">%4</th></tr>")
                       .arg(title, QObject::tr("Field"), QObject::tr("Before"),
                           QObject::tr("After"));
    QString multiLine;
    for (const FieldChange &change : changes) {
        const auto before = jsonString(change.before), after = jsonString(change.after);
        if (before && after
            && (before->find('\n') != std::string::npos
                || after->find('\n') != std::string::npos)) {
            // SQL and other long text: line by line below the table, not as two blobs.
            multiLine += QStringLiteral("<h4><code>%1</code></h4>").arg(escaped(change.path))
                + linesTable(diffLines(*before, *after), true);
            continue;
        }
        html += QStringLiteral(
            "<tr><td><code>%1</code></td><td style=\"%2\">%3</td><td style=\"%4\">%5</td></tr>")
                    .arg(escaped(change.path), kRemoved, escaped(change.before), kAdded,
                        escaped(change.after));
    }
    return html + QStringLiteral("</table>") + multiLine;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_before(new QComboBox)
    , m_after(new QComboBox)
    , m_browser(new QTextBrowser)
{
    m_browser->setOpenLinks(false);
    auto *swap = new QPushButton(tr("Swap"));
    swap->setToolTip(tr("Compare the other way round"));
    auto *choosers = new QHBoxLayout;
    choosers->addWidget(new QLabel(tr("Compare")));
    choosers->addWidget(m_before, 1);
    choosers->addWidget(new QLabel(tr("with")));
    choosers->addWidget(m_after, 1);
    choosers->addWidget(swap);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choosers);
    layout->addWidget(m_browser, 1);
    connect(m_before, &QComboBox::activated, this, &DiffView::onChosen);
    connect(m_after, &QComboBox::activated, this, &DiffView::onChosen);
    connect(swap, &QPushButton::clicked, this, [this] {
        const int before = m_before->currentIndex();
        m_before->setCurrentIndex(m_after->currentIndex());
        m_after->setCurrentIndex(before);
        onChosen();
    });
}

void DiffView::fill(QComboBox *chooser, const std::vector<Ref> &versions, const Ref &current)
{
    const QSignalBlocker blocker(chooser);
    chooser->clear();
    for (std::size_t i = 0; i < versions.size(); ++i) {
        chooser->addItem(QString::fromStdString(versions[i].toString()), int(i));
        if (versions[i] == current)
            chooser->setCurrentIndex(int(i));
    }
}

void DiffView::onChosen()
{
    const int before = m_before->currentData().toInt(), after = m_after->currentData().toInt();
    if (before < 0 || after < 0 || std::size_t(before) >= m_versions.size()
        || std::size_t(after) >= m_versions.size())
        return;
    Q_EMIT compareRequested(m_versions[std::size_t(before)], m_versions[std::size_t(after)]);
}

QString DiffView::toPlainText() const
{
    return m_browser->toPlainText();
}

void DiffView::showDiff(const VersionDiff &diff)
{
    m_versions = diff.versions;
    for (const Ref &side : {diff.before, diff.after}) {
        if (std::find(m_versions.begin(), m_versions.end(), side) == m_versions.end())
            m_versions.push_back(side);
    }
    fill(m_before, m_versions, diff.before);
    fill(m_after, m_versions, diff.after);
    QString html = QStringLiteral("<h2>%1 &rarr; %2</h2>")
                       .arg(escaped(diff.before.toString()), escaped(diff.after.toString()));
    if (diff.diff.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(tr("The two are the same."));
    html += changesTable(tr("Definition"), diff.diff.definition);
    html += changesTable(tr("Metadata"), diff.diff.metadata);
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Description"))
        + linesTable(diff.diff.description, false);
    m_browser->setHtml(html);
}

} // namespace tributary::ui
