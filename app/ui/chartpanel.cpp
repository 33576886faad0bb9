// SPDX-License-Identifier: Apache-2.0
#include "chartpanel.h"

#include <algorithm>
#include <cmath>

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include "filewriting.h"
#include "iothreads.h"

namespace tributary::ui {
namespace {

// A step of 1, 2 or 5 times a power of ten that cuts [0, top] into at most `ticks` parts.
double niceStep(double top, int ticks)
{
    if (top <= 0)
        return 1;
    const double raw = top / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= factor * power)
            return std::max(1.0, factor * power);
    }
    return std::max(1.0, 10 * power);
}

// A value axis from 0 to a round number above `top`, with whole-number labels.
void fitValueAxis(QValueAxis &axis, double top, double from = 0)
{
    const double step = niceStep(top - from, 5);
    axis.setTickType(QValueAxis::TicksDynamic);
    axis.setTickAnchor(from);
    axis.setTickInterval(step);
    axis.setRange(from, from + step * std::max(1.0, std::ceil((top - from) / step)));
    axis.setLabelFormat(QStringLiteral("%d"));
}

} // namespace

ChartPanel::ChartPanel(Spec spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(std::move(spec))
    , m_model(new StatsTableModel(this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart))
    , m_empty(new QLabel(m_spec.emptyText))
    , m_emptyTitle(new QLabel(m_spec.title))
    , m_stack(new QStackedWidget)
    , m_save(new QToolButton)
{
    setMinimumSize(420, 300);
    m_chart->setTitle(m_spec.title);
    QFont titleFont = m_chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_chart->setTitleFont(titleFont);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setAccessibleName(m_spec.title);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); font-size: 13px; }"));
    m_empty->setAccessibleName(m_spec.title);

    // The empty state keeps the chart's title, so the grid reads the same either way.
    auto *emptyPage = new QWidget;
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    m_emptyTitle->setFont(titleFont);
    m_emptyTitle->setAlignment(Qt::AlignHCenter);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_empty, 1);
    m_stack->addWidget(m_view);
    m_stack->addWidget(emptyPage);
    m_stack->setCurrentIndex(1);
    emptyPage->setFocusPolicy(Qt::StrongFocus); // the panel takes focus in either state
    setFocusProxy(emptyPage);

    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save this chart as PNG or SVG (Ctrl+S while it has focus)"));
    m_save->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_save);
    menu->addAction(tr("As &PNG image…"), this, [this] { chooseFileAndSave(ChartFormat::Png); });
    menu->addAction(tr("As &SVG drawing…"), this, [this] { chooseFileAndSave(ChartFormat::Svg); });
    m_save->setMenu(menu);
    m_save->setEnabled(false);
    auto *saveShortcut = new QAction(this);
    saveShortcut->setShortcut(QKeySequence::Save);
    saveShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QAction::triggered, this, [this] {
        if (showsChart())
            chooseFileAndSave(ChartFormat::Png);
    });
    addAction(saveShortcut);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stack, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_save);
    layout->addLayout(row);
    buildSeries();
}

void ChartPanel::setTitle(const QString &title)
{
    m_spec.title = title;
    m_chart->setTitle(title);
    m_emptyTitle->setText(title);
    m_view->setAccessibleName(title);
}

bool ChartPanel::showsChart() const
{
    return m_stack->currentWidget() == m_view;
}

void ChartPanel::buildSeries()
{
    if (m_spec.shape == Shape::Lines)
        return; // one line per series, made when the table's series are known
    QAbstractBarSeries *series = nullptr;
    switch (m_spec.shape) {
    case Shape::Columns: series = new QBarSeries; break;
    case Shape::Bars: series = new QHorizontalBarSeries; break;
    default: series = new QHorizontalStackedBarSeries; break;
    }
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(m_spec.shape == Shape::StackedBars
            ? QAbstractBarSeries::LabelsCenter
            : QAbstractBarSeries::LabelsOutsideEnd);
    m_chart->addSeries(series);
    auto *mapper = new QVBarModelMapper(this);
    mapper->setSeries(series);
    mapper->setFirstBarSetColumn(1);
    mapper->setLastBarSetColumn(1);
    mapper->setModel(m_model);
    const bool vertical = m_spec.shape == Shape::Columns;
    auto *categories = new QBarCategoryAxis;
    auto *values = new QValueAxis;
    categories->setTitleText(m_spec.categoryTitle);
    values->setTitleText(m_spec.valueTitle);
    categories->setTruncateLabels(false); // a feature's name cut to "..." says nothing
    m_chart->addAxis(categories, vertical ? Qt::AlignBottom : Qt::AlignLeft);
    m_chart->addAxis(values, vertical ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    // The mapper reads the bar sets from the model's columns; the axes follow the rows.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, mapper, series] {
        mapper->setLastBarSetColumn(m_model->seriesCount());
        const auto sets = series->barSets();
        // Labels past a bar's end on the chart's background; inside a stacked bar on its colour.
        const QColor label = m_spec.shape == Shape::StackedBars ? QColor(Qt::white)
                                                                : palette().color(QPalette::Text);
        for (int i = 0; i < int(sets.size()); ++i) {
            sets[i]->setLabelColor(label);
            if (i < int(m_spec.colours.size()))
                sets[i]->setColor(m_spec.colours[std::size_t(i)]);
        }
    });
}

void ChartPanel::setTable(StatsTable table)
{
    if (m_spec.shape == Shape::Lines && m_chart->series().isEmpty()) {
        auto *x = new QValueAxis;
        auto *y = new QValueAxis;
        x->setTitleText(m_spec.categoryTitle);
        y->setTitleText(m_spec.valueTitle);
        m_chart->addAxis(x, Qt::AlignBottom);
        m_chart->addAxis(y, Qt::AlignLeft);
        for (int s = 1; s < int(table.series.size()); ++s) {
            auto *line = new QLineSeries;
            line->setName(table.series[s]);
            line->setPointsVisible(true); // one import is one point, not an invisible line
            if (s - 1 < int(m_spec.colours.size()))
                line->setColor(m_spec.colours[std::size_t(s - 1)]);
            m_chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            auto *mapper = new QVXYModelMapper(this);
            mapper->setXColumn(1);
            mapper->setYColumn(1 + s);
            mapper->setSeries(line);
            mapper->setModel(m_model);
        }
    }
    const bool horizontal = m_spec.shape == Shape::Bars || m_spec.shape == Shape::StackedBars;
    if (horizontal) {
        // Qt Charts draws horizontal bars bottom up (and ignores a reversed category axis):
        // the rows go in reversed, so the first row is on top.
        std::reverse(table.rows.begin(), table.rows.end());
        // Room for every label: Qt Charts leaves out those that would overlap.
        setMinimumHeight(std::max(300, 120 + 24 * int(table.rows.size())));
    }
    m_model->setTable(std::move(table));
    updateAxes();
    const bool blank = m_model->isBlank();
    m_stack->setCurrentIndex(blank ? 1 : 0);
    const bool focused = m_stack->isAncestorOf(QApplication::focusWidget());
    setFocusProxy(m_stack->currentWidget());
    if (focused)
        m_stack->currentWidget()->setFocus(Qt::OtherFocusReason);
    m_save->setEnabled(!blank);
}

void ChartPanel::updateAxes()
{
    const StatsTable &table = m_model->table();
    double top = 0;
    for (const StatsTable::Row &row : table.rows) {
        if (m_spec.shape == Shape::StackedBars) {
            double sum = 0;
            for (double value : row.values)
                sum += value;
            top = std::max(top, sum);
        } else {
            const auto first = row.values.begin() + (m_spec.shape == Shape::Lines ? 1 : 0);
            if (first < row.values.end())
                top = std::max(top, *std::max_element(first, row.values.end()));
        }
    }
    if (m_spec.shape == Shape::StackedBars || m_spec.shape == Shape::Bars)
        top *= 1.12; // room for the value labels past the bars' ends
    else if (m_spec.shape == Shape::Columns)
        top *= 1.08;
    for (QAbstractAxis *axis : m_chart->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList labels;
            for (const StatsTable::Row &row : table.rows)
                labels.push_back(row.label);
            categories->setCategories(labels);
        } else if (auto *values = qobject_cast<QValueAxis *>(axis)) {
            const bool x = m_spec.shape == Shape::Lines && axis->alignment() == Qt::AlignBottom;
            if (!x) {
                fitValueAxis(*values, top);
                continue;
            }
            // Imports: a whole-number scale from the first to the last.
            const double first = table.rows.empty() ? 1 : table.rows.front().values.front();
            const double last = table.rows.empty() ? 1 : table.rows.back().values.front();
            fitValueAxis(*values, std::max(last, first + 1), first);
        }
    }
    // A legend only where there are several series to tell apart; lines with nothing hidden.
    m_chart->legend()->setVisible(table.series.size() > (m_spec.shape == Shape::Lines ? 2 : 1));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    if (m_spec.shape == Shape::Lines) {
        const auto lines = m_chart->series();
        for (int s = 0; s < int(lines.size()); ++s) {
            bool any = false;
            for (const StatsTable::Row &row : table.rows)
                any = any || row.values[std::size_t(s + 1)] != 0;
            lines[s]->setVisible(any);
            for (auto *marker : m_chart->legend()->markers(lines[s]))
                marker->setVisible(any);
        }
    }
}

void ChartPanel::saveTo(const QString &path)
{
    const auto format = chartFormatFor(path);
    if (!format) {
        Q_EMIT saved(path, tr("Choose a file name ending in .png or .svg: %1").arg(path));
        return;
    }
    // Painting is the UI thread's; the disk is a worker's.
    const QByteArray bytes = renderChart(*m_view, *format, m_spec.title);
    QtConcurrent::run(&ioThreads(), [path, bytes] {
        return writeFileAtomically(path, std::string_view(bytes.constData(), std::size_t(bytes.size())));
    }).then(this, [this, path](const QString &error) { Q_EMIT saved(path, error); });
}

void ChartPanel::chooseFileAndSave(ChartFormat format)
{
    const bool svg = format == ChartFormat::Svg;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save the chart “%1”").arg(m_spec.title),
            m_spec.fileName + (svg ? QStringLiteral(".svg") : QStringLiteral(".png")),
            svg ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)"));
    if (!path.isEmpty())
        saveTo(path);
}

void ChartPanel::contextMenuEvent(QContextMenuEvent *event)
{
    if (!showsChart())
        return;
    QMenu menu(this);
    menu.addAction(tr("Save as &PNG…"), this, [this] { chooseFileAndSave(ChartFormat::Png); });
    menu.addAction(tr("Save as &SVG…"), this, [this] { chooseFileAndSave(ChartFormat::Svg); });
    menu.exec(event->globalPos());
}

} // namespace tributary::ui
