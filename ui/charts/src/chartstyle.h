#pragma once

#include <QColor>
#include <QStringList>
#include <cstddef>

class QAbstractAxis;
class QAbstractSeries;
class QBarCategoryAxis;
class QChart;
class QObject;

namespace te {

struct ChartData;

/// The pieces every chart kind is made of: group colours, value and group axes,
/// and the target line. Private to the charts library.
namespace chartparts {

/// Series drawn in the text colour (box outlines and whiskers, error bars), not in
/// a group's colour, carry this property; applyPalette recolours them.
inline constexpr const char* kInkProperty = "ink";
/// Set on a line drawn under another in the chart's base colour, so that the line
/// above stands out of a cloud of points; applyPalette keeps it the base colour.
inline constexpr const char* kHaloProperty = "halo";
/// The index of the group a series or set draws, an int, for mapping clicks back.
inline constexpr const char* kGroupProperty = "group";
/// The index of the registration a paired chart's line draws, in ChartData::paired.
inline constexpr const char* kPairProperty = "pair";
/// Set on the strip of runs over a box; its points map back to ChartGroup::points.
inline constexpr const char* kStripProperty = "strip";

/// Set by markColor on every series or set drawn in a group's colour (an int, a
/// MarkKind), with kColorProperty; applyPalette recolours them for the palette.
inline constexpr const char* kMarkProperty = "mark";
/// The index into the group palette of a mark's colour (the group, part or pair).
inline constexpr const char* kColorProperty = "colorIndex";

/// How a mark is drawn, which sets its colour's alpha. Each keeps a contrast of at
/// least 3:1 against the chart's base and against a box's tint behind it, in the
/// light and the dark palette (tst_contrast computes it).
enum class MarkKind
{
    Solid, ///< lines, bars, outliers, markers and a strip's points (up to kDenseStrip)
    Tint, ///< a box's fill, behind its strip of points and its median line
    DensePoint, ///< a strip's points when there are more than kDenseStrip
    TrendPoint, ///< each run on a trend, under its group's rolling median
    Target, ///< the target line (not a group's colour)
};
/// More points than this in a strip are drawn smaller and as DensePoint.
inline constexpr std::size_t kDenseStrip = 200;

/// The groups' qualitative palette: the Okabe–Ito hues, told apart with colour
/// blindness, darkened for a light base and lightened for a dark one; repeats after
/// kGroupColors.
inline constexpr int kGroupColors = 7;
QColor groupColor(int group, bool dark = false);
/// The colour of a `kind` mark of palette entry `colorIndex` on a light or dark base.
QColor markColor(MarkKind kind, int colorIndex, bool dark);
/// Tags `mark` (a series, QBarSet or QBoxSet) with `kind` and `colorIndex`, so that
/// recolorMarks can follow the palette, and returns its colour on the light palette
/// (the look of exported files).
QColor markColor(QObject* mark, MarkKind kind, int colorIndex);
/// Gives every mark markColor tagged in `chart` its colour on a light or dark base.
void recolorMarks(QChart* chart, bool dark);

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
