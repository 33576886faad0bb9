// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// Resources as rows (list results, search hits), one column per field. Sorting and filtering
// are a QSortFilterProxyModel's job; this model only adapts core values.
class ResourceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RefColumn, KindColumn, StatusColumn, StageColumn, OwnerColumn, TagsColumn, ColumnCount };
    // The resource's address, for views that navigate.
    static constexpr int RefRole = Qt::UserRole + 1;

    explicit ResourceListModel(QObject *parent = nullptr);

    void setRows(std::vector<ResourceSummary> rows);
    const ResourceSummary &summaryAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ResourceSummary> m_rows;
};

} // namespace tributary::ui
