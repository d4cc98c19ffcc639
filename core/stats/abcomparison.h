#pragma once

#include "stats/significance.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <utility>
#include <vector>

namespace te {

class TimingDataset;

/// The values of `runs` on `metric`, in run order; runs without a value left out.
std::vector<double> metricValues(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric);

/// One group's values against another's on one statistic: what the A/B summary and
/// every row of the baseline table show.
struct GroupContrast
{
    double valueA = 0; ///< the statistic of A
    double valueB = 0; ///< the statistic of B
    ConfidenceInterval ratio {}; ///< statistic(B) / statistic(A), bootstrap 95 %
    MannWhitney mannWhitney {}; ///< two-sided, A against B
};

/// `statistic` is one of chartStatistics(). The ratio's bootstrap is the expensive part.
GroupContrast contrastOf(const std::vector<double>& a, const std::vector<double>& b, Statistic statistic);

/// Group B against group A on one metric: is B slower, by how much, is it real,
/// and where did B's extra time go.
struct AbComparison
{
    QString labelA;
    QString labelB;
    QString metric;
    Statistic statistic = Statistic::Median; ///< what valueA, valueB, ratio and the parts' values are
    std::int64_t nA = 0;
    std::int64_t nB = 0;
    double medianA = 0;
    double medianB = 0;
    ConfidenceInterval ratioOfMedians {}; ///< median(B) / median(A), bootstrap 95 %
    double valueA = 0; ///< the statistic of A
    double valueB = 0; ///< the statistic of B
    ConfidenceInterval ratio {}; ///< statistic(B) / statistic(A), bootstrap 95 %
    MannWhitney mannWhitney {}; ///< two-sided, A against B

    /// Each node below the metric, depth first: its medians and its statistic in A
    /// and B and the difference, so a user reads where B's extra time went.
    struct PartDelta
    {
        QString path;
        int depth = 1;
        double medianA = 0;
        double medianB = 0;
        double valueA = 0; ///< the statistic of A
        double valueB = 0; ///< the statistic of B
        double delta = 0; ///< valueB − valueA (medianB − medianA for the median)
    };
    std::vector<PartDelta> parts;

    /// Registrations run in both groups: B/A per registration (medians of its runs).
    std::int64_t pairedRegistrations = 0;
    PairedRatios paired {};
    QStringList pairedIds; ///< the registration of each paired.ratios entry, in that order
};

/// Compares `runsB` with `runsA` on `metric` and `statistic` (one of
/// chartStatistics()); the medians are always given too. Runs without a value are
/// left out.
AbComparison compareGroups(const TimingDataset& data, const std::vector<std::uint32_t>& runsA,
    const std::vector<std::uint32_t>& runsB, int metric, const QString& labelA, const QString& labelB,
    Statistic statistic = Statistic::Median);

/// A group needs this many runs with a value before a run in it can be called slow.
inline constexpr std::int64_t kMinRunsToCallSlow = 10;

/// The registrations slow wherever they ran, or why there are none.
///
/// The rule: a registration is slow in a group when the median of its runs there is
/// above that group's P90 (numpy linear) on the metric; it is slow everywhere when it
/// ran in at least two groups and is slow in each of them. Only groups with at
/// least kMinRunsToCallSlow runs take part.
struct SlowEverywhere
{
    enum class Empty
    {
        NotEmpty, ///< `ids` names them
        NoSharedRegistration, ///< no registration ran in two groups
        TooFewRuns, ///< fewer than two groups have kMinRunsToCallSlow runs
        NoneSlowEverywhere, ///< registrations ran in several groups, none was slow in all
    };
    QStringList ids; ///< sorted by registration id
    Empty why = Empty::NoSharedRegistration;
};

/// The rule of SlowEverywhere, at the group's `quantile` (P90 by default).
SlowEverywhere findSlowEverywhere(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, int metric, double quantile = 0.9);

/// findSlowEverywhere()'s ids.
QStringList slowInEveryGroup(const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groups,
    int metric, double quantile = 0.9);

/// The pair an A/B comparison opens on: the two groups with the most runs (ties
/// to the earlier group), A the earlier of the two in `groupSizes`' order. {-1, -1}
/// with fewer than two groups; never the same group twice.
std::pair<int, int> largestTwoGroups(const std::vector<std::size_t>& groupSizes);

} // namespace te
