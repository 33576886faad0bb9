// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QDockWidget>

#include "tributary/base/diagnostic.h"

class QListView;
class QPlainTextEdit;

namespace tributary::ui {

// Diagnostics as rows: "file:line:column: error: message", the hint as tooltip.
class DiagnosticListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;
    void setDiagnostics(Diagnostics diagnostics);
    const Diagnostic &diagnosticAt(const QModelIndex &index) const
    {
        return m_rows.at(std::size_t(index.row()));
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Diagnostics m_rows;
};

// The problems of the last import; choosing one shows the offending line of its file.
class DiagnosticsDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsDock(QWidget *parent = nullptr);
    void setDiagnostics(const Diagnostics &diagnostics);
    DiagnosticListModel &model() { return *m_model; }
    // Shows the file of a diagnostic with its line selected.
    void showSource(const Diagnostic &diagnostic);
    QPlainTextEdit &sourceView() { return *m_source; }

private:
    DiagnosticListModel *m_model;
    QListView *m_list;
    QPlainTextEdit *m_source;
};

} // namespace tributary::ui
