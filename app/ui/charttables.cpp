// SPDX-License-Identifier: Apache-2.0
#include "charttables.h"

#include <QCoreApplication>

#include "kindnames.h"

namespace tributary::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChartTables", text);
}

QString shortRef(const Ref &ref)
{
    return QString::fromStdString(ref.shortString());
}

// A count -> count distribution, every count from the smallest to the largest shown (a gap is a
// bar of 0, so the axis reads as a scale).
StatsTable distribution(
    const std::map<std::size_t, std::size_t> &counts, const QString &label, const QString &series)
{
    StatsTable table{label, {series}, {}};
    if (counts.empty())
        return table;
    for (std::size_t n = counts.begin()->first; n <= counts.rbegin()->first; ++n) {
        const auto found = counts.find(n);
        const double count = found == counts.end() ? 0 : double(found->second);
        table.rows.push_back({QString::number(n), {count}});
    }
    return table;
}

} // namespace

StatsTable kindTable(const CatalogStatistics &stats)
{
    StatsTable table{tr("Kind"), {tr("Resources")}, {}};
    for (const auto &[kind, count] : stats.byKind)
        table.rows.push_back({kindListName(kind), {double(count)}});
    return table;
}

StatsTable stageTable(const CatalogStatistics &stats)
{
    StatsTable table{tr("Stage"), {tr("Models")}, {}};
    for (const auto &[stage, count] : stats.modelsByStage)
        table.rows.push_back({fromView(stageName(stage)), {double(count)}});
    return table;
}

StatsTable reuseTable(const CatalogStatistics &stats, int top)
{
    StatsTable table{tr("Feature"), {tr("Training sets"), tr("Models")}, {}};
    for (const CatalogStatistics::FeatureReuse &feature : stats.reuse) {
        if (int(table.rows.size()) == top || feature.uses() == 0)
            break;
        table.rows.push_back(
            {shortRef(feature.feature), {double(feature.trainingSets), double(feature.models)}});
    }
    return table;
}

StatsTable reuseDistributionTable(const CatalogStatistics &stats)
{
    return distribution(stats.reuseDistribution, tr("Uses"), tr("Features"));
}

StatsTable growthTable(const CatalogStatistics &stats)
{
    StatsTable table{tr("Import"), {tr("Import")}, {}};
    for (ResourceKind kind : kAllKinds)
        table.series.push_back(kindListName(kind));
    for (const CatalogStatistics::GrowthPoint &point : stats.growth) {
        StatsTable::Row row{
            tr("#%1, %2").arg(point.import.value).arg(QString::fromStdString(point.at.toIso())),
            {double(point.import.value)}};
        for (ResourceKind kind : kAllKinds)
            row.values.push_back(double(point.present.at(kind)));
        table.rows.push_back(std::move(row));
    }
    return table;
}

StatsTable versionsTable(const CatalogStatistics &stats)
{
    return distribution(stats.versionsPerAsset, tr("Versions"), tr("Names"));
}

StatsTable exposureTable(const CatalogStatistics &stats, int top)
{
    StatsTable table{tr("Model"), {tr("Exposures")}, {}};
    for (const CatalogStatistics::ModelExposure &model : stats.piiExposure) {
        if (int(table.rows.size()) == top)
            break;
        table.rows.push_back({shortRef(model.model), {double(model.exposures)}});
    }
    return table;
}

StatsTable histogramTable(const FeatureStats &stats)
{
    StatsTable table{tr("Bucket"), {tr("Count")}, {}};
    for (const HistogramBucket &bucket : stats.histogram)
        table.rows.push_back({QString::fromStdString(bucket.bucket), {bucket.count}});
    return table;
}

} // namespace tributary::ui
