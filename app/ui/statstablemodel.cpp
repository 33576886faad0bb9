// SPDX-License-Identifier: Apache-2.0
#include "statstablemodel.h"

namespace tributary::ui {

StatsTableModel::StatsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void StatsTableModel::setTable(StatsTable table)
{
    beginResetModel();
    m_table = std::move(table);
    for (StatsTable::Row &row : m_table.rows)
        row.values.resize(m_table.series.size(), 0.0); // every row as wide as the header
    endResetModel();
}

double StatsTableModel::valueAt(int row, int series) const
{
    if (row < 0 || row >= rowCount() || series < 0 || series >= seriesCount())
        return 0;
    return m_table.rows[std::size_t(row)].values[std::size_t(series)];
}

QString StatsTableModel::labelAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_table.rows[std::size_t(row)].label : QString();
}

bool StatsTableModel::isBlank() const
{
    for (const StatsTable::Row &row : m_table.rows) {
        for (double value : row.values) {
            if (value != 0)
                return false;
        }
    }
    return true;
}

int StatsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int StatsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + seriesCount();
}

QVariant StatsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatsTable::Row &row = m_table.rows[std::size_t(index.row())];
    if (index.column() == 0) {
        const bool text = role == Qt::DisplayRole || role == Qt::ToolTipRole;
        return text ? QVariant(row.label) : QVariant();
    }
    const double value = row.values[std::size_t(index.column() - 1)];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: // what the chart mappers read
        return value;
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0
        || section >= columnCount())
        return {};
    return section == 0 ? m_table.labelHeader : m_table.series[section - 1];
}

} // namespace tributary::ui
