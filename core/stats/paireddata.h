#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// One registration that ran in two or more groups: the benchmark design of
/// running the same registrations on every model.
struct PairedRegistration
{
    QString registrationId;
    /// One value per group, in the groups' order: the median of the registration's
    /// runs in that group, NaN where it did not run there.
    std::vector<double> values;
    /// One run per group that a click opens (the run whose value is nearest the
    /// median; the earlier one on a tie); UINT32_MAX where it did not run there.
    std::vector<std::uint32_t> runs;
    /// The slowest group's value divided by the fastest's, over the groups it ran in.
    double ratio = 0;
    int fastestGroup = -1;
    int slowestGroup = -1;
};

/// The registrations of a chart's groups that ran in at least two of them.
struct PairedData
{
    QStringList groups; ///< labels, in the order given
    /// Sorted by ratio, largest first; ties by registration id.
    std::vector<PairedRegistration> registrations;
    /// Registrations with a value in only one group, which a paired chart leaves out.
    int unpairedCount = 0;
};

/// Pairs the runs of `groupRuns` (one list of runs per group, labelled by
/// `groupLabels`) by their `registration_id`, on `metric`. Runs without a
/// registration id or without a value for the metric are left out; a registration
/// with several runs in a group counts with their median (numpy's linear
/// percentile).
PairedData pairRegistrations(const TimingDataset& data, const QStringList& groupLabels,
    const std::vector<std::vector<std::uint32_t>>& groupRuns, int metric);

} // namespace te
