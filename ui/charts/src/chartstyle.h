#pragma once

#include <QColor>
#include <QStringList>
#include <cstddef>

class QAbstractAxis;
class QAbstractSeries;
class QBarCategoryAxis;
class QChart;

namespace te {

struct ChartData;

/// The pieces every chart kind is made of: group colours, value and group axes,
/// and the target line. Private to the charts library.
namespace chartparts {

/// Series drawn in the text colour (box outlines and whiskers, error bars), not in
/// a group's colour, carry this property; applyPalette recolours them.
inline constexpr const char* kInkProperty = "ink";
/// The index of the group a series or set draws, an int, for mapping clicks back.
inline constexpr const char* kGroupProperty = "group";
/// The index of the registration a paired chart's line draws, in ChartData::paired.
inline constexpr const char* kPairProperty = "pair";
/// Set on the strip of runs over a box; its points map back to ChartGroup::points.
inline constexpr const char* kStripProperty = "strip";

/// A qualitative palette readable on light and dark backgrounds; repeats after ten.
QColor groupColor(int group);

/// The value axis of `data` as core laid it out (ChartData::valueAxis): its range
/// and a label on each of its ticks ("20 s", "1 min", "40 %"), with grid lines
/// there. On a log scale the chart draws log10 of seconds (axisCoordinate), since
/// QLogValueAxis labels whole decades only. Titled `title`; add it to the chart.
QAbstractAxis* valueAxis(const ChartData& data, const QString& title);
/// Where `seconds` (or a percent, on a percent axis) lies on `data`'s value axis:
/// log10 of it on a log scale (values <= 0 at the axis's bottom), else itself.
double axisCoordinate(const ChartData& data, double seconds);
/// The inverse of axisCoordinate: the seconds a point of the value axis stands for.
double secondsAt(const ChartData& data, double coordinate);

/// The bottom axis with one category per group, "label (n=runs)", added to `chart`;
/// its labels rotate when there are many groups, so none is cut off.
QBarCategoryAxis* addGroupAxis(QChart* chart, const ChartData& data);
/// Adds `series` to `chart` on the axes `x` and `y`.
void addOnAxes(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y);

/// The request's target duration on the value axis as a dashed line from `from`
/// to `to` along the other axis (vertical: the value axis is x); nothing without
/// a target, or on a percent axis.
void addTargetLine(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y, double from,
    double to, bool vertical);
/// The target line across every category of a group axis.
void addTargetAcrossGroups(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y);

} // namespace chartparts
} // namespace te
