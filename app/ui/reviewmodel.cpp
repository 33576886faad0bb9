// SPDX-License-Identifier: Apache-2.0
#include "reviewmodel.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include "kindnames.h"
#include "reviewstore.h"

namespace tributary::ui {
namespace {

QString localTime(const Timestamp &at)
{
    return QDateTime::fromSecsSinceEpoch(at.seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Comments may span lines; a table cell shows them on one.
QString oneLine(const std::string &text)
{
    QString line = QString::fromStdString(text);
    const QString mark = QStringLiteral(" ↵ ");
    line.replace(QLatin1String("\r\n"), mark);
    line.replace(QLatin1Char('\n'), mark);
    line.replace(QLatin1Char('\r'), mark);
    return line;
}

} // namespace

QString reviewStatusText(ReviewStatus status)
{
    return status == ReviewStatus::Reviewed ? QObject::tr("reviewed") : QObject::tr("needs work");
}

QString reviewAsOfText(const ReviewNote &note)
{
    return note.import ? QObject::tr("import %1").arg(note.import->value) : QStringLiteral("—");
}

ReviewModel::ReviewModel(ReviewStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &ReviewStore::reloaded, this, &ReviewModel::readAll);
    connect(m_store, &ReviewStore::noteChanged, this, &ReviewModel::updateNote);
    readAll();
}

const ReviewNote &ReviewModel::noteAt(const QModelIndex &index) const
{
    return m_rows.at(std::size_t(index.row()));
}

void ReviewModel::readAll()
{
    beginResetModel();
    m_rows.clear();
    for (const auto &[asset, note] : m_store->notes())
        m_rows.push_back(note);
    endResetModel();
}

void ReviewModel::updateNote(const Ref &asset)
{
    const auto it = std::find_if(
        m_rows.begin(), m_rows.end(), [&](const ReviewNote &note) { return note.asset == asset; });
    const ReviewNote *note = m_store->noteFor(asset);
    const int row = int(it - m_rows.begin());
    if (it == m_rows.end()) {
        if (!note)
            return;
        // New rows go last; the proxy puts them in order.
        beginInsertRows({}, row, row);
        m_rows.push_back(*note);
        endInsertRows();
    } else if (!note) {
        beginRemoveRows({}, row, row);
        m_rows.erase(it);
        endRemoveRows();
    } else {
        *it = *note;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewModel::display(const ReviewNote &note, int column) const
{
    switch (column) {
    case AssetColumn: return QString::fromStdString(note.asset.toString());
    case StatusColumn: return reviewStatusText(note.status);
    case CommentColumn: return oneLine(note.comment);
    case ReviewerColumn: return QString::fromStdString(note.reviewer);
    case WhenColumn: return localTime(note.at);
    case AsOfColumn: {
        QString text = reviewAsOfText(note);
        const ImportRecord *latest = m_store->latestImport();
        if (latest && !note.fingerprint.empty() && note.fingerprint != latest->fingerprint)
            text += tr(" (changed since)");
        return text;
    }
    default: return {};
    }
}

QVariant ReviewModel::sortValue(const ReviewNote &note, int column) const
{
    switch (column) {
    case AssetColumn: // the catalog's order: kind, then name and version
        return QString(QString::number(int(note.asset.kind)) + QLatin1Char(' ')
            + QString::fromStdString(note.asset.shortString()));
    case WhenColumn: return qlonglong(note.at.seconds);
    case AsOfColumn: return qlonglong(note.import ? note.import->value : 0);
    default: return display(note, column);
    }
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewNote &note = noteAt(index);
    switch (role) {
    case Qt::DisplayRole: return display(note, index.column());
    case SortRole: return sortValue(note, index.column());
    case StatusRole: return fromView(reviewStatusName(note.status));
    case Qt::ToolTipRole:
        if (index.column() == CommentColumn && !note.comment.empty())
            return QString::fromStdString(note.comment);
        if (index.column() == WhenColumn)
            return QString::fromStdString(note.at.toIso());
        if (index.column() == AsOfColumn && !note.fingerprint.empty())
            return tr("Catalog fingerprint %1").arg(QString::fromStdString(note.fingerprint));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && note.status == ReviewStatus::NeedsWork)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        return {};
    default: return {};
    }
}

QVariant ReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AssetColumn: return tr("Asset");
    case StatusColumn: return tr("Status");
    case CommentColumn: return tr("Comment");
    case ReviewerColumn: return tr("Reviewer");
    case WhenColumn: return tr("When");
    case AsOfColumn: return tr("As of");
    default: return {};
    }
}

} // namespace tributary::ui
