// SPDX-License-Identifier: Apache-2.0
#include "resourcelistmodel.h"

#include <QStringList>

#include "assetaddress.h"

namespace tributary::ui {

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResourceListModel::setRows(std::vector<ResourceSummary> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ResourceSummary &ResourceListModel::summaryAt(const QModelIndex &index) const
{
    return m_rows.at(std::size_t(index.row()));
}

int ResourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResourceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResourceSummary &row = m_rows[std::size_t(index.row())];
    if (role == RefRole)
        return addressOf(row.ref).toString();
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(row.description.substr(0, 400));
    if (role != Qt::DisplayRole)
        return {};
    const auto text = [](std::string_view value) { return QString::fromUtf8(value.data(), qsizetype(value.size())); };
    switch (index.column()) {
    case RefColumn: return QString::fromStdString(row.ref.shortString());
    case KindColumn: return text(kindName(row.ref.kind));
    case StatusColumn: return text(statusName(row.status));
    case StageColumn: return row.stage ? text(stageName(*row.stage)) : QString();
    case OwnerColumn: return QString::fromStdString(row.owner);
    case TagsColumn: {
        QStringList tags;
        for (const std::string &tag : row.tags)
            tags << QString::fromStdString(tag);
        return tags.join(QLatin1Char(' '));
    }
    }
    return {};
}

QVariant ResourceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RefColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case StatusColumn: return tr("Status");
    case StageColumn: return tr("Stage");
    case OwnerColumn: return tr("Owner");
    case TagsColumn: return tr("Tags");
    }
    return {};
}

} // namespace tributary::ui
