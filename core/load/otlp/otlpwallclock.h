#pragma once

// Internal to the OTLP reader: the wall-clock arithmetic of spans that may run at
// the same time.

#include <QtGlobal>
#include <vector>

namespace te::loader::otlp {

/// A span's time, [begin, end) in nanoseconds.
struct Interval
{
    qint64 begin = 0;
    qint64 end = 0;
};

/// Whether some interval starts before another has ended (touching is no overlap).
bool anyOverlap(std::vector<Interval> intervals);

/// How much of `whole` no interval covers: the intervals are merged first, so
/// time covered twice counts once, and what lies outside `whole` does not count.
qint64 uncoveredNanos(Interval whole, std::vector<Interval> intervals);

} // namespace te::loader::otlp
