#pragma once

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

// continuouscharts.cpp: seconds or time along the bottom.
void addHistogram(QChart* chart, const ChartData& data); ///< one step outline per group, overlaid
void addTrend(QChart* chart, const ChartData& data); ///< each run over time, and a rolling median per group

} // namespace chartparts
} // namespace te
