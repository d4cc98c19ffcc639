#include "stats/significance.h"

#include "stats/summarystats.h"
#include "stats/xoshiro.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace te {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double quantileOf(Statistic statistic)
{
    return statisticInfo(statistic).quantile;
}

// Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang, 2000).
double gammaVariate(Xoshiro256& rng, double shape)
{
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    while (true) {
        const double x = standardNormal(rng);
        const double v = std::pow(1.0 + c * x, 3);
        if (v <= 0)
            continue;
        if (std::log(uniform01(rng)) < 0.5 * x * x + d - d * v + d * std::log(v))
            return d * v;
    }
}

// Beta(a, b) for a, b >= 1.
double betaVariate(Xoshiro256& rng, double a, double b)
{
    const double x = gammaVariate(rng, a);
    return x / (x + gammaVariate(rng, b));
}

// The statistic of one resample of `sorted` (ascending, no NaN), drawn from `rng`.
//
// A mean adds up n drawn values. A percentile draws no resample at all: drawing
// index floor(n·U) for n uniforms U makes the resample's k-th smallest value
// sorted[floor(n·U_(k))], where U_(k), the k-th smallest of n uniforms, is
// Beta(k, n − k + 1); and the next one, U_(k+1), is U_(k) plus the smallest of the
// n − k uniforms above it. So two draws give exactly the resample's two order
// statistics around the percentile, whatever n is.
class Resampler
{
public:
    explicit Resampler(const std::vector<double>& sorted)
        : m_sorted(sorted)
    { }

    double operator()(Statistic statistic, Xoshiro256& rng) const
    {
        const auto n = static_cast<std::uint32_t>(m_sorted.size());
        if (statistic == Statistic::Mean) {
            double sum = 0;
            drawIndices(rng, n, n, [&](std::uint32_t i) { sum += m_sorted[i]; });
            return sum / n;
        }
        const double position = quantileOf(statistic) * static_cast<double>(n - 1);
        const auto lower = static_cast<std::uint32_t>(std::floor(position));
        const std::uint32_t upper = std::min(lower + 1, n - 1);
        // 1-based ranks lower + 1 and upper + 1 of the n drawn uniforms.
        const double uLower = betaVariate(rng, lower + 1.0, static_cast<double>(n - lower));
        double uUpper = uLower;
        if (upper != lower) {
            const auto above = static_cast<double>(n - lower - 1); // uniforms above the lower one
            uUpper = uLower + (1.0 - uLower) * (1.0 - std::pow(uniform01(rng), 1.0 / above));
        }
        const auto indexOf = [n](double u) { return std::min(static_cast<std::uint32_t>(u * n), n - 1); };
        const double a = m_sorted[indexOf(uLower)];
        const double b = m_sorted[indexOf(uUpper)];
        const double fraction = position - lower;
        // numpy's _lerp, as percentileOfSorted interpolates.
        return fraction >= 0.5 ? b - (b - a) * (1.0 - fraction) : a + (b - a) * fraction;
    }

private:
    const std::vector<double>& m_sorted;
};

// Runs compute(resample, resampler state) for every resample, on several threads when
// the work is large enough to pay for them. Results land at their resample's
// index, so they are the same however the work is split.
template <typename Compute>
std::vector<double> forEachResample(int resamples, std::size_t workPerResample, Compute compute)
{
    std::vector<double> results(static_cast<std::size_t>(resamples));
    const auto work = static_cast<double>(workPerResample) * resamples;
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = work < 1e6 ? 1u : std::min({ hardware, 8u, static_cast<unsigned>(resamples) });
    const auto run = [&](unsigned worker) {
        auto state = compute.makeState();
        for (auto r = static_cast<std::size_t>(worker); r < results.size(); r += threads)
            results[r] = compute(static_cast<std::uint64_t>(r), state);
    };
    std::vector<std::jthread> pool;
    for (unsigned worker = 1; worker < threads; ++worker)
        pool.emplace_back(run, worker);
    run(0);
    pool.clear(); // joins: every result is written before they are returned
    return results;
}

// The interval from resampled statistics: NaN ones left out, the rest's percentiles.
ConfidenceInterval intervalOf(double estimate, std::vector<double> statistics, double level)
{
    level = std::isnan(level) ? 0.0 : std::clamp(level, 0.0, 1.0);
    std::erase_if(statistics, [](double v) { return std::isnan(v); });
    std::sort(statistics.begin(), statistics.end());
    const double alpha = 1.0 - level;
    return { estimate, percentileOfSorted(statistics, alpha / 2),
        percentileOfSorted(statistics, 1.0 - alpha / 2), static_cast<int>(statistics.size()) };
}

std::vector<double> sortedWithoutNaN(std::vector<double> values)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    sortIfNeeded(values);
    return values;
}

ConfidenceInterval undefinedInterval()
{
    return { kNaN, kNaN, kNaN, 0 };
}

} // namespace

double statisticOf(Statistic statistic, std::vector<double> values)
{
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty())
        return kNaN;
    if (statistic == Statistic::Mean)
        return compensatedMean(values); // as summarize() sums
    // percentileOfSorted reads only the two ranks around the percentile.
    const double q = quantileOf(statistic);
    const auto lower = static_cast<std::ptrdiff_t>(std::floor(q * static_cast<double>(values.size() - 1)));
    const auto nth = values.begin() + lower;
    std::nth_element(values.begin(), nth, values.end());
    if (nth + 1 != values.end())
        std::iter_swap(nth + 1, std::min_element(nth + 1, values.end()));
    return percentileOfSorted(values, q);
}

ConfidenceInterval bootstrapCI(
    const std::vector<double>& values, Statistic statistic, int resamples, double level, std::uint64_t seed)
{
    const std::vector<double> sorted = sortedWithoutNaN(values);
    if (sorted.empty() || resamples < 1)
        return { statisticOf(statistic, sorted), kNaN, kNaN, 0 };
    struct Compute
    {
        const std::vector<double>& sorted;
        Statistic statistic;
        std::uint64_t seed;
        Resampler makeState() const { return Resampler(sorted); }
        double operator()(std::uint64_t r, Resampler& resampler) const
        {
            Xoshiro256 rng(seed, r);
            return resampler(statistic, rng);
        }
    };
    // A mean draws every value; a percentile two order statistics (see Resampler).
    const std::size_t work = statistic == Statistic::Mean ? sorted.size() : 64;
    const auto statistics = forEachResample(resamples, work, Compute { sorted, statistic, seed });
    return intervalOf(statisticOf(statistic, sorted), statistics, level);
}

ConfidenceInterval bootstrapRatio(const std::vector<double>& a, const std::vector<double>& b,
    Statistic statistic, int resamples, double level, std::uint64_t seed)
{
    const std::vector<double> sortedA = sortedWithoutNaN(a);
    const std::vector<double> sortedB = sortedWithoutNaN(b);
    if (sortedA.empty() || sortedB.empty())
        return undefinedInterval();
    const double estimate = statisticOf(statistic, sortedB) / statisticOf(statistic, sortedA);
    if (resamples < 1)
        return { estimate, kNaN, kNaN, 0 };
    struct Compute
    {
        const std::vector<double>& a;
        const std::vector<double>& b;
        Statistic statistic;
        std::uint64_t seed;
        std::pair<Resampler, Resampler> makeState() const { return { Resampler(a), Resampler(b) }; }
        double operator()(std::uint64_t r, std::pair<Resampler, Resampler>& state) const
        {
            Xoshiro256 rngA(seed, 2 * r);
            Xoshiro256 rngB(seed, 2 * r + 1);
            const double valueA = state.first(statistic, rngA);
            return state.second(statistic, rngB) / valueA;
        }
    };
    // A mean draws every value of both groups; a percentile two order statistics of each.
    const std::size_t work = statistic == Statistic::Mean ? sortedA.size() + sortedB.size() : 128;
    const auto ratios = forEachResample(resamples, work, Compute { sortedA, sortedB, statistic, seed });
    return intervalOf(estimate, ratios, level);
}

ConfidenceInterval bootstrapRatioOfMedians(const std::vector<double>& a, const std::vector<double>& b,
    int resamples, double level, std::uint64_t seed)
{
    return bootstrapRatio(a, b, Statistic::Median, resamples, level, seed);
}

MannWhitney mannWhitneyU(const std::vector<double>& a, const std::vector<double>& b)
{
    // Each value tagged with its sample; sorted together, ties get their average rank.
    std::vector<std::pair<double, bool>> pooled;
    pooled.reserve(a.size() + b.size());
    for (const double v : a) {
        if (!std::isnan(v))
            pooled.emplace_back(v, true);
    }
    const auto n1 = static_cast<double>(pooled.size());
    for (const double v : b) {
        if (!std::isnan(v))
            pooled.emplace_back(v, false);
    }
    const auto n = static_cast<double>(pooled.size());
    const double n2 = n - n1;
    if (n1 == 0 || n2 == 0)
        return { kNaN, kNaN };
    std::sort(pooled.begin(), pooled.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    double rankSumA = 0;
    double tieTerm = 0; // sum of t^3 - t over groups of t tied values
    for (std::size_t begin = 0; begin < pooled.size();) {
        std::size_t end = begin + 1;
        while (end < pooled.size() && pooled[end].first == pooled[begin].first)
            ++end;
        const auto t = static_cast<double>(end - begin);
        const double averageRank = (static_cast<double>(begin + 1) + static_cast<double>(end)) / 2;
        for (std::size_t i = begin; i < end; ++i) {
            if (pooled[i].second)
                rankSumA += averageRank;
        }
        tieTerm += t * t * t - t;
        begin = end;
    }
    const double u1 = rankSumA - n1 * (n1 + 1) / 2;
    const double u2 = n1 * n2 - u1;
    // scipy's _get_mwu_z with the larger U and the survival function doubled.
    const double mu = n1 * n2 / 2;
    const double s = std::sqrt(n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
    const double z = (std::max(u1, u2) - mu - 0.5) / s;
    const double p = std::erfc(z / std::sqrt(2.0));
    return { u1, std::clamp(p, 0.0, 1.0) };
}

PairedRatios pairedRatios(const std::vector<double>& a, const std::vector<double>& b, int resamples,
    double level, std::uint64_t seed)
{
    PairedRatios result;
    const std::size_t pairs = std::min(a.size(), b.size());
    result.ratios.reserve(pairs);
    std::vector<double> finite;
    finite.reserve(pairs);
    for (std::size_t i = 0; i < pairs; ++i) {
        result.ratios.push_back(b[i] / a[i]);
        if (std::isfinite(result.ratios.back()))
            finite.push_back(result.ratios.back());
    }
    result.medianRatio = bootstrapCI(finite, Statistic::Median, resamples, level, seed);
    return result;
}

} // namespace te
