#pragma once

#include "stats/distribution.h"
#include "stats/paireddata.h"
#include "stats/significance.h"
#include "stats/statistic.h"
#include "stats/summarystats.h"
#include "stats/trendaxis.h"
#include "util/axisticks.h"

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
        Trend,
        Ecdf, ///< one empirical CDF step line per group
        Paired ///< one line per registration across the groups it ran in
    };
    Kind kind = Kind::Box;
    QStringList groupBy { QStringLiteral("model") }; ///< one or two field names
    QString metric = QStringLiteral("total");
    Statistic statistic = Statistic::Median;
    bool logScale = false;
    bool percent = false; ///< stacked: each group's parts as a percent of their sum
    int bins = 0; ///< histogram; 0: fair to every group (fairBinCount)
    std::optional<double> targetSeconds;
    int bootstrapResamples = 2000;
    /// Trend: the x axis, "time" (kTrendXTime), "order" (kTrendXOrder) or a field's name.
    QString trendX = QLatin1String(kTrendXTime);
};

QString kindName(ChartRequest::Kind kind);
std::optional<ChartRequest::Kind> kindFromName(const QString& name);
/// "box, bar, stacked, histogram, trend, ecdf or paired", for usage messages.
QString kindNameList();

/// One run drawn as a point beside its group's box: its value and a horizontal
/// offset in [-0.3, 0.3] of the group's width, deterministic for the run (a strip
/// that looks the same on every redraw and in every export).
struct ChartPoint
{
    std::uint32_t run = 0;
    double value = 0;
    double offset = 0;
};

/// Groups up to this many runs show every run as a point; larger ones show the
/// box and its outliers only.
constexpr std::size_t kMaxPointsPerGroup = 2000;

/// One group of a chart: its runs and what every chart kind draws for it.
struct ChartGroup
{
    QString label;
    std::vector<std::uint32_t> runs; ///< the group's runs with a value for the metric
    SummaryStats summary; ///< every statistic of allStatistics()
    BoxStats box;
    /// The chosen statistic with its bootstrap 95 % CI: drawn by the bar chart,
    /// and the CI column of the statistics table beside every kind.
    ConfidenceInterval statistic;
    double shareUnderTarget = std::numeric_limits<double>::quiet_NaN();
    /// Stacked bars: the mean seconds of each child node, in `ChartData::parts` order.
    std::vector<double> partMeans;
    /// Trend: the group's drawn runs, ascending by x (see ChartData::trendAxis), then
    /// decimated for drawing (decimateForDisplay); trendPointsIn re-decimates a zoom.
    /// On a field's axis, a run's x is its category's ± 0.15, as in a box's strip.
    std::vector<TrendPoint> trend;
    std::vector<TrendPoint> trendMedian; ///< rolling median along x, decimated
    /// Box plots: every run (ascending by value) when there are at most
    /// kMaxPointsPerGroup, else none.
    std::vector<ChartPoint> points;
    std::vector<EcdfStep> ecdf; ///< ECDF charts: the steps to draw
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
    PairedData paired; ///< paired charts: the registrations that ran in two or more groups
    /// The axis of seconds every kind but the trend's time axis draws on: linear
    /// (from 0 for bars and stacked parts) or log, with labelled ticks in time units.
    ValueAxis valueAxis;
    /// Trend: the x axis (time with long gaps compressed, run order, or a field's
    /// values), whose `missing` counts the runs it cannot place and so leaves out.
    TrendAxis trendAxis;
    /// Groups left out because there were too many to draw (the largest are kept).
    int omittedGroups = 0;
    QString error; ///< set when the request names an unknown field or metric
};

/// At most this many groups are drawn; with more (grouping by registration_id by
/// mistake), the ones with the most runs are kept and the rest counted in
/// ChartData::omittedGroups.
constexpr std::size_t kMaxChartGroups = 30;

/// Computes the chart data for `runs` of `data`. Runs without a value for the
/// metric are left out of every group.
ChartData computeChartData(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const ChartRequest& request);

/// A stacked group's parts as percentages of their sum (which is 100), in
/// ChartData::parts order; all 0 when the parts sum to 0.
std::vector<double> partShares(const ChartGroup& group);

/// The runs of `group` a click selected: a histogram bin's runs, or all of them.
std::vector<std::uint32_t> runsInBin(const TimingDataset& data, const ChartData& chart, int group, int bin);
/// The histogram bin `x` falls in, or -1 outside the bins.
int histogramBinAt(const ChartData& chart, double x);
/// The runs of `group` a click at `x` on its trend selected: those drawn within
/// `halfWidth` of it on the trend's x axis.
std::vector<std::uint32_t> runsNearTrendX(
    const TimingDataset& data, const ChartData& chart, int group, double x, double halfWidth);
/// The points of `group`'s trend within [lo, hi] on its x axis, decimated to as
/// many as the whole trend draws: what a zoomed-in view shows instead of the
/// points decimated over the whole axis. All of them when the trend was not
/// decimated. O(runs of the group).
std::vector<TrendPoint> trendPointsIn(
    const TimingDataset& data, const ChartData& chart, int group, double lo, double hi);

} // namespace te
