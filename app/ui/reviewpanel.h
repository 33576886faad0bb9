// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

#include "tributary/model/ref.h"

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace tributary::ui {

class ReviewModel;
class ReviewStore;

// The Review view: every review note of the open catalog in a sortable table, filtered by
// status; Enter or a double-click opens the asset. Exports the notes as CSV or Markdown,
// written on a worker to a temporary file that is then renamed.
class ReviewPanel : public QDockWidget
{
    Q_OBJECT
public:
    enum class Format { Csv, Markdown };

    explicit ReviewPanel(ReviewStore *store, QWidget *parent = nullptr);

    ReviewModel &model() { return *m_model; }
    QSortFilterProxyModel &proxy() { return *m_proxy; }
    QTableView &view() { return *m_view; }
    // Shows every note (-1), or those of one status.
    void setStatusFilter(int status);
    // Asks for a file name, then exports.
    void exportAs(Format format);
    // Writes the notes to `path` in the background; emits exported when done.
    void exportTo(Format format, const QString &path);
    QString statusText() const;

Q_SIGNALS:
    void openRequested(const tributary::Ref &asset);
    // `error` is empty when `path` was written.
    void exported(const QString &path, const QString &error);

private:
    void updateSummary();

    ReviewStore *m_store;
    ReviewModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QComboBox *m_filter;
    QLabel *m_summary;
    QLabel *m_problems;
    QTableView *m_view;
    QString m_message;
};

} // namespace tributary::ui
