#pragma once

class QWidget;

namespace te {

struct ChartData;

/// Asks where and how large to export `chart` (PNG or SVG, remembering the last
/// choices), then writes it through the safe write; a failure is shown in a message
/// box. False when the user cancelled or the write failed.
bool exportChartAsked(QWidget* parent, const ChartData& chart);

} // namespace te
