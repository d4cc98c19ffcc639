#pragma once

#include <QString>

class QCategoryAxis;

namespace te {

struct TrendAxis;
struct TrendGap;

/// The pieces of the trend chart that its zoom and its tips reuse. Private to the
/// charts library; addTrend (chartkinds.h) draws the chart.
namespace chartparts {

/// Set on the series marking a compressed gap of a trend's time axis: the gap's
/// index in TrendAxis::gaps, an int.
inline constexpr const char* kGapProperty = "gap";

/// Labels `axis` with core's ticks of `trend` within [lo, hi] (trendTicks), as
/// many as fit, so that a zoomed-in axis shows round times of what is in view.
void labelTrendAxis(QCategoryAxis* axis, const TrendAxis& trend, double lo, double hi);

/// What a gap's marker says: "⋯ 23 h 33 min".
QString gapLabel(const TrendGap& gap);
/// Its tip: how long, from when to when, and that it is drawn compressed.
QString gapTip(const TrendGap& gap);

} // namespace chartparts
} // namespace te
