#include "stats/summarystats.h"

#include "stats/statistic.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

PercentileRanks percentileRanks(std::size_t n, double q)
{
    const double position = q * static_cast<double>(n - 1);
    PercentileRanks ranks;
    ranks.lower = static_cast<std::size_t>(std::floor(position));
    ranks.upper = std::min(ranks.lower + 1, n - 1);
    ranks.fraction = position - static_cast<double>(ranks.lower);
    return ranks;
}

double interpolatePercentile(double a, double b, double fraction)
{
    // numpy's _lerp: interpolate from the nearer end, which keeps the result exact at
    // fraction 0 and 1 and monotonic in between.
    return fraction >= 0.5 ? b - (b - a) * (1.0 - fraction) : a + (b - a) * fraction;
}

double percentileOfSorted(const std::vector<double>& sorted, double q)
{
    if (sorted.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const PercentileRanks ranks = percentileRanks(sorted.size(), q);
    return interpolatePercentile(sorted[ranks.lower], sorted[ranks.upper], ranks.fraction);
}

double compensatedMean(const std::vector<double>& values)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    double compensation = 0;
    for (const double v : values) {
        const double y = v - compensation;
        const double t = sum + y;
        compensation = (t - sum) - y;
        sum = t;
    }
    return sum / static_cast<double>(values.size());
}

void sortIfNeeded(std::vector<double>& values)
{
    if (!std::is_sorted(values.begin(), values.end()))
        std::sort(values.begin(), values.end());
}

SummaryStats summarize(std::vector<double>& values)
{
    SummaryStats s;
    s.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        s.mean = s.median = s.p90 = s.p95 = s.p99 = s.min = s.max = s.stddev = nan;
        return s;
    }
    // Moments first, in data order (as pandas sums them), before the selection
    // below reorders the values.
    s.mean = compensatedMean(values);
    double squares = 0;
    for (const double v : values)
        squares += (v - s.mean) * (v - s.mean);
    s.stddev = values.size() > 1 ? std::sqrt(squares / static_cast<double>(values.size() - 1))
                                 : std::numeric_limits<double>::quiet_NaN();
    // Only a few order statistics are needed: select them in ascending order, each
    // within what is left above the previous one (linear, where a sort is n log n).
    std::vector<std::size_t> ranks;
    for (const StatisticInfo& statistic : allStatistics()) {
        if (std::isnan(statistic.quantile))
            continue;
        const PercentileRanks around = percentileRanks(values.size(), statistic.quantile);
        ranks.push_back(around.lower);
        ranks.push_back(around.upper);
    }
    std::sort(ranks.begin(), ranks.end());
    auto from = values.begin();
    for (const std::size_t rank : ranks) {
        const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank);
        if (nth >= from) {
            std::nth_element(from, nth, values.end());
            from = nth + 1;
        }
    }
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    s.min = *minIt;
    s.max = *maxIt;
    // Every rank percentileOfSorted reads now holds its sorted value.
    const auto percentile
        = [&](Statistic statistic) { return percentileOfSorted(values, statisticInfo(statistic).quantile); };
    s.median = percentile(Statistic::Median);
    s.p90 = percentile(Statistic::P90);
    s.p95 = percentile(Statistic::P95);
    s.p99 = percentile(Statistic::P99);
    return s;
}

} // namespace te
