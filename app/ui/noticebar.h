// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace tributary::ui {

// A strip across the window that says something about the whole catalog (the connection is
// lost, someone imported), with one button for what to do about it.
class NoticeBar : public QWidget
{
    Q_OBJECT
public:
    enum class Tone { Information, Warning };

    NoticeBar(Tone tone, const QString &action, QWidget *parent = nullptr);
    void show(const QString &text);
    QString text() const;

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_label;
    QPushButton *m_action;
};

} // namespace tributary::ui
