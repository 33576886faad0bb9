// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

#include "tributary/store/storetypes.h"

class QLabel;

namespace tributary::ui {

class ChartPanel;

// Under a feature's or label's documentation: its `stats` histogram as bars and a summary line
// (count, nulls, mean, min, max). Hidden for every other resource and for those without stats.
class FeatureStatsChart : public QWidget
{
    Q_OBJECT
public:
    explicit FeatureStatsChart(QWidget *parent = nullptr);

    // Shows the statistics of `stored`, or hides itself when it has none.
    void showResource(const StoredResource &stored);
    // Hides itself (another kind of page is shown).
    void clear();
    bool hasStatistics() const { return m_has; }
    ChartPanel &chart() const { return *m_chart; }
    QString summaryText() const;

private:
    ChartPanel *m_chart;
    QLabel *m_summary;
    bool m_has = false;
};

// "1,284,512 values · 37.1% null · mean 58.9 · min 0.5 · max 4,999": the parts the stats have.
QString statisticsSummary(const FeatureStats &stats);

} // namespace tributary::ui
