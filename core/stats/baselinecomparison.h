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
    QString against; ///< what it is compared with: the baseline, or the previous value
    std::int64_t againstN = 0;
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
    /// compareWithPrevious: the field whose previous value each row is compared
    /// with; `baseline` is then empty and each row names its own.
    QString previousOf;
};

/// Compares every group of `groups` (labelled by `labels`) with `groups[baseline]`
/// on `metric` and `statistic` (one of chartStatistics()). Runs without a value are
/// left out. No rows when `baseline` is out of range.
BaselineComparison compareWithBaseline(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int baseline,
    int metric, Statistic statistic);

/// Each value of `field` against the value before it in the history's order
/// (orderFieldValues: by their first run's time), within each group: the rows
/// "group · c02" against "c01", "group · c03" against "c02", and so on, in group
/// then history order, on `metric` and `statistic`. When no group holds two
/// values (the groups are the field's values), the groups' runs are taken together,
/// and the rows are the values themselves. Runs without the field are left out.
BaselineComparison compareWithPrevious(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int field, int metric,
    Statistic statistic);

} // namespace te
