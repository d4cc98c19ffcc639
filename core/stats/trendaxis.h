#pragma once

#include "util/axisticks.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <cstdint>
#include <optional>
#include <vector>

namespace te {

class TimingDataset;

/// A stretch of time without runs that a trend's time axis draws compressed.
struct TrendGap
{
    qint64 fromMs = 0; ///< the last run before the gap
    qint64 toMs = 0; ///< the first run after it
    double xFrom = 0; ///< where the compressed gap starts on the axis
    double xTo = 0; ///< and where it ends
};

/// The x axis of a trend chart: what each drawn run's x is, the axis's range and
/// its labelled ticks, the compressed gaps of a time axis, and the runs left out.
///
/// - Time: x is milliseconds of time shown, from the first run's time, with every
///   long gap (see timeTrendAxis) cut down to a small fixed width.
/// - Order: x is the run's index in file order, from 1.
/// - Field: x is the index of the run's value among the field's values in the order
///   the history went through them (orderFieldValues: by their first run's time, or
///   by first appearance in file order without times), from 0; `categories` holds
///   the values.
struct TrendAxis
{
    enum class Mode
    {
        Time,
        Order,
        Field
    };
    /// A stretch of time drawn to scale: runs from `fromMs` to `toMs` start at `x`.
    struct Segment
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        double x = 0;
    };

    Mode mode = Mode::Time;
    QString field; ///< Field mode: the field's name
    double min = 0; ///< the axis's range, padded around the drawn runs
    double max = 1;
    std::vector<AxisTick> ticks; ///< of [min, max]; trendTicks gives a zoomed range's
    std::vector<TrendGap> gaps; ///< Time mode: ascending
    QStringList categories; ///< Field mode: x = index in this list
    bool fieldByTime = false; ///< Field mode: ordered by their first run's time
    /// Runs with a value for the metric but without a timestamp (Time) or a value of
    /// the field (Field): they are not drawn.
    std::size_t missing = 0;

    std::vector<Segment> segments; ///< Time mode: ascending, between the gaps
    std::vector<int> categoryOfCode; ///< Field mode: by the field's code, -1 for none
    int fieldId = -1; ///< Field mode

    /// Where `run` lies on the axis; nullopt for a run that is not drawn.
    std::optional<double> xOf(const TimingDataset& data, std::uint32_t run) const;
    /// Time mode: where the time `ms` (of a drawn run) lies on the axis.
    double xOfTime(qint64 ms) const;
    /// Time mode: the time at `x`; nullopt inside a gap. Beyond the ends, the
    /// first and last segments continue.
    std::optional<qint64> msAt(double x) const;
};

/// Spellings of ChartRequest::trendX: "time" (or empty) and "order"; anything
/// else names a field.
inline constexpr const char* kTrendXTime = "time";
inline constexpr const char* kTrendXOrder = "order";

/// The time axis of a trend of runs at `times` (ms since the epoch, any order).
///
/// A gap is a spacing between consecutive distinct times longer than both 20 ×
/// the median positive spacing and 1/50 of the whole span. Both bounds matter: the
/// first keeps evenly or randomly spaced runs (whose longest spacing is a few
/// medians) whole, the second keeps a steady series whose median spacing is tiny
/// from breaking at every pause. With one run, two runs, or equal times, there
/// is no gap. At most the 40 longest are compressed. Each compressed gap is drawn
/// as wide as 5 % of the time shown (less with more than 5 gaps: together they
/// take at most 25 %), never wider than the gap; 1 min when the runs between the
/// gaps share their times. The range is padded by 2 % each side and spans at
/// least a minute. Ticks fall at round times within each segment (timeAxisTicks).
TrendAxis timeTrendAxis(std::vector<qint64> times);

/// The x axis for `runs` of `data` (the runs with a value for the metric) as
/// `trendX` asks (see kTrendXTime). nullopt when `trendX` names no field.
std::optional<TrendAxis> trendAxis(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const QString& trendX);

/// The labelled ticks of `axis` within [lo, hi], about `maxTicks` of them: round
/// times within each segment of a time axis (a gap's neighbours are thinned so
/// labels do not overlap), nice whole numbers for run order, and the field's
/// values (every k-th when more than 1.5 × maxTicks are in view).
std::vector<AxisTick> trendTicks(const TrendAxis& axis, double lo, double hi, int maxTicks = 8);

} // namespace te
