#pragma once

#include "stats/flametree.h"

#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// One group's flame tree.
struct GroupFlame
{
    QString label;
    std::int64_t n = 0;
    FlameNode root;
    std::vector<std::uint32_t> runs; ///< the group's runs, in dataset order
};

/// The flame trees of a chart's groups.
struct GroupFlames
{
    std::vector<GroupFlame> groups; ///< the largest kMaxChartGroups, in key order
    int omittedGroups = 0;
    QString error; ///< an unknown group-by field
};

/// Groups `runs` by the `groupBy` fields, as the charts do, and summarises each
/// group's tree. Groups are computed in parallel, one thread a core.
GroupFlames computeGroupFlames(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QStringList& groupBy, FlameSummary summary);

} // namespace te
