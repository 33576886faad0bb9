// SPDX-License-Identifier: Apache-2.0
#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tributary::ui {

NoticeBar::NoticeBar(Tone tone, const QString &action, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_action(new QPushButton(action))
{
    // Set colours with their own text colour, so they read on light and dark desktops alike.
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, tone == Tone::Warning ? QColor(0xfe, 0xca, 0xca) : QColor(0xbf, 0xdb, 0xfe));
    colours.setColor(QPalette::WindowText, Qt::black);
    setPalette(colours);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 3, 6, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    hide();
}

void NoticeBar::show(const QString &text)
{
    m_label->setText(text);
    QWidget::show();
}

QString NoticeBar::text() const { return m_label->text(); }

} // namespace tributary::ui
