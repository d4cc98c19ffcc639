#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// What is typical for each run's group (its model by default): the median and
/// P95 of every timing node over the runs of that group. The runs table marks a run
/// against it, and the breakdown compares each node of a run with it.
///
/// Computed once per dataset (or change of group-by fields), off the GUI thread:
/// for a million runs it selects order statistics over every node.
class GroupReference
{
public:
    /// Groups every run of `data` by `groupFields` (field ids); no fields: one group.
    static GroupReference compute(const TimingDataset& data, const std::vector<int>& groupFields);

    bool isEmpty() const { return m_groupOfRun.empty(); }
    const std::vector<int>& fields() const { return m_fields; }
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
    bool isSlowRun(std::uint32_t run) const;

private:
    std::size_t slot(int group, int metric) const;

    std::vector<int> m_fields;
    std::vector<QString> m_labels;
    std::vector<std::int32_t> m_groupOfRun;
    int m_metricCount = 0;
    std::vector<double> m_medians;
    std::vector<double> m_p95s;
    std::vector<std::int64_t> m_counts;
    std::vector<std::uint8_t> m_slowRuns;
};

} // namespace te
