// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include <QAbstractListModel>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// The navigator: every resource, each kind, each model stage, the resources' tags and owners,
// with counts. A section heading is a row that cannot be selected; every other row stands for
// a filter.
class NavigatorModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit NavigatorModel(QObject *parent = nullptr);

    // Counts the rows of a full listing and rebuilds the tag and owner sections.
    void setCounts(const std::vector<ResourceSummary> &all);
    ResourceFilter filterAt(const QModelIndex &index) const;
    // The row that lists every resource of `kind`.
    QModelIndex indexOfKind(ResourceKind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Entry {
        QString label;
        ResourceFilter filter;
        std::size_t count = 0;
        bool heading = false;
        bool counted = true; // tag rows: the filter also matches columns' tags, so no count
    };
    std::vector<Entry> m_entries;
};

} // namespace tributary::ui
