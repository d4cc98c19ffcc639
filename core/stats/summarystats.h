#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace te {

/// Sorts `values` ascending; only checks when they already are, as the charts'
/// groups are (sorted once, then read by every statistic).
void sortIfNeeded(std::vector<double>& values);

/// Percentile of sorted values (or values where the two ranks around the
/// percentile hold their sorted values) by linear interpolation between the closest ranks
/// (numpy's default "linear" method, pandas' `quantile`). `q` in [0, 1]. NaN when
/// `sorted` is empty.
double percentileOfSorted(const std::vector<double>& sorted, double q);

/// The two ranks (0-based, in ascending order) percentileOfSorted reads for `q` among
/// `n` > 0 values, and how far the percentile lies from the lower towards the upper.
struct PercentileRanks
{
    std::size_t lower = 0;
    std::size_t upper = 0;
    double fraction = 0;
};
PercentileRanks percentileRanks(std::size_t n, double q);
/// The percentile between the values at those ranks, `a` at the lower and `b` at the
/// upper, as percentileOfSorted gives it.
double interpolatePercentile(double a, double b, double fraction);

/// Descriptive statistics of one sample, as pandas' describe() would give them.
/// stats/statistic.h names them, orders them and says which are reliable.
struct SummaryStats
{
    std::int64_t n = 0;
    double mean = 0;
    double median = 0;
    double p90 = 0;
    double p95 = 0;
    double p99 = 0;
    double min = 0;
    double max = 0;
    double stddev = 0; ///< sample standard deviation (n − 1); NaN for n < 2
};

/// The mean by compensated (Kahan) summation in the order given: agrees with numpy
/// and pandas to about 1e-15 relative. NaN for no values.
double compensatedMean(const std::vector<double>& values);

/// Summarises `values`, reordering them (partially sorted, not sorted). All fields
/// are NaN when empty.
SummaryStats summarize(std::vector<double>& values);

} // namespace te
