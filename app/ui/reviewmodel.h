// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "tributary/userdata/reviewnotes.h"

namespace tributary::ui {

class ReviewStore;

// The review notes of the open catalog as a table (asset, status, comment, reviewer, when,
// as of), one row per note, following the store: one note changed updates one row. Sorting
// and the status filter are a QSortFilterProxyModel's, on SortRole and StatusRole.
class ReviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        AssetColumn,
        StatusColumn,
        CommentColumn,
        ReviewerColumn,
        WhenColumn,
        AsOfColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the value to sort by: seconds, import number, text
        StatusRole, // reviewStatusName: "reviewed", "needs-work"
    };

    explicit ReviewModel(ReviewStore *store, QObject *parent = nullptr);

    const ReviewNote &noteAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void readAll();
    void updateNote(const Ref &asset);
    QVariant display(const ReviewNote &note, int column) const;
    QVariant sortValue(const ReviewNote &note, int column) const;

    ReviewStore *m_store;
    std::vector<ReviewNote> m_rows;
};

// "reviewed", "needs work", for people.
QString reviewStatusText(ReviewStatus status);
// "import 4", or "—" when the note knows no import.
QString reviewAsOfText(const ReviewNote &note);

} // namespace tributary::ui
