// SPDX-License-Identifier: Apache-2.0
#include "handbookdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace tributary::ui {

HandbookDialog::HandbookDialog(const std::vector<Ref> &chosen, QWidget *parent)
    : QDialog(parent), m_chosen(chosen)
{
    setWindowTitle(tr("Export PDF handbook"));
    const QString choice = chosen.size() == 1
        ? tr("The shown asset (%1)").arg(QString::fromStdString(chosen.front().toString()))
        : tr("The %n selected asset(s)", nullptr, int(chosen.size()));
    m_byChoice = new QRadioButton(choice);
    m_byChoice->setEnabled(!chosen.empty());
    m_byTag = new QRadioButton(tr("Every asset &tagged"));
    m_tag = new QLineEdit(QStringLiteral("pii"));
    m_tag->setAccessibleName(tr("Tag"));
    m_byOwner = new QRadioButton(tr("Every asset of &owner"));
    m_owner = new QLineEdit;
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("e.g. risk-team"));
    m_everything = new QRadioButton(tr("The &whole catalog"));
    (chosen.empty() ? m_byTag : m_byChoice)->setChecked(true);

    auto *scope = new QFormLayout;
    scope->addRow(m_byChoice);
    scope->addRow(m_byTag, m_tag);
    scope->addRow(m_byOwner, m_owner);
    scope->addRow(m_everything);

    m_title = new QLineEdit(tr("Catalog handbook"));
    m_title->setAccessibleName(tr("Title"));
    m_path = new QLineEdit(QDir::home().filePath(QStringLiteral("handbook.pdf")));
    m_path->setAccessibleName(tr("File"));
    auto *browse = new QPushButton(tr("&Browse…"));
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("T&itle"), m_title);
    auto *fileLabel = new QLabel(tr("&File"));
    fileLabel->setBuddy(m_path); // a label of a layout has no buddy of its own
    form->addRow(fileLabel, file);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Export"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(scope);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    connect(browse, &QPushButton::clicked, this, &HandbookDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QRadioButton *button : {m_byChoice, m_byTag, m_byOwner, m_everything})
        connect(button, &QRadioButton::toggled, this, &HandbookDialog::updateAcceptable);
    for (QLineEdit *field : {m_tag, m_owner, m_path})
        connect(field, &QLineEdit::textChanged, this, &HandbookDialog::updateAcceptable);
    // Typing in a field chooses its scope.
    connect(m_tag, &QLineEdit::textEdited, this, [this] { m_byTag->setChecked(true); });
    connect(m_owner, &QLineEdit::textEdited, this, [this] { m_byOwner->setChecked(true); });
    updateAcceptable();
}

HandbookScope HandbookDialog::scope() const
{
    HandbookScope scope;
    if (m_byChoice->isChecked())
        scope.assets = m_chosen;
    else if (m_byTag->isChecked())
        scope.tag = m_tag->text().trimmed().toStdString();
    else if (m_byOwner->isChecked())
        scope.owner = m_owner->text().trimmed().toStdString();
    return scope;
}

QString HandbookDialog::title() const { return m_title->text().trimmed(); }

QString HandbookDialog::path() const { return m_path->text().trimmed(); }

void HandbookDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export PDF handbook"), m_path->text(),
                                                        tr("PDF documents (*.pdf)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void HandbookDialog::updateAcceptable()
{
    const bool scoped = (m_byChoice->isChecked() && !m_chosen.empty())
        || (m_byTag->isChecked() && !m_tag->text().trimmed().isEmpty())
        || (m_byOwner->isChecked() && !m_owner->text().trimmed().isEmpty()) || m_everything->isChecked();
    m_ok->setEnabled(scoped && !path().isEmpty());
}

} // namespace tributary::ui
