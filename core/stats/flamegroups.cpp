#include "stats/flamegroups.h"

#include "data/datasetlookups.h"
#include "stats/chartdata.h"
#include "stats/groupstats.h"
#include "util/parallelfor.h"

namespace te {

GroupFlames computeGroupFlames(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    const QStringList& groupBy, FlameSummary summary)
{
    GroupFlames flames;
    const auto fields = resolveFields(data, groupBy, &flames.error);
    if (!fields)
        return flames;
    std::vector<RunGroup> groups = groupRuns(data, runs, *fields);
    flames.omittedGroups = keepLargestGroups(groups, kMaxChartGroups);
    flames.groups.resize(groups.size());
    parallelFor(groups.size(), [&](std::size_t i) {
        GroupFlame& flame = flames.groups[i];
        flame.label = groups[i].label();
        flame.n = static_cast<std::int64_t>(groups[i].runs.size());
        flame.root = flameTreeOfRuns(data, groups[i].runs, summary);
        flame.runs = std::move(groups[i].runs);
    });
    return flames;
}

} // namespace te
