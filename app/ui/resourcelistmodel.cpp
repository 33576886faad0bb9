// SPDX-License-Identifier: Apache-2.0
#include "resourcelistmodel.h"

#include <algorithm>
#include <numeric>

#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include "assetaddress.h"

namespace tributary::ui {
namespace {

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), qsizetype(value.size()));
}

// Case-insensitive for ASCII, which names, owners and tags are in practice; byte order beyond.
int compareText(std::string_view a, std::string_view b)
{
    if (a == b)
        return 0; // ties are common (owners, kinds, statuses): settle them with one memcmp
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        const char x = lower(a[i]), y = lower(b[i]);
        if (x != y)
            return (unsigned char)x < (unsigned char)y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// The key a column sorts by; empty stages and tags sort first, as empty text does.
int compareBy(int column, const ResourceSummary &a, const ResourceSummary &b)
{
    switch (column) {
    case ResourceListModel::RefColumn:
        if (const int byName = compareText(a.ref.name, b.ref.name))
            return byName;
        return compareText(a.ref.version, b.ref.version);
    case ResourceListModel::KindColumn:
        return compareText(kindName(a.ref.kind), kindName(b.ref.kind));
    case ResourceListModel::StatusColumn:
        return compareText(statusName(a.status), statusName(b.status));
    case ResourceListModel::StageColumn:
        return compareText(a.stage ? stageName(*a.stage) : "", b.stage ? stageName(*b.stage) : "");
    case ResourceListModel::OwnerColumn: return compareText(a.owner, b.owner);
    case ResourceListModel::TagsColumn: {
        const std::size_t n = std::min(a.tags.size(), b.tags.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (const int byTag = compareText(a.tags[i], b.tags[i]))
                return byTag;
        }
        return int(a.tags.size()) - int(b.tags.size());
    }
    }
    return 0;
}

// Marks the model busy while it tells of a change: views (and the model tester) ask for more
// rows from inside those notifications, and the rows come after them instead.
struct Busy {
    explicit Busy(bool &flag)
        : m_flag(flag)
    {
        m_flag = true;
    }
    ~Busy() { m_flag = false; }
    bool &m_flag;
};

// The rows in the order `column` sorts them, as indices; column -1: the order given.
std::vector<int> sortedOrder(
    const std::vector<ResourceSummary> &rows, int column, Qt::SortOrder order)
{
    std::vector<int> indices(rows.size());
    std::iota(indices.begin(), indices.end(), 0);
    if (column < 0)
        return indices;
    std::stable_sort(indices.begin(), indices.end(), [&](int a, int b) {
        const int by = compareBy(column, rows[std::size_t(a)], rows[std::size_t(b)]);
        return order == Qt::AscendingOrder ? by < 0 : by > 0;
    });
    return indices;
}

} // namespace

ResourceListModel::ResourceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ResourceListModel::setRows(std::vector<ResourceSummary> rows)
{
    beginResetModel();
    m_rows = std::make_shared<const Rows>(std::move(rows));
    // Long lists come in their given order and take the chosen one when the worker is done.
    const bool now = int(m_rows->size()) < kSortInBackgroundFrom;
    m_order = sortedOrder(*m_rows, now ? m_sortColumn : -1, m_sortOrder);
    ++m_sortGeneration; // a sort of the previous rows is of no use
    m_fetched = std::min(int(m_rows->size()), kBatch);
    {
        const Busy busy(m_busy);
        endResetModel();
    }
    if (!now && m_sortColumn >= 0)
        requestOrder();
}

void ResourceListModel::sort(int column, Qt::SortOrder order)
{
    if (column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    requestOrder();
}

void ResourceListModel::requestOrder()
{
    const quint64 mine = ++m_sortGeneration;
    if (int(m_rows->size()) < kSortInBackgroundFrom) {
        applyOrder(sortedOrder(*m_rows, m_sortColumn, m_sortOrder));
        return;
    }
    QtConcurrent::run([rows = m_rows, column = m_sortColumn, order = m_sortOrder] {
        return sortedOrder(*rows, column, order);
    }).then(this, [this, mine](std::vector<int> order) {
        if (mine == m_sortGeneration) // neither new rows nor another sort meanwhile
            applyOrder(std::move(order));
    });
}

void ResourceListModel::applyOrder(std::vector<int> order)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> rowsBefore;
    for (const QModelIndex &index : before)
        rowsBefore.push_back(m_order[std::size_t(index.row())]);
    m_order = std::move(order);
    // Persistent indexes (the view's current row) follow their resource if it is still fetched.
    std::vector<int> position(m_order.size());
    for (std::size_t i = 0; i < m_order.size(); ++i)
        position[std::size_t(m_order[i])] = int(i);
    QModelIndexList after;
    for (std::size_t i = 0; i < rowsBefore.size(); ++i) {
        const int row = position[std::size_t(rowsBefore[i])];
        after << (row < m_fetched ? index(row, before[int(i)].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    {
        const Busy busy(m_busy);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    Q_EMIT sorted();
}

const ResourceSummary &ResourceListModel::summaryAt(const QModelIndex &index) const
{
    return m_rows->at(std::size_t(m_order.at(std::size_t(index.row()))));
}

int ResourceListModel::rowOf(const Ref &ref)
{
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        if ((*m_rows)[std::size_t(m_order[i])].ref == ref) {
            if (int(i) >= m_fetched) {
                const Busy busy(m_busy);
                beginInsertRows({}, m_fetched, int(i));
                m_fetched = int(i) + 1;
                endInsertRows();
            }
            return int(i);
        }
    }
    return -1;
}

int ResourceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_fetched;
}

int ResourceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ResourceListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && m_fetched < int(m_rows->size());
}

void ResourceListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = std::min(kBatch, int(m_rows->size()) - m_fetched);
    const Busy busy(m_busy);
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
}

QVariant ResourceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResourceSummary &row = summaryAt(index);
    if (role == RefRole)
        return addressOf(row.ref).toString();
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(row.description.substr(0, 400));
    if (role != Qt::DisplayRole)
        return {};
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
