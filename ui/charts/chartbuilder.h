#pragma once

#include "regress/trendsteps.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <vector>

class QChart;
class QIODevice;
class QPalette;

namespace te {

struct ChartData;

/// Builds the QChart for `data`'s kind: box plots with outliers and n under each
/// box, bars with bootstrap error bars, stacked phase composition, overlaid
/// histograms, or trends with a rolling median; plus the target line. The same
/// function serves the charts view and the headless `chart` command.
///
/// Every series carries the group it draws in the property "group" (an int), and
/// box sets and bar categories are in group order, so a view can map clicks back.
/// The caller owns the returned chart.
///
/// A trend along a field marks `steps` (findTrendSteps), if given, as
/// TrendStepMarks does: what the window shows, and what an exported file keeps.
QChart* buildChart(const ChartData& data, const std::vector<TrendStep>& steps = {});

/// A title naming the metric, statistic and grouping: "total by model (median, 95 % CI)".
QString chartTitle(const ChartData& data);

/// Colours the chart's background, title, legend, axes and grid from `palette`,
/// so that the chart reads in a dark scheme too. Marks keep their group's hue, at
/// the lightness that reads on the palette's base. Files written by exportChart
/// stay on white.
void applyPalette(QChart* chart, const QPalette& palette);

enum class ChartImage
{
    Png,
    Svg
};

/// Renders a fresh chart of `data` at `size` as PNG or SVG into `device`. False,
/// with `error` set to the device's reason, when it cannot be written.
bool renderChart(const ChartData& data, QIODevice& device, ChartImage format, QSize size, QString* error,
    const std::vector<TrendStep>& steps = {});

/// Renders a fresh chart of `data` at `size` into a PNG or SVG file (by suffix),
/// through the one safe write (writeSafely): whole or not at all, device targets
/// such as /dev/stdout written directly, and never over one of `protectedInputs`.
/// Returns false and sets `error` (naming the file and the reason) when it fails.
bool exportChart(const ChartData& data, const QString& path, QSize size, const QStringList& protectedInputs,
    QString* error, const std::vector<TrendStep>& steps = {});

} // namespace te
