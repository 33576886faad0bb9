// SPDX-License-Identifier: Apache-2.0
#include "reportmodel.h"

#include <QStringList>

namespace tributary::ui {

ReportModel::ReportModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void ReportModel::setReport(Report report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

QModelIndex ReportModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row() + 1) : quintptr(0));
}

QModelIndex ReportModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int ReportModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_report.results.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_report.results[std::size_t(parent.row())].evidence.size());
}

int ReportModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ReportModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (index.internalId() != 0) {
        const ReportFact &fact = m_report.results[std::size_t(index.internalId() - 1)];
        const ReportEvidence &evidence = fact.evidence[std::size_t(index.row())];
        if (index.column() == RefColumn) {
            QStringList hops;
            for (const ReportHop &hop : evidence.hops)
                hops << (hop.edge.empty()
                                ? QString()
                                : QStringLiteral("-[%1]-> ").arg(QString::fromStdString(hop.edge)))
                        + QString::fromStdString(hop.ref);
            return hops.join(QLatin1Char(' '));
        }
        if (index.column() == StrengthColumn)
            return QString::fromStdString(evidence.strength);
        if (index.column() == SourceColumn && role == Qt::ToolTipRole)
            return QString::fromStdString(evidence.rule);
        return {};
    }
    const ReportFact &fact = m_report.results[std::size_t(index.row())];
    switch (index.column()) {
    case RefColumn: return QString::fromStdString(fact.ref.toString());
    case OwnerColumn: return QString::fromStdString(fact.owner);
    case DepthColumn: return fact.depth;
    case StrengthColumn:
        return fact.evidence.empty() ? QString()
                                     : QString::fromStdString(fact.evidence.front().strength);
    case SourceColumn:
        return tr("import %1, %2:%3")
            .arg(fact.provenance.import.value)
            .arg(QString::fromStdString(fact.provenance.file))
            .arg(fact.provenance.line);
    }
    return {};
}

QVariant ReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RefColumn: return tr("Resource / evidence");
    case OwnerColumn: return tr("Owner");
    case DepthColumn: return tr("Depth");
    case StrengthColumn: return tr("Evidence");
    case SourceColumn: return tr("Defined in");
    }
    return {};
}

} // namespace tributary::ui
