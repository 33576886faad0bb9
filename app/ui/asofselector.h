// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QComboBox>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// "Latest", then every import with its time and author: the point in history the window shows.
class AsOfSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit AsOfSelector(QWidget *parent = nullptr);
    void setImports(const std::vector<ImportRecord> &imports);
    AsOf current() const;
    // Shows `asOf` as the current choice (without emitting asOfChosen).
    void select(const AsOf &asOf);

Q_SIGNALS:
    void asOfChosen(const tributary::AsOf &asOf);
};

} // namespace tributary::ui
