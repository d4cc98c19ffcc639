#pragma once

#include <QObject>
#include <QString>
#include <vector>

class QChart;

namespace te {

struct ChartData;
struct TrendStep;

namespace chartparts {

/// The detected steps of a trend along a field, drawn on its chart: per step a
/// dashed vertical line in its group's colour between the last value before the
/// step and the first after it, and a label over the plot ("↑ ×1.60 m_a"), both
/// with a tip giving the medians, n, the ratio's 95 % CI and p. Clicking either
/// emits stepChosen. Child of the chart, so it goes with it. Private to the
/// charts library.
class TrendStepMarks final : public QObject
{
    Q_OBJECT
public:
    /// Draws `steps` of `data` on `chart`, built by
    /// buildChart from `data`. Nothing for a chart that is no trend along a field.
    TrendStepMarks(QChart* chart, const ChartData& data, const std::vector<TrendStep>& steps);

    /// What a step's tip says, plain text.
    static QString stepTip(const ChartData& data, const TrendStep& step);
    /// Its label: the arrow, the ratio and, with several groups, the group.
    static QString stepLabel(const ChartData& data, const TrendStep& step);

    /// Places the labels over their lines, in their lines' colours: after a
    /// layout, a zoom or a pan, and after applyPalette recoloured the lines.
    void refresh();

signals:
    /// The user clicked the mark of steps[index].
    void stepChosen(int index);

private:
    QChart* m_chart;
    struct Label;
    std::vector<Label*> m_labels;
};

} // namespace chartparts
} // namespace te
