// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "tributary/store/storetypes.h"

namespace tributary::ui {

// Resources as rows (list results, search hits), one column per field. Rows are handed to the
// view in batches as it scrolls (canFetchMore/fetchMore), so a 100k-row listing costs the view
// only what is on screen. Sorting is the model's own (a proxy would see only the fetched rows)
// and, for long lists, runs on a worker: the rows change order when it is done.
class ResourceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RefColumn,
        KindColumn,
        StatusColumn,
        StageColumn,
        OwnerColumn,
        TagsColumn,
        ColumnCount
    };
    // The resource's address, for views that navigate.
    static constexpr int RefRole = Qt::UserRole + 1;
    static constexpr int kBatch = 256;
    // From this many rows a sort runs on a worker thread (below, it takes well under a frame).
    static constexpr int kSortInBackgroundFrom = 5000;

    explicit ResourceListModel(QObject *parent = nullptr);

    // Replaces the rows (in the order given: the catalog's, or the search's relevance) and shows
    // the first batch. A sort chosen earlier is applied to them.
    void setRows(std::vector<ResourceSummary> rows);
    const ResourceSummary &summaryAt(const QModelIndex &index) const;
    // Every row, fetched or not.
    int totalRows() const { return int(m_rows->size()); }
    // The row of `ref` among the fetched rows, fetching further as needed; -1 when absent.
    int rowOf(const Ref &ref);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts every row, not only those fetched; ties keep the given order. Column -1 restores it.
    // Emits sorted() once the rows stand in the new order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void sorted();

private:
    using Rows = std::vector<ResourceSummary>;
    void requestOrder();
    void applyOrder(std::vector<int> order);

    std::shared_ptr<const Rows> m_rows = std::make_shared<const Rows>(); // as setRows had them
    std::vector<int> m_order; // the rows in sorted order, as indices into m_rows
    quint64 m_sortGeneration = 0;
    int m_fetched = 0;
    bool m_busy = false; // telling views of a change: no fetching meanwhile
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace tributary::ui
