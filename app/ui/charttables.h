// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "statstablemodel.h"
#include "tributary/report/catalogstats.h"

namespace tributary::ui {

// Core's statistics as the dashboard's tables, one per chart, in core's order. Labels are what
// the axes show: kind list names, stage names, short refs.

// Rows: kinds. Series: resources present.
StatsTable kindTable(const CatalogStatistics &stats);
// Rows: stages. Series: models.
StatsTable stageTable(const CatalogStatistics &stats);
// Rows: the `top` most used features. Series: training sets, models.
StatsTable reuseTable(const CatalogStatistics &stats, int top);
// Rows: uses (0, 1, 2, ...). Series: features with that many uses.
StatsTable reuseDistributionTable(const CatalogStatistics &stats);
// Rows: imports. Series: the import number (x), then resources present per kind.
StatsTable growthTable(const CatalogStatistics &stats);
// Rows: version counts. Series: names with that many versions.
StatsTable versionsTable(const CatalogStatistics &stats);
// Rows: the `top` most exposed models. Series: exposures.
StatsTable exposureTable(const CatalogStatistics &stats, int top);
// Rows: the histogram's buckets. Series: values in the bucket.
StatsTable histogramTable(const FeatureStats &stats);

} // namespace tributary::ui
