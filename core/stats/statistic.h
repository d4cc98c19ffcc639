#pragma once

#include "stats/summarystats.h"

#include <QString>
#include <QStringView>
#include <cstdint>
#include <optional>
#include <span>

namespace te {

/// Every statistic of a summary, in the order tables, exports and the CLI list
/// them. The values index allStatistics().
enum class Statistic
{
    N,
    Mean,
    Median,
    P90,
    P95,
    P99,
    Min,
    Max,
    StdDev
};
inline constexpr int kStatisticCount = static_cast<int>(Statistic::StdDev) + 1;

/// One row of the statistics table: what the stats table, the charts, the CLI and
/// the CSV export need to know of a statistic.
struct StatisticInfo
{
    Statistic id;
    const char* name; ///< machine name: CLI columns, JSON keys, CSV headers ("p95")
    const char* label; ///< as the window shows it ("P95"), before translation
    double (*value)(const SummaryStats&); ///< its figure in a summary; n as a double
    bool isCount; ///< a number of runs, not a duration: no unit, written as an integer
    double quantile; ///< a percentile's fraction (0.95 for P95); NaN for the others
    std::int64_t reliableFrom; ///< fewer runs than this make the figure rough; 0: always reliable
    int chartPosition; ///< its place in the bar chart's choice (0: the default); -1: not charted
};

/// The table, in Statistic order.
std::span<const StatisticInfo> allStatistics();
const StatisticInfo& statisticInfo(Statistic statistic);

/// Its machine name, as the CLI and the CSV export spell it.
QString statisticName(Statistic statistic);
/// The label, translated in the "te::Statistic" context.
QString statisticLabel(Statistic statistic);
/// The statistic whose machine name is exactly `name`.
std::optional<Statistic> statisticNamed(QStringView name);

double statisticValue(const SummaryStats& stats, Statistic statistic);
/// True when `stats` has too few runs for the statistic (a tail percentile) to
/// mean much; the figure is still given.
bool isUnreliable(const SummaryStats& stats, Statistic statistic);

/// The statistics a bar chart can show (the mean and the percentiles: one value per
/// bootstrap resample), in the order the window offers them, the default first.
/// statisticOf() and bootstrapCI() take only these.
std::span<const Statistic> chartStatistics();
/// The chart statistic named `name` in any case; nullopt for the others.
std::optional<Statistic> chartStatisticFromName(QStringView name);

} // namespace te
