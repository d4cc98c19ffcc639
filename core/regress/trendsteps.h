#pragma once

#include "regress/changepoints.h"

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace te {

struct ChartData;
class TimingDataset;

/// A step of one group of a trend chart drawn along a field (such as git_commit).
struct TrendStep
{
    int group = -1; ///< index into ChartData::groups
    ChangePoint point; ///< its positions are indexes into TrendAxis::categories
};

/// The steps of every group of `chart`, a trend along a field: the same search, on
/// the same order of the field's values, as `changes --by FIELD` (findChangePointsOfRuns
/// with its default options), so the window marks what the command reports. None
/// for any other chart, and none when `cancel` is set during the search.
std::vector<TrendStep> findTrendSteps(
    const TimingDataset& data, const ChartData& chart, const std::atomic<bool>* cancel = nullptr);

/// The runs of the step's group in the segment before the step and in the one after it
/// (ChangePoint::from, at, to), in dataset order: what the step's medians are of.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> runsAroundStep(
    const TimingDataset& data, const ChartData& chart, const TrendStep& step);

} // namespace te
