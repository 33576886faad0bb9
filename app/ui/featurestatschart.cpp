// SPDX-License-Identifier: Apache-2.0
#include "featurestatschart.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "chartpanel.h"
#include "charttables.h"
#include "kindnames.h"

namespace tributary::ui {
namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString statisticsSummary(const FeatureStats &stats)
{
    QStringList parts;
    if (stats.count)
        parts << FeatureStatsChart::tr("%1 values").arg(number(*stats.count));
    if (stats.nullFraction)
        parts << FeatureStatsChart::tr("%1% null")
                     .arg(QLocale().toString(*stats.nullFraction * 100, 'f', 1));
    if (stats.mean)
        parts << FeatureStatsChart::tr("mean %1").arg(number(*stats.mean));
    if (stats.min)
        parts << FeatureStatsChart::tr("min %1").arg(number(*stats.min));
    if (stats.max)
        parts << FeatureStatsChart::tr("max %1").arg(number(*stats.max));
    return parts.join(QStringLiteral(" · "));
}

FeatureStatsChart::FeatureStatsChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new ChartPanel({tr("Distribution"), ChartPanel::Shape::Columns, tr("Bucket"),
          tr("Rows"), tr("The statistics have no histogram."), QStringLiteral("histogram"),
          {kindColour(ResourceKind::Feature)}}))
    , m_summary(new QLabel)
{
    // Small enough to leave the documentation most of the tab at the default window size.
    m_chart->setMinimumSize(360, 210);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_summary->setMargin(6);
    m_summary->setAccessibleName(tr("Statistics summary"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 4);
    layout->setSpacing(0);
    layout->addWidget(m_chart);
    layout->addWidget(m_summary);
    setMaximumHeight(270);
    hide();
}

void FeatureStatsChart::showResource(const StoredResource &stored)
{
    const FeatureSpec *feature = stored.resource.as<FeatureSpec>();
    m_has = feature && feature->stats;
    if (!m_has) {
        clear();
        return;
    }
    const FeatureStats &stats = *feature->stats;
    const QString name = QString::fromStdString(stored.resource.ref.shortString());
    m_chart->setTitle(tr("Distribution of %1").arg(name));
    m_chart->setTable(histogramTable(stats));
    m_chart->setVisible(!stats.histogram.empty());
    const QString summary = statisticsSummary(stats);
    m_summary->setText(summary.isEmpty() ? tr("No summary statistics.") : summary);
    show();
}

void FeatureStatsChart::clear()
{
    m_has = false;
    hide();
}

QString FeatureStatsChart::summaryText() const
{
    return m_summary->text();
}

} // namespace tributary::ui
