// SPDX-License-Identifier: Apache-2.0
#include "reviewpanel.h"

#include <algorithm>

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "filewriting.h"
#include "iothreads.h"
#include "kindnames.h"
#include "reviewmodel.h"
#include "reviewstore.h"

namespace tributary::ui {

ReviewPanel::ReviewPanel(ReviewStore *store, QWidget *parent)
    : QDockWidget(tr("Review notes"), parent)
    , m_store(store)
    , m_model(new ReviewModel(store, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QComboBox)
    , m_summary(new QLabel)
    , m_problems(new QLabel)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("reviews"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ReviewModel::SortRole);
    m_proxy->setFilterRole(ReviewModel::StatusRole);
    m_proxy->setFilterKeyColumn(ReviewModel::StatusColumn);
    m_proxy->setDynamicSortFilter(true);
    m_filter->addItem(tr("All notes"), -1);
    m_filter->addItem(tr("Reviewed"), int(ReviewStatus::Reviewed));
    m_filter->addItem(tr("Needs work"), int(ReviewStatus::NeedsWork));
    m_filter->setAccessibleName(tr("Show notes"));
    auto *filterLabel = new QLabel(tr("Sta&tus:"));
    filterLabel->setBuddy(m_filter);

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Review notes"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReviewModel::AssetColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    // The comment takes the room left; the other columns keep their width.
    m_view->horizontalHeader()->setSectionResizeMode(
        ReviewModel::CommentColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ReviewModel::AssetColumn, 260);
    m_view->setColumnWidth(ReviewModel::StatusColumn, 100);
    m_view->setColumnWidth(ReviewModel::ReviewerColumn, 120);
    m_view->setColumnWidth(ReviewModel::WhenColumn, 130);
    m_view->setColumnWidth(ReviewModel::AsOfColumn, 160);
    m_view->setMinimumHeight(60);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    m_problems->hide();

    auto *controls = new QHBoxLayout;
    controls->addWidget(filterLabel);
    controls->addWidget(m_filter);
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);
    for (auto [label, format] :
        {std::pair{tr("Export C&SV…"), Format::Csv}, {tr("Export &Markdown…"), Format::Markdown}}) {
        auto *button = new QPushButton(label);
        connect(button, &QPushButton::clicked, this, [this, format] { exportAs(format); });
        controls->addWidget(button);
    }
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 2, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(m_problems);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
        [this] { setStatusFilter(m_filter->currentData().toInt()); });
    // Enter, or a double-click (a single click where the platform opens on one).
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT openRequested(m_model->noteAt(m_proxy->mapToSource(index)).asset);
    });
    connect(m_store, &ReviewStore::reloaded, this, &ReviewPanel::updateSummary);
    connect(m_store, &ReviewStore::noteChanged, this, &ReviewPanel::updateSummary);
    connect(m_store, &ReviewStore::failed, this, [this](const QString &message) {
        m_message = message;
        updateSummary();
    });
    connect(this, &ReviewPanel::exported, this, [this](const QString &path, const QString &error) {
        m_message = error.isEmpty() ? tr("Wrote %1").arg(path) : error;
        updateSummary();
    });
    updateSummary();
}

void ReviewPanel::setStatusFilter(int status)
{
    const int index = m_filter->findData(status);
    if (index >= 0 && index != m_filter->currentIndex())
        m_filter->setCurrentIndex(index); // comes back here through the signal
    if (status < 0) {
        m_proxy->setFilterFixedString(QString());
        return;
    }
    // The whole status name, not a part of it.
    const QString name = fromView(reviewStatusName(ReviewStatus(status)));
    m_proxy->setFilterRegularExpression(
        QRegularExpression(QRegularExpression::anchoredPattern(name)));
}

QString ReviewPanel::statusText() const
{
    return m_summary->text();
}

void ReviewPanel::updateSummary()
{
    const auto &notes = m_store->notes();
    const auto needsWork = std::count_if(notes.begin(), notes.end(),
        [](const auto &entry) { return entry.second.status == ReviewStatus::NeedsWork; });
    QString text = m_store->catalog().isEmpty() ? tr("No catalog open")
        : !m_store->isLoaded()
        ? tr("Reading notes…")
        : tr("%n note(s)", nullptr, int(notes.size())) + tr(", %1 needing work").arg(needsWork);
    if (!m_message.isEmpty())
        text += QStringLiteral(" · ") + m_message;
    m_summary->setText(text);
    m_summary->setToolTip(text);
    const QStringList &problems = m_store->problems();
    m_problems->setVisible(!problems.isEmpty());
    m_problems->setText(problems.isEmpty()
            ? QString()
            : tr("%n entry(ies) could not be read and are left out:", nullptr, int(problems.size()))
                + QLatin1Char('\n') + problems.join(QLatin1Char('\n')));
}

void ReviewPanel::exportAs(Format format)
{
    const QString suffix = format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("md");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export review notes"),
        QStringLiteral("review-notes.") + suffix,
        format == Format::Csv ? tr("CSV files (*.csv)") : tr("Markdown files (*.md)"));
    if (!path.isEmpty())
        exportTo(format, path);
}

void ReviewPanel::exportTo(Format format, const QString &path)
{
    m_message = tr("Writing %1…").arg(path);
    updateSummary();
    QtConcurrent::run(&ioThreads(), [data = m_store->exportData(), format, path] {
        const std::string text
            = format == Format::Csv ? writeReviewsCsv(data) : writeReviewsMarkdown(data);
        return writeFileAtomically(path, text);
    }).then(this, [this, path](const QString &error) { Q_EMIT exported(path, error); });
}

} // namespace tributary::ui
