// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>

#include <QWidget>

#include "tributary/report/catalogstats.h"

class QGridLayout;
class QLabel;
class QStackedWidget;

namespace tributary::ui {

class CatalogSession;
class ChartPanel;

// The catalog at a glance: what it holds, how features are reused, how it grew, how many
// versions names have, and which models pii reaches. Core counts (CatalogStatistics); this
// view only draws. It asks the session for the numbers when shown after they went stale.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    enum Chart { Kinds, Stages, Reuse, ReuseDistribution, Growth, Versions, Exposure, ChartCount };
    static constexpr int kTop = 10; // bars in the top-N charts

    explicit DashboardView(CatalogSession *session, QWidget *parent = nullptr);

    // The numbers no longer hold (another as-of point, catalog or policy): asked for again now
    // if the dashboard is shown, else when it next is.
    void invalidate();
    void setStatistics(const CatalogStatistics &statistics);
    const CatalogStatistics &statistics() const { return m_statistics; }
    ChartPanel &chart(Chart which) const { return *m_charts[which]; }
    // True while it says the catalog is empty (or not read yet) instead of showing charts.
    bool showsEmptyState() const;
    QString headerText() const;

Q_SIGNALS:
    // A chart was saved (error empty) or could not be.
    void chartSaved(const QString &path, const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void request();
    void relayout();

    CatalogSession *m_session;
    CatalogStatistics m_statistics;
    QLabel *m_header;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QGridLayout *m_grid;
    std::array<ChartPanel *, ChartCount> m_charts{};
    int m_columns = 0;
    bool m_stale = true;
};

} // namespace tributary::ui
