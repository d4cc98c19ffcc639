#pragma once

#include <QString>

namespace te {

/// A duration as people read it: "850 ms", "12.4 s", "2 min 05 s", "1 h 02 min".
/// Empty for NaN (no value).
QString formatDuration(double seconds);

/// A share as "42.1 %"; empty for NaN.
QString formatPercent(double fraction);

} // namespace te
