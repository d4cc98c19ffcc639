#pragma once

#include "stats/distribution.h"
#include "stats/significance.h"
#include "stats/statistic.h"
#include "stats/summarystats.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// What a chart shows, as the user chose it in the charts view or on the CLI.
struct ChartRequest
{
    enum class Kind
    {
        Box,
        Bar,
        Stacked,
        Histogram,
        Trend
    };
    Kind kind = Kind::Box;
    QStringList groupBy { QStringLiteral("model") }; ///< one or two field names
    QString metric = QStringLiteral("total");
    Statistic statistic = Statistic::Median;
    bool logScale = false;
    int bins = 0; ///< histogram; 0: Freedman–Diaconis
    std::optional<double> targetSeconds;
    int bootstrapResamples = 2000;
};

QString kindName(ChartRequest::Kind kind);
std::optional<ChartRequest::Kind> kindFromName(const QString& name);

/// One group of a chart: its runs and what every chart kind draws for it.
struct ChartGroup
{
    QString label;
    std::vector<std::uint32_t> runs; ///< the group's runs with a value for the metric
    SummaryStats summary; ///< every statistic of allStatistics()
    BoxStats box;
    ConfidenceInterval statistic; ///< the chosen statistic with its bootstrap CI (bar chart)
    double shareUnderTarget = std::numeric_limits<double>::quiet_NaN();
    /// Stacked bars: the mean seconds of each child node, in `ChartData::parts` order.
    std::vector<double> partMeans;
    std::vector<TrendPoint> trend; ///< decimated points for drawing
    std::vector<TrendPoint> trendMedian; ///< rolling median, decimated
};

/// Everything a chart needs, computed in core from the filtered runs: quartiles,
/// bootstrap intervals, histogram bins, part means, decimated trends. Charts are
/// fed these aggregates, never the raw runs.
struct ChartData
{
    ChartRequest request;
    int metric = -1;
    std::vector<ChartGroup> groups;
    QStringList parts; ///< stacked: the metric's child node names (or phases of total)
    Histogram histogram; ///< histogram: common bins, one count series per group
    QString error; ///< set when the request names an unknown field or metric
};

/// Computes the chart data for `runs` of `data`. Runs without a value for the
/// metric are left out of every group. Bootstrap intervals are computed only for
/// the bar chart (they are the expensive part).
ChartData computeChartData(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const ChartRequest& request);

/// The runs of `group` a click selected: a histogram bin's runs, or all of them.
std::vector<std::uint32_t> runsInBin(const TimingDataset& data, const ChartData& chart, int group, int bin);
/// The histogram bin `x` falls in, or -1 outside the bins.
int histogramBinAt(const ChartData& chart, double x);
/// The runs of `group` a click at `ms` on its trend selected: those within one
/// drawn bucket's width of that time.
std::vector<std::uint32_t> runsAroundTime(
    const TimingDataset& data, const ChartData& chart, int group, double ms);

} // namespace te
