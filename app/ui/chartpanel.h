// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QColor>
#include <QWidget>

#include "chartexport.h"
#include "statstablemodel.h"

class QAbstractSeries;
class QChart;
class QChartView;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace tributary::ui {

// One chart with its title, axis titles and an empty state, fed from a StatsTableModel through
// a model mapper (the table's series become bar sets or lines). Saves itself as PNG or SVG
// from its button, its context menu or Ctrl+S while it has focus.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Shape {
        Columns, // vertical bars, one group per row
        Bars, // horizontal bars, first row on top (for long labels); the model holds
              // the rows as drawn, bottom up
        StackedBars, // horizontal, the series stacked
        Lines, // series 0 is x; every further series a line
    };
    struct Spec {
        QString title;
        Shape shape = Shape::Columns;
        QString categoryTitle; // the axis of the rows (x for lines)
        QString valueTitle;
        QString emptyText; // shown instead of a chart with nothing to draw
        QString fileName; // suggested, without suffix
        std::vector<QColor> colours; // per series; empty: the theme's
    };

    explicit ChartPanel(Spec spec, QWidget *parent = nullptr);

    void setTable(StatsTable table);
    // Renames the chart (its drawing, its empty state and saved files).
    void setTitle(const QString &title);
    const StatsTableModel &model() const { return *m_model; }
    QChart &chart() const { return *m_chart; }
    QChartView &view() const { return *m_view; }
    const Spec &spec() const { return m_spec; }
    // False while the empty state is shown.
    bool showsChart() const;

    // Renders now and writes on a worker; emits saved() when the file is in place.
    void saveTo(const QString &path);
    // Asks for a file name, then saves.
    void chooseFileAndSave(ChartFormat format);

Q_SIGNALS:
    void saved(const QString &path, const QString &error);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void buildSeries();
    void updateAxes();

    Spec m_spec;
    StatsTableModel *m_model;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_empty;
    QLabel *m_emptyTitle;
    QStackedWidget *m_stack;
    QToolButton *m_save;
};

} // namespace tributary::ui
