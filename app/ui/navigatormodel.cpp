// SPDX-License-Identifier: Apache-2.0
#include "navigatormodel.h"

#include <algorithm>
#include <map>

#include <QFont>

#include "kindnames.h"

namespace tributary::ui {
namespace {

// The most used first, then by name; long tails are cut to keep the navigator readable.
std::vector<std::pair<std::string, std::size_t>> topCounts(
    const std::map<std::string, std::size_t> &counts, std::size_t limit)
{
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.second > b.second; });
    if (sorted.size() > limit)
        sorted.resize(limit);
    return sorted;
}

} // namespace

NavigatorModel::NavigatorModel(QObject *parent)
    : QAbstractListModel(parent)
{
    setCounts({});
}

void NavigatorModel::setCounts(const std::vector<ResourceSummary> &all)
{
    std::map<ResourceKind, std::size_t> kinds;
    std::map<ModelStage, std::size_t> stages;
    std::map<std::string, std::size_t> tags, owners;
    for (const ResourceSummary &row : all) {
        ++kinds[row.ref.kind];
        if (row.stage)
            ++stages[*row.stage];
        for (const std::string &tag : row.tags)
            ++tags[tag];
        if (!row.owner.empty())
            ++owners[row.owner];
    }
    beginResetModel();
    m_entries.clear();
    m_entries.push_back({tr("Everything"), {}, all.size(), false});
    m_entries.push_back({tr("Kinds"), {}, 0, true});
    for (ResourceKind kind : kAllKinds) {
        ResourceFilter filter;
        filter.kind = kind;
        m_entries.push_back({kindListName(kind), filter, kinds[kind], false});
    }
    if (!stages.empty()) {
        m_entries.push_back({tr("Model stages"), {}, 0, true});
        for (ModelStage stage : {ModelStage::Production, ModelStage::Staging,
                 ModelStage::Development, ModelStage::Archived}) {
            ResourceFilter filter;
            filter.stage = stage;
            m_entries.push_back({fromView(stageName(stage)), filter, stages[stage], false});
        }
    }
    if (!tags.empty()) {
        m_entries.push_back({tr("Tags"), {}, 0, true});
        for (const auto &[tag, count] : topCounts(tags, 20)) {
            ResourceFilter filter;
            filter.tag = tag;
            m_entries.push_back({QString::fromStdString(tag), filter, count, false, false});
        }
    }
    if (!owners.empty()) {
        m_entries.push_back({tr("Owners"), {}, 0, true});
        for (const auto &[owner, count] : topCounts(owners, 20)) {
            ResourceFilter filter;
            filter.owner = owner;
            m_entries.push_back({QString::fromStdString(owner), filter, count, false});
        }
    }
    endResetModel();
}

QModelIndex NavigatorModel::indexOfKind(ResourceKind kind) const
{
    for (std::size_t row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries[row];
        if (!entry.heading && entry.filter.kind == kind && entry.filter.tag.empty()
            && entry.filter.owner.empty())
            return index(int(row));
    }
    return {};
}

ResourceFilter NavigatorModel::filterAt(const QModelIndex &index) const
{
    return index.isValid() ? m_entries[std::size_t(index.row())].filter : ResourceFilter{};
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

Qt::ItemFlags NavigatorModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return m_entries[std::size_t(index.row())].heading ? Qt::ItemIsEnabled
                                                       : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[std::size_t(index.row())];
    if (role == Qt::FontRole && entry.heading) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole && !entry.counted)
        return tr("Resources tagged %1, and sources with a column tagged so").arg(entry.label);
    if (role != Qt::DisplayRole)
        return {};
    if (entry.heading || !entry.counted)
        return entry.label;
    return QStringLiteral("%1  (%2)").arg(entry.label).arg(entry.count);
}

} // namespace tributary::ui
