// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QStringList>

namespace tributary::ui {

// One chart's numbers as a table: a label per row (a category, or an x value's name) and one
// column of numbers per series. Column 0 is the label; column 1 + s is series s.
struct StatsTable {
    struct Row {
        QString label;
        std::vector<double> values; // one per series
    };
    QString labelHeader;
    QStringList series; // the series' names, in column order
    std::vector<Row> rows;
};

// A StatsTable for a view or a chart's model mapper. Read-only; setTable() resets it.
class StatsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit StatsTableModel(QObject *parent = nullptr);

    void setTable(StatsTable table);
    const StatsTable &table() const { return m_table; }
    // The number in `series` at `row`; 0 outside the table.
    double valueAt(int row, int series) const;
    QString labelAt(int row) const;
    int seriesCount() const { return int(m_table.series.size()); }
    // True when there are no rows, or every number is 0: nothing worth a chart.
    bool isBlank() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    StatsTable m_table;
};

} // namespace tributary::ui
