// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextBrowser>

#include "catalogsession.h"

namespace tributary::ui {

// Two versions side by side: every changed field of the definition and of the metadata with
// its value before and after, then the description line by line.
class DiffView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);
    void showDiff(const VersionDiff &diff);
};

} // namespace tributary::ui
