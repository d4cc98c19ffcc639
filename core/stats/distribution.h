#pragma once

#include <QtGlobal>
#include <cstdint>
#include <vector>

// The numbers behind distribution charts: box plots, histograms and trends over
// time. Every function here is pure and thread-safe; none keeps state.
namespace te {

/// A Tukey box plot, as matplotlib's boxplot (whis=1.5) draws it.
struct BoxStats
{
    std::int64_t n = 0; ///< values counted (NaN excluded)
    double min = 0;
    double q1 = 0;
    double median = 0;
    double q3 = 0;
    double max = 0;
    double lowerWhisker = 0; ///< the smallest value >= q1 - 1.5 IQR (q1 when there is none below q1)
    double upperWhisker = 0; ///< the largest value <= q3 + 1.5 IQR (q3 when there is none above q3)
    std::vector<double> outliers; ///< the values beyond the whiskers, ascending
};

/// Box-plot statistics of `values`. Quartiles are numpy's default (linear)
/// percentiles; whiskers and outliers follow matplotlib.cbook.boxplot_stats with
/// whis=1.5. NaN values are ignored. Without values, n is 0 and every number NaN.
BoxStats boxStats(std::vector<double> values);

/// Number of bins numpy.histogram_bin_edges(sortedValues, bins='fd') would use:
/// ceil((max - min) / (2 IQR n^(-1/3))), IQR by linear percentiles. Like numpy
/// (whose 'fd' has no fallback; only 'auto' falls back to Sturges), a zero IQR
/// gives 1 bin, as does an empty input. Unlike numpy, the result is capped at
/// `maxBins` (at least 1), so a long tail cannot ask for millions of bins.
/// `sortedValues` must be ascending and free of NaN.
int freedmanDiaconisBinCount(const std::vector<double>& sortedValues, int maxBins = 200);

/// Counts of several series over common bins.
struct Histogram
{
    std::vector<double> edges; ///< binCount + 1 ascending edges
    std::vector<std::vector<std::int64_t>> counts; ///< one row of binCount counts per series
    std::int64_t droppedNonPositive = 0; ///< values <= 0 left out of a log-scale histogram
};

/// Histogram of `series` over edges common to all of them.
///
/// Linear scale: the edges and counts are numpy.histogram's for each series with
/// `range` set to the min and max of all series pooled: equal-width bins, each
/// half-open [a, b) except the last, which also holds its right edge; when every
/// value is the same the range is widened by 0.5 on each side, and without values
/// it is [0, 1].
///
/// Log scale: values <= 0 are dropped and counted in droppedNonPositive; the edges
/// are evenly spaced in log10 between the smallest and largest positive value
/// (numpy.logspace), with the outer edges exactly those values; when they are
/// equal the range is widened by half a decade on each side, and without values it
/// is [1, 10]. Bins are half-open as in the linear case.
///
/// `binCount` <= 0 picks freedmanDiaconisBinCount() over all series pooled (over
/// log10 of the values for a log scale). NaN and infinite values are ignored.
Histogram histogram(const std::vector<std::vector<double>>& series, int binCount, bool logScale);

/// A bin count for histogram() over `series` that is fair to every series: each
/// series whose values span a range gets at least `minBinsPerSeries` bins across
/// that range (and its own Freedman–Diaconis count, when larger), so a fast group
/// beside a slow one is not one flat bar. Computed in log10 on a log scale, where
/// values <= 0 are ignored. At least the pooled Freedman–Diaconis count; at most
/// `maxBins`, which can still merge a series whose range is tiny next to the
/// pooled one. 1 without values.
int fairBinCount(const std::vector<std::vector<double>>& series, bool logScale, int minBinsPerSeries = 5,
    int maxBins = 200);

/// One step of an empirical CDF: the share of values <= `value`.
struct EcdfStep
{
    double value = 0;
    double fraction = 0;
};

/// The empirical CDF of `values` (NaN ignored) as the steps to draw: one per
/// distinct value, ascending, ending at fraction 1, as seaborn's ecdfplot draws it.
/// With more distinct values than `maxSteps`, the steps at `maxSteps` evenly
/// spaced ranks, always including the first and the last value. Empty for no
/// values.
std::vector<EcdfStep> ecdfSteps(std::vector<double> values, int maxSteps = 2000);

/// One value at one time (ms since the epoch, or any monotonic clock), drawn at
/// `x` on a trend's axis (see TrendAxis), for the run `run`.
struct TrendPoint
{
    qint64 ms = 0;
    double value = 0;
    double x = 0;
    std::uint32_t run = 0;
};

/// Rolling median over a trailing window: the point at position i of the series
/// sorted by x, then time, gets the median of points max(0, i - window + 1) .. i, as
/// pandas' Series.rolling(window, min_periods=1).median() gives it, so early
/// points use the shorter window they have. Returns one point per input point,
/// sorted so (stable: equal keys keep their input order), at the input point's
/// time, x and run. Points whose value is NaN are dropped first. The median of an
/// even count interpolates as numpy's linear percentile does (pandas takes the
/// plain mean of the middle pair; the two can differ in the last bit).
/// O(n log window); window < 1 is taken as 1.
std::vector<TrendPoint> rollingMedian(std::vector<TrendPoint> points, int window);

/// A subset of `sortedPoints` (ascending x, or time) small enough to draw. The points are
/// split into `buckets` runs of (nearly) equal count, and each run contributes its
/// lowest and its highest value, in time order, so spikes and dips stay visible
/// and the global min and max are always kept. Returns at most 2 * buckets points;
/// when there are no more than that, all points (NaN values excluded). NaN values
/// are never chosen; buckets < 1 is taken as 1.
std::vector<TrendPoint> decimateForDisplay(const std::vector<TrendPoint>& sortedPoints, int buckets);

} // namespace te
