#pragma once

#include "stats/significance.h"

#include <atomic>
#include <cstdint>
#include <vector>

// Where a metric's distribution steps along an ordered history (commits).
//
// Method: binary segmentation (Scott and Knott, 1974; Vostrikova, 1981) with a
// rank statistic on the runs themselves, never on per-commit medians. In a
// segment of commits, every boundary that leaves at least `minCommits` commits
// and `minRuns` runs on each side is a candidate; its statistic is the
// standardized Mann–Whitney rank sum of the runs before against the runs after,
// |R − n1 (N + 1) / 2| / sqrt(n1 n2 (N + 1) / 12) (average ranks for ties), and
// the segment's statistic is the largest over the candidates (a Pettitt-style
// maximum, standardized so that boundaries near the ends are not favoured).
//
// Test: a permutation test of that maximum. The segment's runs are shuffled
// across its positions (the commits keep their run counts) `permutations` times,
// each from its own xoshiro256** stream of (seed, segment, permutation), so the
// p value, (1 + #{permuted max >= observed}) / (1 + permutations), is
// deterministic. It assumes the runs of one commit are exchangeable with those
// of the others when nothing changed (no per-commit batch effect).
//
// Stopping rule: a segment is split at its best boundary when p < alpha, then
// each half is searched the same way; a segment stops when p >= alpha or when no
// boundary is a candidate. A series without a step is therefore reported as one
// at a rate of about alpha (the first test); see tests/tst_changepoints.cpp for
// the measured rates.
namespace te {

class TimingDataset;

struct ChangePointOptions
{
    double alpha = 0.01;
    int permutations = 499; ///< smallest possible p is 1 / (permutations + 1)
    int minCommits = 2; ///< per side of a step
    int minRuns = 10; ///< per side of a step
    int bootstrapResamples = 2000; ///< for the ratio's interval
    std::uint64_t seed = kDefaultBootstrapSeed;
    /// When set and true, the search stops early and finds nothing (a window's
    /// chart that was replaced while its steps were being looked for).
    const std::atomic<bool>* cancel = nullptr;
};

/// A step between two segments of the history.
struct ChangePoint
{
    int at = -1; ///< the index (into the series given) of the first value after the step
    /// The values [from, at) are the segment before the step, [at, to) the one after:
    /// from the previous step (or the start) to the next (or one past the end).
    int from = 0;
    int to = 0;
    double p = 1; ///< permutation p value of the split that found it
    double statistic = 0; ///< the standardized rank statistic at `at`
    /// The runs between the previous step (or the start) and this one, and
    /// between this one and the next (or the end): medians numpy-linear.
    double medianBefore = 0;
    double medianAfter = 0;
    std::int64_t nBefore = 0;
    std::int64_t nAfter = 0;
    ConfidenceInterval ratio; ///< median after / median before, percentile bootstrap 95 %
};

/// The steps of `series` (one vector of run values per ordered field value;
/// empty values and NaNs are left out and take no part), ordered by `at`.
/// Deterministic for the options' seed.
std::vector<ChangePoint> findChangePoints(
    const std::vector<std::vector<double>>& series, const ChangePointOptions& options = {});

/// The steps of `runs` on `metric` along a history of `positions` values, where
/// `positionOfRun[run]` is the run's value (0 to positions − 1) or −1 for a run not in
/// the history. What `changes` reports per group and what the trend chart marks.
std::vector<ChangePoint> findChangePointsOfRuns(const TimingDataset& data,
    const std::vector<std::uint32_t>& runs, int metric, const std::vector<int>& positionOfRun, int positions,
    const ChangePointOptions& options = {});

} // namespace te
