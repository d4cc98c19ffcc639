#include "stats/groupreference.h"

#include "data/timingdataset.h"
#include "stats/groupstats.h"

#include <limits>

namespace te {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

std::vector<std::uint32_t> codesOf(
    const TimingDataset& data, const std::vector<int>& fields, std::uint32_t run)
{
    std::vector<std::uint32_t> codes;
    codes.reserve(fields.size());
    for (const int field : fields)
        codes.push_back(data.field(field).code(run));
    return codes;
}

} // namespace

GroupReference GroupReference::compute(
    const TimingDataset& data, const std::vector<int>& groupFields, const Tuning& tuning)
{
    GroupReference ref;
    ref.m_tuning = tuning;
    ref.m_fields = groupFields;
    ref.m_metricCount = data.metricCount();
    ref.m_groupOfRun.assign(data.runCount(), -1);
    for (const RunGroup& group : groupAllRuns(data, groupFields)) {
        const int id = ref.addGroup(data,
            group.runs.empty() ? std::vector<std::uint32_t>()
                               : codesOf(data, groupFields, group.runs.front()));
        ref.m_groupSizes[static_cast<std::size_t>(id)] = static_cast<std::int64_t>(group.runs.size());
        for (const std::uint32_t run : group.runs)
            ref.m_groupOfRun[run] = id;
        ref.computeGroup(data, id, group.runs, {});
    }
    ref.watchPhasesOf(data);
    return ref;
}

int GroupReference::addGroup(const TimingDataset& data, const std::vector<std::uint32_t>& codes)
{
    m_labels.push_back(RunGroup { groupKeyOf(data, m_fields, codes), {} }.label());
    m_groupCodes.push_back(codes);
    m_groupSizes.push_back(0);
    m_windows.emplace_back();
    const auto cells = static_cast<std::size_t>(m_metricCount);
    m_medians.insert(m_medians.end(), cells, kNoValue);
    m_p95s.insert(m_p95s.end(), cells, kNoValue);
    m_counts.insert(m_counts.end(), cells, 0);
    return static_cast<int>(m_labels.size()) - 1;
}

GroupReference::Windows GroupReference::windowsOf(std::vector<double>& values) const
{
    Windows windows;
    windows.median = QuantileWindow::of(values, 0.5, m_tuning.margin);
    windows.p95 = QuantileWindow::of(values, 0.95, m_tuning.margin);
    return windows;
}

void GroupReference::computeGroup(const TimingDataset& data, int group,
    const std::vector<std::uint32_t>& runs, const std::vector<int>& metrics)
{
    const auto g = static_cast<std::size_t>(group);
    const bool tracked = runs.size() >= m_tuning.trackedGroupRuns;
    const bool allMetrics = metrics.empty() || (tracked && m_windows[g].empty());
    if (!tracked)
        m_windows[g].clear();
    else if (m_windows[g].empty())
        m_windows[g].resize(static_cast<std::size_t>(m_metricCount));
    std::vector<double> values;
    const auto computeMetric = [&](int metric) {
        values.clear();
        const MetricColumn& column = data.values(metric);
        for (const std::uint32_t run : runs) {
            const double v = column.value(run);
            if (v == v)
                values.push_back(v);
        }
        if (tracked) {
            m_windows[g][static_cast<std::size_t>(metric)] = windowsOf(values);
            readWindows(group, metric); // a window just made holds its ranks
            return;
        }
        // Only the two ranks each percentile reads are selected.
        const std::size_t at = slot(group, metric);
        m_counts[at] = static_cast<std::int64_t>(values.size());
        m_medians[at] = QuantileWindow::of(values, 0.5, 0).percentile().value_or(kNoValue);
        m_p95s[at] = QuantileWindow::of(values, 0.95, 0).percentile().value_or(kNoValue);
    };
    if (allMetrics) {
        for (int metric = 0; metric < m_metricCount; ++metric)
            computeMetric(metric);
    } else {
        for (const int metric : metrics)
            computeMetric(metric);
    }
}

bool GroupReference::readWindows(int group, int metric)
{
    Windows& windows = m_windows[static_cast<std::size_t>(group)][static_cast<std::size_t>(metric)];
    const std::size_t at = slot(group, metric);
    m_counts[at] = windows.median.count();
    if (m_counts[at] == 0) {
        m_medians[at] = m_p95s[at] = kNoValue;
        return true;
    }
    const std::optional<double> median = windows.median.percentile();
    const std::optional<double> p95 = windows.p95.percentile();
    if (!median || !p95)
        return false;
    m_medians[at] = *median;
    m_p95s[at] = *p95;
    windows.median.trim();
    windows.p95.trim();
    return true;
}

void GroupReference::watchPhasesOf(const TimingDataset& data)
{
    m_watched = { TimingDataset::kRootMetric };
    const auto& phases = data.metric(TimingDataset::kRootMetric).children;
    m_watched.insert(m_watched.end(), phases.begin(), phases.end());
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
        return kNoValue;
    return m_medians[slot(group, metric)];
}

double GroupReference::p95(int group, int metric) const
{
    if (group < 0 || metric < 0 || metric >= m_metricCount)
        return kNoValue;
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
    return typical > 0 ? data.value(run, metric) / typical : kNoValue;
}

bool GroupReference::isAboveP95(const TimingDataset& data, std::uint32_t run, int metric) const
{
    const double limit = p95(groupOf(run), metric);
    return data.value(run, metric) > limit; // false for NaN on either side
}

bool GroupReference::isSlowRun(const TimingDataset& data, std::uint32_t run) const
{
    if (groupOf(run) < 0)
        return false;
    for (const int metric : m_watched) {
        if (metric < m_metricCount && isAboveP95(data, run, metric))
            return true;
    }
    return false;
}

} // namespace te
