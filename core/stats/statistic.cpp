#include "stats/statistic.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace te {

namespace {

constexpr double kNotAPercentile = std::numeric_limits<double>::quiet_NaN();
constexpr int kNotCharted = -1;

constexpr std::array<StatisticInfo, kStatisticCount> kStatistics { {
    { Statistic::N, "n", QT_TRANSLATE_NOOP("te::Statistic", "n"),
        [](const SummaryStats& s) { return static_cast<double>(s.n); }, true, kNotAPercentile, 0,
        kNotCharted },
    { Statistic::Mean, "mean", QT_TRANSLATE_NOOP("te::Statistic", "mean"),
        [](const SummaryStats& s) { return s.mean; }, false, kNotAPercentile, 0, 1 },
    { Statistic::Median, "median", QT_TRANSLATE_NOOP("te::Statistic", "median"),
        [](const SummaryStats& s) { return s.median; }, false, 0.5, 0, 0 },
    { Statistic::P90, "p90", QT_TRANSLATE_NOOP("te::Statistic", "P90"),
        [](const SummaryStats& s) { return s.p90; }, false, 0.9, 10, 2 },
    { Statistic::P95, "p95", QT_TRANSLATE_NOOP("te::Statistic", "P95"),
        [](const SummaryStats& s) { return s.p95; }, false, 0.95, 20, 3 },
    { Statistic::P99, "p99", QT_TRANSLATE_NOOP("te::Statistic", "P99"),
        [](const SummaryStats& s) { return s.p99; }, false, 0.99, 100, 4 },
    { Statistic::Min, "min", QT_TRANSLATE_NOOP("te::Statistic", "min"),
        [](const SummaryStats& s) { return s.min; }, false, kNotAPercentile, 0, kNotCharted },
    { Statistic::Max, "max", QT_TRANSLATE_NOOP("te::Statistic", "max"),
        [](const SummaryStats& s) { return s.max; }, false, kNotAPercentile, 0, kNotCharted },
    { Statistic::StdDev, "stddev", QT_TRANSLATE_NOOP("te::Statistic", "stddev"),
        [](const SummaryStats& s) { return s.stddev; }, false, kNotAPercentile, 0, kNotCharted },
} };

constexpr bool rowsFollowTheEnum()
{
    for (int i = 0; i < kStatisticCount; ++i) {
        if (static_cast<int>(kStatistics[static_cast<std::size_t>(i)].id) != i)
            return false;
    }
    return true;
}
static_assert(rowsFollowTheEnum(), "statisticInfo() indexes the table by Statistic");

} // namespace

std::span<const StatisticInfo> allStatistics()
{
    return kStatistics;
}

const StatisticInfo& statisticInfo(Statistic statistic)
{
    return kStatistics[static_cast<std::size_t>(statistic)];
}

QString statisticName(Statistic statistic)
{
    return QLatin1String(statisticInfo(statistic).name);
}

QString statisticLabel(Statistic statistic)
{
    return QCoreApplication::translate("te::Statistic", statisticInfo(statistic).label);
}

std::optional<Statistic> statisticNamed(QStringView name)
{
    for (const StatisticInfo& info : kStatistics) {
        if (name == QLatin1String(info.name))
            return info.id;
    }
    return std::nullopt;
}

double statisticValue(const SummaryStats& stats, Statistic statistic)
{
    return statisticInfo(statistic).value(stats);
}

bool isUnreliable(const SummaryStats& stats, Statistic statistic)
{
    return stats.n < statisticInfo(statistic).reliableFrom;
}

std::span<const Statistic> chartStatistics()
{
    static const std::vector<Statistic> charted = [] {
        std::vector<Statistic> ids;
        for (const StatisticInfo& info : kStatistics) {
            if (info.chartPosition != kNotCharted)
                ids.push_back(info.id);
        }
        std::sort(ids.begin(), ids.end(), [](Statistic a, Statistic b) {
            return statisticInfo(a).chartPosition < statisticInfo(b).chartPosition;
        });
        return ids;
    }();
    return charted;
}

std::optional<Statistic> chartStatisticFromName(QStringView name)
{
    for (const Statistic statistic : chartStatistics()) {
        if (name.compare(QLatin1String(statisticInfo(statistic).name), Qt::CaseInsensitive) == 0)
            return statistic;
    }
    return std::nullopt;
}

} // namespace te
