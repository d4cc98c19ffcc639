#pragma once

#include "stats/summarystats.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// The runs of a dataset split by the values of some metadata fields.
struct RunGroup
{
    QStringList key; ///< one value per group-by field; "(none)" where a run has none
    std::vector<std::uint32_t> runs; ///< in dataset order
    QString label() const; ///< "openai_gpt4o", or "openai_gpt4o × p1m1c"; "all" without fields
};

/// The key of the group whose `fieldIds` have these dictionary `codes`, as
/// RunGroup::key gives it.
QStringList groupKeyOf(
    const TimingDataset& data, const std::vector<int>& fieldIds, const std::vector<std::uint32_t>& codes);

/// Groups `runs` by `fieldIds` (dataset field ids). Without fields, one group "all".
/// Groups are sorted by their key values.
std::vector<RunGroup> groupRuns(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const std::vector<int>& fieldIds);
/// groupRuns() of every run, without a list of them all (4 bytes a run saved).
std::vector<RunGroup> groupAllRuns(const TimingDataset& data, const std::vector<int>& fieldIds);
/// Calls `visit` with each group of groupAllRuns(), in its order. Grouped by one
/// field of few values, each group's runs are gathered when it is visited and let
/// go after, so that one group's list is held, not every run's.
void forEachGroupOfAllRuns(const TimingDataset& data, const std::vector<int>& fieldIds,
    const std::function<void(const RunGroup&)>& visit);

/// Keeps the `maxGroups` groups with the most runs, in their key order (ties by
/// key order); returns how many were left out. A chart of thousands of groups (a
/// grouping by registration_id) draws the largest and says how many it omitted.
int keepLargestGroups(std::vector<RunGroup>& groups, std::size_t maxGroups);

struct GroupMetricStats
{
    QStringList key;
    QString label;
    QString metric;
    SummaryStats stats;
};

/// Statistics of each metric in each group; runs without a value for a metric do
/// not count towards that metric's n.
std::vector<GroupMetricStats> computeGroupStats(
    const TimingDataset& data, const std::vector<RunGroup>& groups, const std::vector<int>& metricIds);
/// computeGroupStats() of one group, appended to `rows`.
void appendGroupStats(const TimingDataset& data, const RunGroup& group, const std::vector<int>& metricIds,
    std::vector<GroupMetricStats>& rows);

} // namespace te
