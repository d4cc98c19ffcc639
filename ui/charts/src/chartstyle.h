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

/// A linear or (when the request says so) log axis for seconds, titled `title`.
QAbstractAxis* valueAxis(const ChartData& data, const QString& title);
/// Sets the range, with round tick values on a linear axis (a log axis has its own).
void setValueRange(QAbstractAxis* axis, double low, double high);
/// The range of a value axis showing `low`..`high` with some room above, and from
/// zero on a linear axis.
void fitValueRange(QAbstractAxis* axis, const ChartData& data, double low, double high);

/// The bottom axis with one category per group, "label (n=runs)", added to `chart`;
/// its labels rotate when there are many groups, so none is cut off.
QBarCategoryAxis* addGroupAxis(QChart* chart, const ChartData& data);
/// Adds `series` to `chart` on the axes `x` and `y`.
void addOnAxes(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y);

/// The request's target duration as a dashed line from `from` to `to` along the
/// other axis (vertical: the target is an x value); nothing without a target.
void addTargetLine(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y, double from,
    double to, bool vertical);
/// The target line across every category of a group axis.
void addTargetAcrossGroups(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y);

} // namespace chartparts
} // namespace te
