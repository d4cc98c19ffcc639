#pragma once

#include <QString>
#include <cstddef>

namespace te {

struct ChartData;

/// The line under a chart: the chart's error; the advice when it has nothing to
/// draw (`runsInView` is how many runs the runs view shows); else how many runs
/// it draws, in how many groups, how to read it, and for a trend the runs its x
/// axis leaves out and how to zoom.
QString chartStatus(const ChartData& chart, std::size_t runsInView);

} // namespace te
