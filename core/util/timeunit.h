#pragma once

#include <QString>
#include <limits>

namespace te {

/// A unit for a column or an axis of durations, so that every value in it reads
/// in the same unit ("21.0 s" above "200.4 s", never above "3 min 20 s").
enum class TimeUnit
{
    Milliseconds,
    Seconds,
    Minutes,
    Hours
};

double secondsPerUnit(TimeUnit unit);
/// "ms", "s", "min", "h".
QString unitSymbol(TimeUnit unit);

/// The unit that values up to `largestSeconds` read best in: ms below 1 s, s below
/// 10 min, min below 10 h, h beyond. Values of a column or an axis share the unit
/// chosen for its largest magnitude. NaN or 0 give seconds.
TimeUnit unitForMagnitude(double largestSeconds);

/// `seconds` in `unit` with a fixed number of decimals and the symbol:
/// formatInUnit(200.4, Seconds, 1) is "200.4 s". Empty for NaN.
QString formatInUnit(double seconds, TimeUnit unit, int decimals);

/// Decimals that show 3 significant digits for values up to `largestSeconds` in
/// `unit` (12.3, 1.23, 123), at most 3.
int decimalsForMagnitude(double largestSeconds, TimeUnit unit);

/// How one column (or axis) of durations is written: one unit, one number of decimals.
struct ColumnFormat
{
    TimeUnit unit = TimeUnit::Seconds;
    int decimals = 1;

    QString format(double seconds) const { return formatInUnit(seconds, unit, decimals); }
};

/// The format of a column whose values reach `largest` seconds and whose smallest
/// non-zero value is `smallestNonZero` (infinity when none): the unit of the largest,
/// at least one decimal (none for ms), and enough for the smallest to keep two
/// digits (2 s in a column of minutes is "0.033 min", not "0.0 min"), at most three.
ColumnFormat columnFormatFor(double largest, double smallestNonZero);

/// Collects the magnitudes of a column's values, then gives its ColumnFormat.
class ColumnFormatter
{
public:
    void add(double seconds);
    ColumnFormat format() const { return columnFormatFor(m_largest, m_smallest); }

private:
    double m_largest = 0;
    double m_smallest = std::numeric_limits<double>::infinity();
};

} // namespace te
