#include "stats/distribution.h"

#include "stats/summarystats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace te {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Appends ascending `more` to ascending `pooled`, which stays ascending: linear,
/// where sorting the million values of six groups again took most of a histogram.
void mergeSorted(std::vector<double>& pooled, const std::vector<double>& more)
{
    const auto middle = static_cast<std::ptrdiff_t>(pooled.size());
    pooled.insert(pooled.end(), more.begin(), more.end());
    std::inplace_merge(pooled.begin(), pooled.begin() + middle, pooled.end());
}

// numpy.linspace(first, last, count + 1): i * step + first, the last edge exact.
std::vector<double> linearEdges(double first, double last, int count)
{
    std::vector<double> edges(static_cast<std::size_t>(count) + 1);
    const double step = (last - first) / count;
    for (int i = 0; i < count; ++i)
        edges[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + first;
    edges.back() = last;
    return edges;
}

// numpy.histogram's bin search for equal-width bins: the index from the offset
// scaled to bins, then moved by one where rounding put the value on the wrong side
// of an edge. `scaled` is the value on the scale the bins are equal on, within
// [first, last]; `x` the value compared with `edges`.
std::size_t binIndex(double x, double scaled, double first, double norm, const std::vector<double>& edges)
{
    const std::size_t count = edges.size() - 1;
    const auto index = std::min(static_cast<std::size_t>((scaled - first) * norm), count - 1);
    if (x < edges[index] && index > 0)
        return index - 1;
    if (index + 1 < count && x >= edges[index + 1])
        return index + 1;
    return index;
}

} // namespace

BoxStats boxStats(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    BoxStats box;
    box.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        box.min = box.q1 = box.median = box.q3 = box.max = box.lowerWhisker = box.upperWhisker = kNaN;
        return box;
    }
    sortIfNeeded(values);
    box.min = values.front();
    box.max = values.back();
    box.q1 = percentileOfSorted(values, 0.25);
    box.median = percentileOfSorted(values, 0.5);
    box.q3 = percentileOfSorted(values, 0.75);
    const double iqr = box.q3 - box.q1;
    const double lowLimit = box.q1 - 1.5 * iqr;
    const double highLimit = box.q3 + 1.5 * iqr;
    // matplotlib clamps a whisker to its quartile when no value lies between them.
    const auto lowest = std::lower_bound(values.begin(), values.end(), lowLimit);
    box.lowerWhisker = (lowest == values.end() || *lowest > box.q1) ? box.q1 : *lowest;
    const auto pastHighest = std::upper_bound(values.begin(), values.end(), highLimit);
    box.upperWhisker
        = (pastHighest == values.begin() || *(pastHighest - 1) < box.q3) ? box.q3 : *(pastHighest - 1);
    const auto lowEnd = std::lower_bound(values.begin(), values.end(), box.lowerWhisker);
    const auto highBegin = std::upper_bound(values.begin(), values.end(), box.upperWhisker);
    box.outliers.assign(values.begin(), lowEnd);
    box.outliers.insert(box.outliers.end(), highBegin, values.end());
    return box;
}

int freedmanDiaconisBinCount(const std::vector<double>& sortedValues, int maxBins)
{
    maxBins = std::max(maxBins, 1);
    if (sortedValues.empty())
        return 1;
    double first = sortedValues.front();
    double last = sortedValues.back();
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    const double iqr = percentileOfSorted(sortedValues, 0.75) - percentileOfSorted(sortedValues, 0.25);
    const double width = 2.0 * iqr * std::pow(static_cast<double>(sortedValues.size()), -1.0 / 3.0);
    if (width == 0)
        return 1;
    const double bins = std::ceil((last - first) / width);
    return bins >= maxBins ? maxBins : std::max(1, static_cast<int>(bins));
}

Histogram histogram(const std::vector<std::vector<double>>& series, int binCount, bool logScale)
{
    Histogram result;
    // The values the edges are computed over: log10 of the positive ones for a log scale.
    std::vector<double> pooled;
    double smallest = std::numeric_limits<double>::infinity();
    double largest = -smallest;
    for (const auto& values : series) {
        std::vector<double> scaled;
        scaled.reserve(values.size());
        for (const double v : values) {
            if (!std::isfinite(v))
                continue;
            if (logScale && v <= 0) {
                ++result.droppedNonPositive;
                continue;
            }
            smallest = std::min(smallest, v);
            largest = std::max(largest, v);
            scaled.push_back(logScale ? std::log10(v) : v);
        }
        sortIfNeeded(scaled); // log10 keeps the order of sorted values
        mergeSorted(pooled, scaled);
    }
    if (binCount <= 0)
        binCount = freedmanDiaconisBinCount(pooled);

    // Without values, numpy's range [0, 1]; on a log scale that is 10^0 .. 10^1.
    double first = 0;
    double last = 1;
    if (!pooled.empty()) {
        first = pooled.front();
        last = pooled.back();
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
    }
    const std::vector<double> scaleEdges = linearEdges(first, last, binCount);
    if (logScale) {
        result.edges.resize(scaleEdges.size());
        std::transform(scaleEdges.begin(), scaleEdges.end(), result.edges.begin(),
            [](double e) { return std::pow(10.0, e); });
        // The data's extremes are the outer edges exactly, so rounding in log10 and
        // pow never leaves the smallest or largest value outside the bins.
        if (!pooled.empty() && pooled.front() != pooled.back()) {
            result.edges.front() = smallest;
            result.edges.back() = largest;
            for (std::size_t i = 1; i + 1 < result.edges.size(); ++i)
                result.edges[i] = std::clamp(result.edges[i], smallest, largest);
        }
    } else {
        result.edges = scaleEdges;
    }

    const double norm = binCount / (last - first);
    result.counts.reserve(series.size());
    for (const auto& values : series) {
        std::vector<std::int64_t> counts(static_cast<std::size_t>(binCount), 0);
        for (const double v : values) {
            if (!std::isfinite(v) || (logScale && v <= 0))
                continue;
            const double scaled = logScale ? std::clamp(std::log10(v), first, last) : v;
            ++counts[binIndex(v, scaled, first, norm, result.edges)];
        }
        result.counts.push_back(std::move(counts));
    }
    return result;
}

int fairBinCount(
    const std::vector<std::vector<double>>& series, bool logScale, int minBinsPerSeries, int maxBins)
{
    std::vector<double> pooled;
    double width = std::numeric_limits<double>::infinity();
    for (const auto& values : series) {
        std::vector<double> scaled;
        for (const double v : values) {
            if (std::isfinite(v) && (!logScale || v > 0))
                scaled.push_back(logScale ? std::log10(v) : v);
        }
        sortIfNeeded(scaled);
        if (scaled.size() >= 2 && scaled.back() > scaled.front()) {
            const int bins = std::max(minBinsPerSeries, freedmanDiaconisBinCount(scaled, maxBins));
            width = std::min(width, (scaled.back() - scaled.front()) / bins);
        }
        mergeSorted(pooled, scaled);
    }
    const int pooledBins = freedmanDiaconisBinCount(pooled, maxBins);
    if (!std::isfinite(width) || pooled.empty())
        return pooledBins;
    const double fair = std::ceil((pooled.back() - pooled.front()) / width - 1e-9);
    return std::clamp(std::max(pooledBins, static_cast<int>(std::min<double>(fair, maxBins))), 1, maxBins);
}

std::vector<EcdfStep> ecdfSteps(std::vector<double> values, int maxSteps)
{
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
    sortIfNeeded(values);
    std::vector<EcdfStep> steps;
    const auto n = static_cast<double>(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i + 1 < values.size() && values[i + 1] == values[i])
            continue; // the step is at the last of equal values
        steps.push_back({ values[i], static_cast<double>(i + 1) / n });
    }
    if (maxSteps < 2 || steps.size() <= static_cast<std::size_t>(maxSteps))
        return steps;
    std::vector<EcdfStep> kept;
    kept.reserve(static_cast<std::size_t>(maxSteps));
    const double stride = static_cast<double>(steps.size() - 1) / (maxSteps - 1);
    for (int k = 0; k < maxSteps; ++k)
        kept.push_back(steps[static_cast<std::size_t>(std::llround(k * stride))]);
    return kept;
}

std::vector<TrendPoint> rollingMedian(std::vector<TrendPoint> points, int window)
{
    std::erase_if(points, [](const TrendPoint& p) { return std::isnan(p.value); });
    const auto before
        = [](const TrendPoint& a, const TrendPoint& b) { return a.x < b.x || (a.x == b.x && a.ms < b.ms); };
    if (!std::is_sorted(points.begin(), points.end(), before)) // charts pass them sorted
        std::stable_sort(points.begin(), points.end(), before);
    const std::size_t width = static_cast<std::size_t>(std::max(window, 1));

    // The window split in two halves: `low` holds the smaller ceil(k/2) values, `high`
    // the rest, so the median is at their meeting point. Nodes leaving the window are
    // reused for the values entering it, so a long series allocates only `window` nodes.
    std::multiset<double> low;
    std::multiset<double> high;
    std::vector<TrendPoint> result;
    result.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::multiset<double>::node_type node;
        if (i >= width) {
            const double leaving = points[i - width].value;
            node = leaving <= *low.rbegin() ? low.extract(low.find(leaving))
                                            : high.extract(high.find(leaving));
        }
        const double entering = points[i].value;
        // `low` can be empty here, after the leaving value was its only one.
        const bool toLow
            = low.empty() ? (high.empty() || entering <= *high.begin()) : entering <= *low.rbegin();
        auto& side = toLow ? low : high;
        if (node) {
            node.value() = entering;
            side.insert(std::move(node));
        } else {
            side.insert(entering);
        }
        while (low.size() > high.size() + 1)
            high.insert(low.extract(std::prev(low.end())));
        while (high.size() > low.size())
            low.insert(high.extract(high.begin()));

        double median = *low.rbegin();
        if (low.size() == high.size()) {
            const double above = *high.begin();
            // numpy's linear percentile at the midpoint (percentileOfSorted's _lerp).
            median = above - (above - median) * 0.5;
        }
        result.push_back(points[i]);
        result.back().value = median;
    }
    return result;
}

std::vector<TrendPoint> decimateForDisplay(const std::vector<TrendPoint>& sortedPoints, int buckets)
{
    const std::size_t bucketCount = static_cast<std::size_t>(std::max(buckets, 1));
    const auto isValid = [](const TrendPoint& p) { return !std::isnan(p.value); };
    std::vector<TrendPoint> result;
    const auto valid
        = static_cast<std::size_t>(std::count_if(sortedPoints.begin(), sortedPoints.end(), isValid));
    if (valid <= 2 * bucketCount) {
        result.reserve(valid);
        std::copy_if(sortedPoints.begin(), sortedPoints.end(), std::back_inserter(result), isValid);
        return result;
    }
    result.reserve(2 * bucketCount);
    const std::size_t n = sortedPoints.size();
    for (std::size_t b = 0; b < bucketCount; ++b) {
        const std::size_t begin = b * n / bucketCount;
        const std::size_t end = (b + 1) * n / bucketCount;
        std::size_t lowest = end;
        std::size_t highest = end;
        for (std::size_t i = begin; i < end; ++i) {
            const double v = sortedPoints[i].value;
            if (std::isnan(v))
                continue;
            if (lowest == end || v < sortedPoints[lowest].value)
                lowest = i;
            if (highest == end || v > sortedPoints[highest].value)
                highest = i;
        }
        if (lowest == end)
            continue;
        result.push_back(sortedPoints[std::min(lowest, highest)]);
        if (lowest != highest)
            result.push_back(sortedPoints[std::max(lowest, highest)]);
    }
    return result;
}

} // namespace te
