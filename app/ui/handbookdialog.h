// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QDialog>

#include "tributary/docs/handbook.h"

class QButtonGroup;
class QPushButton;
class QLineEdit;
class QRadioButton;

namespace tributary::ui {

// Asks which assets a PDF handbook holds (the chosen ones, a tag's, an owner's, or all), its
// title and where it goes.
class HandbookDialog : public QDialog
{
    Q_OBJECT
public:
    // `chosen`: the assets selected in the window (the shown one when nothing is selected).
    HandbookDialog(const std::vector<Ref> &chosen, QWidget *parent = nullptr);

    HandbookScope scope() const;
    QString title() const;
    QString path() const;

private:
    void browse();
    void updateAcceptable();

    std::vector<Ref> m_chosen;
    QRadioButton *m_byChoice;
    QRadioButton *m_byTag;
    QRadioButton *m_byOwner;
    QRadioButton *m_everything;
    QLineEdit *m_tag;
    QLineEdit *m_owner;
    QLineEdit *m_title;
    QLineEdit *m_path;
    QPushButton *m_ok = nullptr;
};

} // namespace tributary::ui
