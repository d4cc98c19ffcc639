#include "stats/groupreference.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "stats/groupstats.h"
#include "stats/summarystats.h"

#include <cmath>
#include <limits>

namespace te {

GroupReference GroupReference::compute(const TimingDataset& data, const std::vector<int>& groupFields)
{
    GroupReference ref;
    ref.m_fields = groupFields;
    ref.m_metricCount = data.metricCount();
    const auto groups = groupRuns(data, allRuns(data), groupFields);
    ref.m_groupOfRun.assign(data.runCount(), -1);
    const std::size_t cells = groups.size() * static_cast<std::size_t>(ref.m_metricCount);
    ref.m_medians.assign(cells, std::numeric_limits<double>::quiet_NaN());
    ref.m_p95s.assign(cells, std::numeric_limits<double>::quiet_NaN());
    ref.m_counts.assign(cells, 0);
    std::vector<double> values;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        ref.m_labels.push_back(groups[g].label());
        for (const std::uint32_t run : groups[g].runs)
            ref.m_groupOfRun[run] = static_cast<std::int32_t>(g);
        for (int metric = 0; metric < ref.m_metricCount; ++metric) {
            values.clear();
            const MetricColumn& column = data.values(metric);
            for (const std::uint32_t run : groups[g].runs) {
                const double v = column.value(run);
                if (v == v)
                    values.push_back(v);
            }
            if (values.empty())
                continue;
            const SummaryStats stats = summarize(values);
            const std::size_t at = ref.slot(static_cast<int>(g), metric);
            ref.m_medians[at] = stats.median;
            ref.m_p95s[at] = stats.p95;
            ref.m_counts[at] = stats.n;
        }
    }
    // Slow runs, once: the runs table asks for every visible row on every paint.
    std::vector<int> watched { TimingDataset::kRootMetric };
    const auto& phases = data.metric(TimingDataset::kRootMetric).children;
    watched.insert(watched.end(), phases.begin(), phases.end());
    ref.m_slowRuns.assign(data.runCount(), 0);
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        for (const int metric : watched) {
            if (ref.isAboveP95(data, run, metric)) {
                ref.m_slowRuns[run] = 1;
                break;
            }
        }
    }
    return ref;
}

std::size_t GroupReference::slot(int group, int metric) const
{
    return static_cast<std::size_t>(group) * static_cast<std::size_t>(m_metricCount)
        + static_cast<std::size_t>(metric);
}

int GroupReference::groupOf(std::uint32_t run) const
{
    return run < m_groupOfRun.size() ? m_groupOfRun[run] : -1;
}

double GroupReference::median(int group, int metric) const
{
    if (group < 0 || metric < 0 || metric >= m_metricCount)
        return std::numeric_limits<double>::quiet_NaN();
    return m_medians[slot(group, metric)];
}

double GroupReference::p95(int group, int metric) const
{
    if (group < 0 || metric < 0 || metric >= m_metricCount)
        return std::numeric_limits<double>::quiet_NaN();
    return m_p95s[slot(group, metric)];
}

std::int64_t GroupReference::count(int group, int metric) const
{
    if (group < 0 || metric < 0 || metric >= m_metricCount)
        return 0;
    return m_counts[slot(group, metric)];
}

double GroupReference::ratioToMedian(const TimingDataset& data, std::uint32_t run, int metric) const
{
    const double typical = median(groupOf(run), metric);
    return typical > 0 ? data.value(run, metric) / typical : std::numeric_limits<double>::quiet_NaN();
}

bool GroupReference::isAboveP95(const TimingDataset& data, std::uint32_t run, int metric) const
{
    const double limit = p95(groupOf(run), metric);
    return data.value(run, metric) > limit; // false for NaN on either side
}

bool GroupReference::isSlowRun(std::uint32_t run) const
{
    return run < m_slowRuns.size() && m_slowRuns[run];
}

} // namespace te
