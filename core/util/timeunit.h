#pragma once

#include <QString>

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

} // namespace te
