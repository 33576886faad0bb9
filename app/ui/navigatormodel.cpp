// SPDX-License-Identifier: Apache-2.0
#include "navigatormodel.h"

namespace tributary::ui {
namespace {

QString kindLabel(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return NavigatorModel::tr("Providers");
    case ResourceKind::Entity: return NavigatorModel::tr("Entities");
    case ResourceKind::Source: return NavigatorModel::tr("Sources");
    case ResourceKind::Feature: return NavigatorModel::tr("Features");
    case ResourceKind::Label: return NavigatorModel::tr("Labels");
    case ResourceKind::TrainingSet: return NavigatorModel::tr("Training sets");
    case ResourceKind::Model: return NavigatorModel::tr("Models");
    }
    return {};
}

} // namespace

NavigatorModel::NavigatorModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_entries.push_back({std::nullopt, 0});
    for (ResourceKind kind : kAllKinds)
        m_entries.push_back({kind, 0});
}

void NavigatorModel::setCounts(const std::vector<ResourceSummary> &all)
{
    for (Entry &entry : m_entries)
        entry.count = 0;
    for (const ResourceSummary &row : all) {
        ++m_entries.front().count;
        ++m_entries[std::size_t(row.ref.kind) + 1].count;
    }
    Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

ResourceFilter NavigatorModel::filterAt(const QModelIndex &index) const
{
    ResourceFilter filter;
    if (index.isValid())
        filter.kind = m_entries[std::size_t(index.row())].kind;
    return filter;
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::DisplayRole)
        return {};
    const Entry &entry = m_entries[std::size_t(index.row())];
    const QString label = entry.kind ? kindLabel(*entry.kind) : tr("Everything");
    return QStringLiteral("%1  (%2)").arg(label).arg(entry.count);
}

} // namespace tributary::ui
