#pragma once

#include <QSize>
#include <QString>

class QChart;
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
QChart* buildChart(const ChartData& data);

/// A title naming the metric, statistic and grouping: "total by model (median, 95 % CI)".
QString chartTitle(const ChartData& data);

/// Colours the chart's background, title, legend, axes and grid from `palette`,
/// so that the chart reads in a dark scheme too. Series colours are kept: they
/// identify groups. Files written by exportChart stay on white.
void applyPalette(QChart* chart, const QPalette& palette);

/// Renders a fresh chart of `data` at `size` into a PNG or SVG file (by suffix).
/// Returns false and sets `error` when the file cannot be written.
bool exportChart(const ChartData& data, const QString& path, QSize size, QString* error);

} // namespace te
