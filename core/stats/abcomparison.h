#pragma once

#include "stats/significance.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <utility>
#include <vector>

namespace te {

class TimingDataset;

/// Group B against group A on one metric: is B slower, by how much, is it real,
/// and where did B's extra time go.
struct AbComparison
{
    QString labelA;
    QString labelB;
    QString metric;
    std::int64_t nA = 0;
    std::int64_t nB = 0;
    double medianA = 0;
    double medianB = 0;
    ConfidenceInterval ratioOfMedians {}; ///< median(B) / median(A), bootstrap 95 %
    MannWhitney mannWhitney {}; ///< two-sided, A against B

    /// Each node below the metric, depth first: medians in A and B and their
    /// difference, so a user reads where B's extra time went.
    struct PartDelta
    {
        QString path;
        int depth = 1;
        double medianA = 0;
        double medianB = 0;
        double delta = 0; ///< medianB − medianA
    };
    std::vector<PartDelta> parts;

    /// Registrations run in both groups: B/A per registration (medians of its runs).
    std::int64_t pairedRegistrations = 0;
    PairedRatios paired {};
};

/// Compares `runsB` with `runsA` on `metric`. Runs without a value are left out.
AbComparison compareGroups(const TimingDataset& data, const std::vector<std::uint32_t>& runsA,
    const std::vector<std::uint32_t>& runsB, int metric, const QString& labelA, const QString& labelB);

/// Registrations that are slow wherever they ran: above their group's `quantile`
/// (P90 by default) on `metric` in every group, and run in at least two groups.
/// Sorted by registration id.
QStringList slowInEveryGroup(const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groups,
    int metric, double quantile = 0.9);

/// The pair an A/B comparison opens on: the two groups with the most runs (ties
/// to the earlier group), A the earlier of the two in `groupSizes`' order. {-1, -1}
/// with fewer than two groups; never the same group twice.
std::pair<int, int> largestTwoGroups(const std::vector<std::size_t>& groupSizes);

} // namespace te
