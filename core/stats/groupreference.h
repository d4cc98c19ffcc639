#pragma once

#include "stats/quantilewindow.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// How a GroupReference keeps up with appended runs. A group of at least
/// `trackedGroupRuns` runs keeps a QuantileWindow of `margin` ranks each side of its
/// median and P95, for every node: about 16 KiB a node, so only large groups do. A
/// smaller group is computed again from its runs when runs are appended to it.
/// Tests make both small.
struct GroupReferenceTuning
{
    std::size_t trackedGroupRuns = 65536;
    std::size_t margin = 512;
};

/// What is typical for each run's group (its model by default): the median and
/// P95 of every timing node over the runs of that group. The runs table marks a run
/// against it, and the breakdown compares each node of a run with it.
///
/// Computed once per dataset (or change of group-by fields), off the GUI thread:
/// for a million runs it selects order statistics over every node. A followed file
/// that grows is extended() instead, at a cost that follows the runs appended, not
/// the runs loaded; the figures are the same as compute() gives, bit for bit.
class GroupReference
{
public:
    using Tuning = GroupReferenceTuning;

    /// Groups every run of `data` by `groupFields` (field ids); no fields: one group.
    static GroupReference compute(
        const TimingDataset& data, const std::vector<int>& groupFields, const Tuning& tuning = Tuning());
    /// `previous`, computed for the runs below `firstNew`, brought up to date with
    /// `data`, which holds those same runs (unchanged) and the runs appended from
    /// `firstNew` on. Equal to compute(data, previous.fields()).
    static GroupReference extended(
        const GroupReference& previous, const TimingDataset& data, std::uint32_t firstNew);

    bool isEmpty() const { return m_groupOfRun.empty(); }
    const std::vector<int>& fields() const { return m_fields; }
    /// The runs it was computed for.
    std::uint32_t runCount() const { return static_cast<std::uint32_t>(m_groupOfRun.size()); }
    int groupOf(std::uint32_t run) const;
    const QString& label(int group) const { return m_labels[static_cast<std::size_t>(group)]; }

    /// NaN when the group has no value for the metric.
    double median(int group, int metric) const;
    double p95(int group, int metric) const;
    std::int64_t count(int group, int metric) const;

    /// The run's value over its group's median (2.0: twice as slow as typical).
    double ratioToMedian(const TimingDataset& data, std::uint32_t run, int metric) const;
    /// True when the run's value exceeds its group's P95 for that metric.
    bool isAboveP95(const TimingDataset& data, std::uint32_t run, int metric) const;
    /// True when the run is above its group's P95 on total or on any phase.
    bool isSlowRun(const TimingDataset& data, std::uint32_t run) const;

private:
    struct Windows
    {
        QuantileWindow median;
        QuantileWindow p95;
    };

    std::size_t slot(int group, int metric) const;
    /// A group without runs yet, whose group-by fields have `codes`.
    int addGroup(const TimingDataset& data, const std::vector<std::uint32_t>& codes);
    /// The windows of a tracked cell, from every value of its group.
    Windows windowsOf(std::vector<double>& values) const;
    /// Grows every group's cells to `metricCount` nodes, the new ones without values.
    void widen(int metricCount);
    /// The cells of `group` (all nodes, or only `metrics`) from every value of its `runs`.
    void computeGroup(const TimingDataset& data, int group, const std::vector<std::uint32_t>& runs,
        const std::vector<int>& metrics);
    /// Copies a tracked cell's windows into its figures; false when one has run out.
    bool readWindows(int group, int metric);
    void watchPhasesOf(const TimingDataset& data);

    Tuning m_tuning;
    std::vector<int> m_fields;
    std::vector<QString> m_labels;
    std::vector<std::vector<std::uint32_t>> m_groupCodes; ///< the group-by fields' codes of each group
    std::vector<std::int64_t> m_groupSizes; ///< runs per group
    std::vector<std::int32_t> m_groupOfRun;
    std::vector<int> m_watched; ///< total and the phases: what isSlowRun looks at
    int m_metricCount = 0;
    std::vector<double> m_medians;
    std::vector<double> m_p95s;
    std::vector<std::int64_t> m_counts;
    /// Per group: empty, or a Windows per node for a group of trackedGroupRuns or more.
    std::vector<std::vector<Windows>> m_windows;
};

} // namespace te
