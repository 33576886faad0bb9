// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include "catalogsession.h"

class QComboBox;
class QTextBrowser;

namespace tributary::ui {

// Two versions side by side: every changed field of the definition and of the metadata with
// its value before and after (multi-line text such as SQL line by line), then the description
// line by line. Either side can be switched to any other version of the same name.
class DiffView : public QWidget
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    void showDiff(const VersionDiff &diff);
    QString toPlainText() const;
    QComboBox &beforeChooser() { return *m_before; }
    QComboBox &afterChooser() { return *m_after; }

Q_SIGNALS:
    void compareRequested(const tributary::Ref &before, const tributary::Ref &after);

private:
    void fill(QComboBox *chooser, const std::vector<Ref> &versions, const Ref &current);
    void onChosen();

    QComboBox *m_before;
    QComboBox *m_after;
    QTextBrowser *m_browser;
    std::vector<Ref> m_versions;
};

} // namespace tributary::ui
