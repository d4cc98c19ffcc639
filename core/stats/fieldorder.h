#pragma once

#include <QStringList>
#include <cstdint>
#include <vector>

namespace te {

class TimingDataset;

/// The values of one field (such as `git_commit`) among some runs, in the order the
/// history went through them, each with its runs.
struct OrderedFieldValues
{
    QStringList values; ///< earliest first
    std::vector<std::vector<std::uint32_t>> runs; ///< per value, in dataset order
    /// True when ordered by time: by the earliest timestamp of each value's runs
    /// (values none of whose runs has a timestamp go last, by first appearance).
    /// False when no run has a timestamp: by first appearance in the file.
    bool byTime = false;
    std::int64_t runsWithoutValue = 0; ///< left out

    /// The index of `value`, -1 when absent.
    int indexOf(const QString& value) const { return static_cast<int>(values.indexOf(value)); }
};

/// Orders the values of `field` among `runs` as the history went: a commit's place
/// is its first run's time. Ties (equal first times) keep first appearance.
OrderedFieldValues orderFieldValues(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int field);

} // namespace te
