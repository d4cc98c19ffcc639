#pragma once

#include <cstddef>

class QAbstractAxis;
class QChart;

namespace te {

struct ChartData;

/// One function per chart kind: each adds its series and axes to `chart`, which
/// buildChart has titled. `data` has at least one group. Private to the charts library.
namespace chartparts {

// categorycharts.cpp: one category per group along the bottom.
void addBoxPlot(QChart* chart, const ChartData& data); ///< quartiles, whiskers, the extreme outliers
void addBars(QChart* chart, const ChartData& data); ///< the statistic with its bootstrap interval
void addStackedParts(QChart* chart, const ChartData& data); ///< mean seconds of each part, stacked

// continuouscharts.cpp: seconds along the bottom.
void addHistogram(QChart* chart, const ChartData& data); ///< one step outline per group, overlaid
// trendchart.cpp: each run along the trend's x axis (ChartData::trendAxis) with a
// rolling median per group, and the compressed gaps of a time axis marked.
void addTrend(QChart* chart, const ChartData& data);

// distributioncharts.cpp: what shows every run when there are few.
void addEcdf(QChart* chart, const ChartData& data); ///< one step line per group, median and P95 marked
/// One line per registration across the groups (categories) it ran in, for at most
/// kMaxPairedLines registrations: the ones whose groups differ most.
void addPaired(QChart* chart, const ChartData& data);
inline constexpr std::size_t kMaxPairedLines = 60;
/// Each run of each group as a point in a deterministic strip over its box, on the
/// group axis `x` and value axis `y`.
void addRunPoints(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y);

} // namespace chartparts
} // namespace te
