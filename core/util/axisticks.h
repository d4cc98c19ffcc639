#pragma once

#include "util/timeunit.h"

#include <QString>
#include <QtGlobal>
#include <vector>

namespace te {

struct AxisTick
{
    double value = 0; ///< seconds (a value axis) or ms since the epoch (a time axis)
    QString label;
};

/// An axis of durations: its range, scale and labelled ticks.
struct ValueAxis
{
    bool logScale = false;
    /// Values are shares in percent (0 to 100), not seconds: a composition chart's
    /// percent mode. `unit` is then unused.
    bool percent = false;
    /// The one unit of a linear axis's labels; a log axis labels each tick in the
    /// unit that reads best for it ("50 s", "1 min") and reports the unit of its top.
    TimeUnit unit = TimeUnit::Seconds;
    double min = 0; ///< seconds
    double max = 1; ///< seconds
    std::vector<AxisTick> ticks; ///< ascending, all within [min, max]
};

/// The smallest of 1, 2, 2.5 or 5 × 10^k that is at least `raw` (> 0): the step of
/// every linear axis.
double niceStep(double raw);

/// A linear axis over [lo, hi] seconds with about `targetTicks` nice ticks: a step
/// of 1, 2, 2.5 or 5 × 10^k in the unit chosen for the range's magnitude, and the
/// range widened to the ticks around it. Every label is in that one unit, with the
/// decimals the step needs ("20 s", "2.5 min"). An empty or one-point range is
/// widened around its value. NaN bounds give [0, 1].
ValueAxis linearTimeAxis(double lo, double hi, int targetTicks = 6);

/// A log axis over [lo, hi] seconds (both > 0; smaller ones are raised to a
/// thousandth of `hi`). Ticks are 1-2-5 values in time units: 1 ms ... 500 ms,
/// 1 s, 2 s, 5 s, 10 s, 20 s, 50 s, 1 min ... 50 min, 1 h, 2 h, 5 h, 10 h ...
/// When fewer than 4 of them fall in the range, denser mantissas (1-1.5-2-3-5-7,
/// then every 1-9) are used, and for a range narrower than that, nice linear
/// ticks. The range is padded by 5 % of its log span on each side.
ValueAxis logTimeAxis(double lo, double hi);

/// The axis of a composition in percent: 0 % to 100 % with a tick every 20 %.
ValueAxis percentAxis();

/// Ticks for a time-of-day axis over [loMs, hiMs] (ms since the epoch, UTC) at round
/// times: a step of 1, 2, 5, 10, 15 or 30 s or min, 1, 2, 3, 6 or 12 h, or 1, 2, 7
/// days, the one giving at most `maxTicks` ticks. Labels are "10:30" (with seconds
/// below a minute's step, "10:30:15"), prefixed by the date ("Jan 14 10:30") on the
/// first tick and where the day changes; steps of a day or more show the date alone.
std::vector<AxisTick> timeAxisTicks(qint64 loMs, qint64 hiMs, int maxTicks = 8);

} // namespace te
