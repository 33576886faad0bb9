// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractItemModel>

#include "tributary/report/report.h"

namespace tributary::ui {

// A report as a tree: one row per fact (ref, owner, depth, evidence strength, import and file),
// and under it one row per evidence path.
class ReportModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { RefColumn, OwnerColumn, DepthColumn, StrengthColumn, SourceColumn, ColumnCount };

    explicit ReportModel(QObject *parent = nullptr);
    void setReport(Report report);
    const Report &report() const { return m_report; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Internal ids: 0 for a fact row, fact index + 1 for its evidence rows.
    Report m_report;
};

} // namespace tributary::ui
