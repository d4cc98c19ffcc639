#pragma once

#include "stats/abcomparison.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

/// What a group's ratio to the baseline says: faster or slower only when the 95 %
/// interval of the ratio lies wholly below or above 1; unclear when it contains 1
/// (or is undefined).
enum class Verdict
{
    Faster,
    Slower,
    Unclear
};

Verdict verdictOf(const ConfidenceInterval& ratio);

/// One group against the baseline.
struct BaselineRow
{
    QString label;
    std::int64_t n = 0;
    GroupContrast contrast; ///< A is the baseline, B this group
    Verdict verdict = Verdict::Unclear;
};

/// Every group against one baseline on one metric and statistic.
struct BaselineComparison
{
    QString baseline;
    std::int64_t baselineN = 0;
    double baselineValue = 0; ///< the statistic of the baseline
    Statistic statistic = Statistic::Median;
    std::vector<BaselineRow> rows; ///< every group but the baseline, in the groups' order
};

/// Compares every group of `groups` (labelled by `labels`) with `groups[baseline]`
/// on `metric` and `statistic` (one of chartStatistics()). Runs without a value are
/// left out. No rows when `baseline` is out of range.
BaselineComparison compareWithBaseline(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int baseline,
    int metric, Statistic statistic);

} // namespace te
