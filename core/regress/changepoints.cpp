#include "regress/changepoints.h"

#include "data/timingdataset.h"
#include "stats/statistic.h"
#include "stats/xoshiro.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace te {

namespace {

// The runs of the non-empty values of a series, laid end to end.
struct Pooled
{
    std::vector<double> values;
    std::vector<std::size_t> start; ///< per position, its first run; one past the end last
    std::vector<int> index; ///< per position, the index of its value in the series
};

Pooled pool(const std::vector<std::vector<double>>& series)
{
    Pooled pooled;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const std::size_t before = pooled.values.size();
        for (const double v : series[i])
            if (!std::isnan(v))
                pooled.values.push_back(v);
        if (pooled.values.size() > before) {
            pooled.start.push_back(before);
            pooled.index.push_back(static_cast<int>(i));
        }
    }
    pooled.start.push_back(pooled.values.size());
    return pooled;
}

// Average ranks (1-based) of `values`, ties sharing the mean of their ranks.
std::vector<double> averageRanks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    std::sort(
        order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        const double rank = 0.5 * static_cast<double>(i + j) + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            ranks[order[k]] = rank;
        i = j + 1;
    }
    return ranks;
}

// One segment [first, last) of positions under test.
struct Segment
{
    std::size_t first = 0;
    std::size_t last = 0;
};

// The boundaries of a segment that leave enough commits and runs on each side:
// boundary b splits before position b.
std::vector<std::size_t> candidates(const Pooled& pooled, Segment s, const ChangePointOptions& options)
{
    std::vector<std::size_t> result;
    const auto minCommits = static_cast<std::size_t>(std::max(1, options.minCommits));
    const auto minRuns = static_cast<std::size_t>(std::max(1, options.minRuns));
    for (std::size_t b = s.first + minCommits; b + minCommits <= s.last; ++b) {
        const std::size_t before = pooled.start[b] - pooled.start[s.first];
        const std::size_t after = pooled.start[s.last] - pooled.start[b];
        if (before >= minRuns && after >= minRuns)
            result.push_back(b);
    }
    return result;
}

struct Best
{
    double statistic = -1;
    std::size_t boundary = 0;
};

// The largest standardized rank sum over `bounds`, for `ranks` of the segment's
// runs in position order (ranks within the segment, 1..N).
Best maxStatistic(const std::vector<double>& ranks, const std::vector<std::size_t>& runsBefore,
    const std::vector<std::size_t>& bounds)
{
    const auto total = static_cast<double>(ranks.size());
    Best best;
    double sum = 0;
    std::size_t taken = 0;
    for (std::size_t c = 0; c < bounds.size(); ++c) {
        for (; taken < runsBefore[c]; ++taken)
            sum += ranks[taken];
        const auto n1 = static_cast<double>(runsBefore[c]);
        const double n2 = total - n1;
        const double z = std::abs(sum - n1 * (total + 1) / 2) / std::sqrt(n1 * n2 * (total + 1) / 12);
        if (z > best.statistic)
            best = { z, bounds[c] };
    }
    return best;
}

struct Split
{
    Best best;
    double p = 1;
};

// The best boundary of a segment and its permutation p value; p = 1 without candidates.
Split testSegment(const Pooled& pooled, Segment s, const ChangePointOptions& options)
{
    const std::vector<std::size_t> bounds = candidates(pooled, s, options);
    if (bounds.empty())
        return {};
    const auto begin = pooled.values.begin() + static_cast<std::ptrdiff_t>(pooled.start[s.first]);
    const auto end = pooled.values.begin() + static_cast<std::ptrdiff_t>(pooled.start[s.last]);
    std::vector<double> ranks = averageRanks(std::vector<double>(begin, end));
    std::vector<std::size_t> runsBefore;
    runsBefore.reserve(bounds.size());
    for (const std::size_t b : bounds)
        runsBefore.push_back(pooled.start[b] - pooled.start[s.first]);
    Split split { maxStatistic(ranks, runsBefore, bounds), 1 };
    int atLeast = 0;
    const std::uint64_t stream
        = (static_cast<std::uint64_t>(s.first) << 40) ^ (static_cast<std::uint64_t>(s.last) << 20);
    for (int r = 0; r < options.permutations; ++r) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return {};
        Xoshiro256 rng(options.seed, stream + static_cast<std::uint64_t>(r));
        shuffle(rng, ranks);
        // A permuted maximum equal to the observed one counts as at least as
        // extreme; the relative tolerance keeps rounding from deciding that.
        if (maxStatistic(ranks, runsBefore, bounds).statistic >= split.best.statistic * (1 - 1e-12))
            ++atLeast;
    }
    split.p = (1.0 + atLeast) / (1.0 + std::max(0, options.permutations));
    return split;
}

// Binary segmentation of [s.first, s.last): appends the accepted splits.
void segment(const Pooled& pooled, Segment s, const ChangePointOptions& options, std::vector<Split>& found)
{
    const Split split = testSegment(pooled, s, options);
    if (split.best.statistic < 0 || !(split.p < options.alpha))
        return;
    found.push_back(split);
    segment(pooled, { s.first, split.best.boundary }, options, found);
    segment(pooled, { split.best.boundary, s.last }, options, found);
}

std::vector<double> runsOf(const Pooled& pooled, std::size_t first, std::size_t last)
{
    return { pooled.values.begin() + static_cast<std::ptrdiff_t>(pooled.start[first]),
        pooled.values.begin() + static_cast<std::ptrdiff_t>(pooled.start[last]) };
}

} // namespace

std::vector<ChangePoint> findChangePoints(
    const std::vector<std::vector<double>>& series, const ChangePointOptions& options)
{
    const Pooled pooled = pool(series);
    const std::size_t positions = pooled.index.size();
    std::vector<Split> found;
    segment(pooled, { 0, positions }, options, found);
    if (options.cancel && options.cancel->load(std::memory_order_relaxed))
        return {};
    std::sort(found.begin(), found.end(),
        [](const Split& a, const Split& b) { return a.best.boundary < b.best.boundary; });
    std::vector<ChangePoint> points;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const std::size_t from = i == 0 ? 0 : found[i - 1].best.boundary;
        const std::size_t at = found[i].best.boundary;
        const std::size_t to = i + 1 < found.size() ? found[i + 1].best.boundary : positions;
        const std::vector<double> before = runsOf(pooled, from, at);
        const std::vector<double> after = runsOf(pooled, at, to);
        ChangePoint point;
        point.at = pooled.index[at];
        point.from = i == 0 ? 0 : pooled.index[from];
        point.to = i + 1 < found.size() ? pooled.index[to] : static_cast<int>(series.size());
        point.p = found[i].p;
        point.statistic = found[i].best.statistic;
        point.medianBefore = statisticOf(Statistic::Median, before);
        point.medianAfter = statisticOf(Statistic::Median, after);
        point.nBefore = static_cast<std::int64_t>(before.size());
        point.nAfter = static_cast<std::int64_t>(after.size());
        point.ratio = bootstrapRatioOfMedians(before, after, options.bootstrapResamples, 0.95, options.seed);
        points.push_back(point);
    }
    return points;
}

std::vector<ChangePoint> findChangePointsOfRuns(const TimingDataset& data,
    const std::vector<std::uint32_t>& runs, int metric, const std::vector<int>& positionOfRun, int positions,
    const ChangePointOptions& options)
{
    std::vector<std::vector<double>> series(static_cast<std::size_t>(std::max(0, positions)));
    for (const std::uint32_t run : runs) {
        const int position = run < positionOfRun.size() ? positionOfRun[run] : -1;
        if (position >= 0 && position < positions)
            series[static_cast<std::size_t>(position)].push_back(data.value(run, metric));
    }
    return findChangePoints(series, options);
}

} // namespace te
