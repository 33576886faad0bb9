// SPDX-License-Identifier: Apache-2.0
#include "diagnosticsdock.h"

#include <QFile>
#include <QFontDatabase>
#include <QListView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>

namespace tributary::ui {

void DiagnosticListModel::setDiagnostics(Diagnostics diagnostics)
{
    beginResetModel();
    m_rows = std::move(diagnostics);
    endResetModel();
}

int DiagnosticListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DiagnosticListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        Diagnostic withoutHint = d;
        withoutHint.hint.clear();
        return QString::fromStdString(withoutHint.toString());
    }
    if (role == Qt::ToolTipRole && !d.hint.empty())
        return QString::fromStdString(d.hint);
    return {};
}

DiagnosticsDock::DiagnosticsDock(QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_model(new DiagnosticListModel(this))
    , m_list(new QListView)
    , m_source(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("diagnostics"));
    m_list->setModel(m_model);
    m_source->setReadOnly(true);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_list);
    splitter->addWidget(m_source);
    setWidget(splitter);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) {
            if (index.isValid())
                showSource(m_model->diagnosticAt(index));
        });
}

void DiagnosticsDock::setDiagnostics(const Diagnostics &diagnostics)
{
    m_model->setDiagnostics(diagnostics);
    m_source->clear();
}

void DiagnosticsDock::showSource(const Diagnostic &diagnostic)
{
    QFile file(QString::fromStdString(diagnostic.location.file.str()));
    if (!file.open(QIODevice::ReadOnly)) {
        m_source->setPlainText(tr("Cannot open %1").arg(file.fileName()));
        return;
    }
    m_source->setPlainText(QString::fromUtf8(file.readAll()));
    const QTextBlock block
        = m_source->document()->findBlockByLineNumber(std::max(0, diagnostic.location.line - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    m_source->setTextCursor(cursor);
    m_source->centerCursor();
}

} // namespace tributary::ui
