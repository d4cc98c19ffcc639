#pragma once

#include "query/runfilter.h"

#include <QSet>
#include <QString>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// Everything the runs view's filter bar can ask for, evaluated in core over the
/// dataset's columns (a million runs in tens of milliseconds). All parts combine
/// with AND; an empty part does not filter.
struct RunQuery
{
    static constexpr double kNoLimit = std::numeric_limits<double>::quiet_NaN();

    /// Case-insensitive substring of registration_id or any metadata value
    /// (timestamps have their own range below).
    QString text;
    /// Per field id, the values to keep (the model and constellation pickers).
    std::map<int, QSet<QString>> allowedValues;
    /// A range of seconds on one metric (total by default); NaN: open end.
    int rangeMetric = 0;
    double minSeconds = kNoLimit;
    double maxSeconds = kNoLimit;
    /// A timestamp range in ms since the epoch; runs without a timestamp are
    /// dropped when either end is set.
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
    /// Only runs with a data warning.
    bool onlyProblems = false;
    /// The same expressions as the CLI's --filter.
    std::vector<RunFilter> expressions;
    /// A drill-down: only these runs (sorted), when set.
    std::optional<std::vector<std::uint32_t>> restrictTo;

    bool isEmpty() const;
    /// The matching runs, in dataset order; or, with `order`, the matching runs of
    /// `order` in its order (filtering a sorted list keeps it sorted).
    std::vector<std::uint32_t> apply(
        const TimingDataset& data, const std::vector<std::uint32_t>* order = nullptr) const;
};

} // namespace te
