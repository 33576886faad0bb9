// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>

#include <optional>
#include <vector>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// The navigator: every resource, then each kind, with counts. A row stands for a filter.
class NavigatorModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit NavigatorModel(QObject *parent = nullptr);

    // Counts the rows of a full listing.
    void setCounts(const std::vector<ResourceSummary> &all);
    ResourceFilter filterAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        std::optional<ResourceKind> kind;
        std::size_t count = 0;
    };
    std::vector<Entry> m_entries;
};

} // namespace tributary::ui
