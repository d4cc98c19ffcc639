// GroupReference::extended: the reference of a followed file that grew, at a cost
// that follows the appended runs. Tracked groups add each new value to their
// windows; small groups, and cells whose windows ran out, are computed again from
// their runs, found in one scan of the run-to-group map.
#include "data/timingdataset.h"
#include "stats/groupreference.h"

#include <algorithm>
#include <limits>
#include <map>
#include <type_traits>

namespace te {

namespace {

/// Finds a run's group by its group-by fields' codes: by the code itself for one
/// field (a grouping by model), else through a map.
class GroupFinder
{
public:
    GroupFinder(const TimingDataset& data, const std::vector<int>& fields,
        const std::vector<std::vector<std::uint32_t>>& groupCodes)
        : m_data(data)
        , m_fields(fields)
    {
        for (std::size_t group = 0; group < groupCodes.size(); ++group)
            remember(groupCodes[group], static_cast<int>(group));
    }

    std::vector<std::uint32_t> codesOf(std::uint32_t run) const
    {
        std::vector<std::uint32_t> codes;
        for (const int field : m_fields)
            codes.push_back(m_data.field(field).code(run));
        return codes;
    }

    /// -1 when no group has these codes yet.
    int find(const std::vector<std::uint32_t>& codes) const
    {
        if (m_fields.size() == 1)
            return codes.front() < m_byCode.size() ? m_byCode[codes.front()] : -1;
        const auto it = m_byCodes.find(codes);
        return it == m_byCodes.end() ? -1 : it->second;
    }

    void remember(const std::vector<std::uint32_t>& codes, int group)
    {
        if (m_fields.size() != 1) {
            m_byCodes.emplace(codes, group);
            return;
        }
        if (codes.front() >= m_byCode.size())
            m_byCode.resize(codes.front() + 1, -1);
        m_byCode[codes.front()] = group;
    }

private:
    const TimingDataset& m_data;
    const std::vector<int>& m_fields;
    std::vector<int> m_byCode;
    std::map<std::vector<std::uint32_t>, int> m_byCodes;
};

} // namespace

GroupReference GroupReference::extended(
    const GroupReference& previous, const TimingDataset& data, std::uint32_t firstNew)
{
    if (firstNew != previous.runCount() || firstNew > data.runCount())
        return compute(data, previous.m_fields, previous.m_tuning);
    GroupReference ref = previous;
    ref.widen(data.metricCount());

    // Each new run's group; a run of a key not seen before starts a group.
    GroupFinder finder(data, ref.m_fields, ref.m_groupCodes);
    std::vector<std::uint8_t> touched(ref.m_labels.size(), 0);
    ref.m_groupOfRun.reserve(data.runCount());
    for (std::uint32_t run = firstNew; run < data.runCount(); ++run) {
        const std::vector<std::uint32_t> codes = finder.codesOf(run);
        int group = finder.find(codes);
        if (group < 0) {
            group = ref.addGroup(data, codes);
            finder.remember(codes, group);
            touched.push_back(0);
        }
        ref.m_groupOfRun.push_back(group);
        ++ref.m_groupSizes[static_cast<std::size_t>(group)];
        touched[static_cast<std::size_t>(group)] = 1;
        auto& windows = ref.m_windows[static_cast<std::size_t>(group)];
        for (std::size_t metric = 0; metric < windows.size(); ++metric) {
            const double v = data.value(run, static_cast<int>(metric));
            if (v == v) {
                windows[metric].median.add(v);
                windows[metric].p95.add(v);
            }
        }
    }

    // What must be computed from the group's runs: every cell of a small group, and
    // the cells of a tracked group whose windows no longer hold their ranks.
    std::vector<std::vector<int>> stale(ref.m_labels.size());
    std::vector<std::uint8_t> needsRuns(ref.m_labels.size(), 0);
    for (std::size_t group = 0; group < touched.size(); ++group) {
        if (!touched[group])
            continue;
        if (ref.m_windows[group].empty()) {
            needsRuns[group] = 1; // stale stays empty: every cell
            continue;
        }
        for (int metric = 0; metric < ref.m_metricCount; ++metric) {
            if (!ref.readWindows(static_cast<int>(group), metric))
                stale[group].push_back(metric);
        }
        needsRuns[group] = !stale[group].empty();
    }
    std::vector<std::vector<std::uint32_t>> runsOf(ref.m_labels.size());
    bool anyNeedsRuns = false;
    for (std::size_t group = 0; group < needsRuns.size(); ++group) {
        if (needsRuns[group]) {
            runsOf[group].reserve(static_cast<std::size_t>(ref.m_groupSizes[group]));
            anyNeedsRuns = true;
        }
    }
    if (anyNeedsRuns) {
        for (std::uint32_t run = 0; run < ref.m_groupOfRun.size(); ++run) {
            const std::int32_t group = ref.m_groupOfRun[run];
            if (group >= 0 && needsRuns[static_cast<std::size_t>(group)])
                runsOf[static_cast<std::size_t>(group)].push_back(run);
        }
    }
    for (std::size_t group = 0; group < needsRuns.size(); ++group) {
        if (needsRuns[group])
            ref.computeGroup(data, static_cast<int>(group), runsOf[group], stale[group]);
    }
    ref.watchPhasesOf(data);
    return ref;
}

void GroupReference::widen(int metricCount)
{
    if (metricCount <= m_metricCount)
        return;
    const std::size_t groups = m_labels.size();
    const auto oldCount = static_cast<std::size_t>(m_metricCount);
    const auto newCount = static_cast<std::size_t>(metricCount);
    const auto widened = [&](const auto& cells, auto none) {
        std::remove_cvref_t<decltype(cells)> wide(groups * newCount, none);
        for (std::size_t group = 0; group < groups; ++group)
            std::copy_n(cells.begin() + static_cast<std::ptrdiff_t>(group * oldCount), oldCount,
                wide.begin() + static_cast<std::ptrdiff_t>(group * newCount));
        return wide;
    };
    m_medians = widened(m_medians, std::numeric_limits<double>::quiet_NaN());
    m_p95s = widened(m_p95s, std::numeric_limits<double>::quiet_NaN());
    m_counts = widened(m_counts, std::int64_t { 0 });
    // A node new to the dataset has values in new runs only: its windows start empty.
    std::vector<double> none;
    for (auto& windows : m_windows) {
        if (!windows.empty())
            windows.resize(newCount, windowsOf(none));
    }
    m_metricCount = metricCount;
}

} // namespace te
