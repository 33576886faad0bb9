// SPDX-License-Identifier: Apache-2.0
#include "reviewbar.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "reviewmodel.h"
#include "reviewstore.h"

namespace tributary::ui {
namespace {

// The strip's colours with their own text colour, so it reads on light and dark desktops;
// without a note, the window's own.
void paint(QWidget *widget, const std::optional<ReviewStatus> &status)
{
    if (!status) {
        widget->setPalette(QPalette());
        return;
    }
    QPalette colours = widget->palette();
    colours.setColor(QPalette::Window,
        *status == ReviewStatus::Reviewed ? QColor(0xd1, 0xfa, 0xe5) : QColor(0xfe, 0xf3, 0xc7));
    colours.setColor(QPalette::WindowText, Qt::black);
    widget->setPalette(colours);
}

} // namespace

ReviewBar::ReviewBar(ReviewStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_status(new QLabel)
    , m_text(new QLabel)
    , m_reviewed(new QPushButton(tr("&Reviewed")))
    , m_needsWork(new QPushButton(tr("Needs &work…")))
    , m_clear(new QPushButton(tr("&Clear")))
{
    setAutoFillBackground(true);
    setAccessibleName(tr("Review note"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("NOT REVIEWED")) + 8);
    m_text->setTextFormat(Qt::PlainText); // comments are people's text, never markup
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reviewed->setToolTip(tr("Mark the shown asset reviewed (Ctrl+Shift+R)"));
    m_needsWork->setToolTip(tr("Mark the shown asset as needing work, with a comment"));
    m_clear->setToolTip(tr("Remove the shown asset's review note"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reviewed);
    layout->addWidget(m_needsWork);
    layout->addWidget(m_clear);

    auto *shortcut = new QAction(tr("Mark reviewed"), this);
    shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    shortcut->setShortcutContext(Qt::WindowShortcut);
    addAction(shortcut);
    connect(shortcut, &QAction::triggered, this, &ReviewBar::markReviewed);
    connect(m_reviewed, &QPushButton::clicked, this, &ReviewBar::markReviewed);
    connect(m_needsWork, &QPushButton::clicked, this, &ReviewBar::askNeedsWork);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (m_asset)
            m_store->clear(*m_asset);
    });
    connect(m_store, &ReviewStore::reloaded, this, &ReviewBar::refresh);
    connect(m_store, &ReviewStore::noteChanged, this, [this](const Ref &asset) {
        if (m_asset && asset == *m_asset)
            refresh();
    });
    setAsset(std::nullopt);
}

void ReviewBar::setAsset(const std::optional<Ref> &asset)
{
    m_asset = asset;
    setVisible(asset.has_value());
    refresh();
}

QString ReviewBar::text() const
{
    return m_status->text() + QLatin1Char(' ') + m_text->text();
}

void ReviewBar::markReviewed()
{
    if (m_asset && m_store->isLoaded())
        m_store->markReviewed(*m_asset);
}

void ReviewBar::askNeedsWork()
{
    if (!m_asset || !m_store->isLoaded())
        return;
    const Ref asset = *m_asset;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("reviewCommentDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Needs work"));
    auto *label = new QLabel(tr("What needs to change in %1? (&required)")
                                 .arg(QString::fromStdString(asset.toString())));
    auto *comment = new QPlainTextEdit;
    comment->setTabChangesFocus(true);
    label->setBuddy(comment);
    if (const ReviewNote *note = m_store->noteFor(asset))
        comment->setPlainText(QString::fromStdString(note->comment));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Mark as needing work"));
    const auto blank = [comment] { return comment->toPlainText().trimmed().isEmpty(); };
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!blank());
    connect(comment, &QPlainTextEdit::textChanged, dialog,
        [buttons, blank] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!blank()); });
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
        [this, asset, comment] { m_store->markNeedsWork(asset, comment->toPlainText()); });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(label);
    layout->addWidget(comment);
    layout->addWidget(buttons);
    dialog->resize(460, 220);
    dialog->open();
    comment->setFocus(Qt::OtherFocusReason);
}

void ReviewBar::refresh()
{
    const ReviewNote *note = m_asset ? m_store->noteFor(*m_asset) : nullptr;
    const bool ready = m_asset && m_store->isLoaded();
    m_reviewed->setEnabled(ready);
    m_needsWork->setEnabled(ready);
    m_clear->setEnabled(ready && note);
    paint(this, note ? std::optional<ReviewStatus>(note->status) : std::nullopt);
    if (!note) {
        m_status->setText(tr("NOT REVIEWED"));
        m_text->setText(m_store->isLoaded() ? tr("No review note yet.") : tr("Reading notes…"));
        return;
    }
    m_status->setText(note->status == ReviewStatus::Reviewed ? tr("REVIEWED") : tr("NEEDS WORK"));
    QString line = tr("by %1 · %2 · as of %3")
                       .arg(QString::fromStdString(note->reviewer),
                           QDateTime::fromSecsSinceEpoch(note->at.seconds)
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                           reviewAsOfText(*note));
    const ImportRecord *viewed = m_store->viewedImport();
    if (viewed && !note->fingerprint.empty() && note->fingerprint != viewed->fingerprint)
        line += tr(" (the catalog shown differs)");
    if (!note->comment.empty())
        line += QLatin1Char('\n') + QString::fromStdString(note->comment);
    m_text->setText(line);
}

} // namespace tributary::ui
