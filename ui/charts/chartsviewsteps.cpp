// ChartsView's steps: looking for them on a trend along a field, marking them,
// and opening the A/B panel on one.
#include "ui/charts/abpanel.h"
#include "ui/charts/chartbuilder.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/src/trendstepmarks.h"
#include "ui/charts/zoomablechartview.h"

#include <QChart>
#include <QLabel>
#include <QTabWidget>

namespace te {

void ChartsView::findSteps()
{
    m_steps.clear();
    const bool alongField = m_chart.request.kind == ChartRequest::Kind::Trend
        && m_chart.trendAxis.mode == TrendAxis::Mode::Field && !m_chart.groups.empty() && m_data;
    if (!alongField) {
        m_stepSearch.cancel();
        return;
    }
    m_status->setText(m_chartStatus + tr(" Looking for steps…"));
    // The permutation test is the slow part: on a million runs it takes seconds,
    // so the chart is drawn first and the steps are marked when they are found.
    m_stepSearch.start([data = m_data, chart = m_chart](
                           const std::atomic<bool>& cancel) -> std::optional<std::vector<TrendStep>> {
        std::vector<TrendStep> steps = findTrendSteps(*data, chart, &cancel);
        if (cancel.load())
            return std::nullopt;
        return steps;
    });
}

void ChartsView::showSteps(std::optional<std::vector<TrendStep>> steps)
{
    if (!steps || !m_chartView->chart())
        return; // superseded: the chart it was for is gone
    m_steps = std::move(*steps);
    auto* marks = new chartparts::TrendStepMarks(m_chartView->chart(), m_chart, m_steps);
    connect(marks, &chartparts::TrendStepMarks::stepChosen, this, &ChartsView::compareStep);
    applyPalette(m_chartView->chart(), palette()); // the marks too, in a dark scheme
    QStringList told;
    for (const TrendStep& step : m_steps)
        told << tr("%1 at %2")
                    .arg(chartparts::TrendStepMarks::stepLabel(m_chart, step),
                        m_chart.trendAxis.categories.value(step.point.at));
    const QString found = m_steps.empty()
        ? tr(" No step found (binary segmentation, permutation p < 0.01, as `changes` looks).")
        : tr(" Steps: %1; click one to compare the runs before and after it.")
              .arg(told.join(QStringLiteral(", ")));
    m_status->setText(m_chartStatus + found);
    emit stepsFound();
}

void ChartsView::compareStep(int index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_steps.size() || !m_data)
        return;
    const TrendStep& step = m_steps[static_cast<std::size_t>(index)];
    auto [before, after] = runsAroundStep(*m_data, m_chart, step);
    const QStringList& values = m_chart.trendAxis.categories;
    const QString group = m_chart.groups[static_cast<std::size_t>(step.group)].label;
    const QString prefix = m_chart.groups.size() > 1 ? group + QStringLiteral(", ") : QString();
    const QString at = values.value(step.point.at);
    m_ab->compareRuns(tr("%1before %2 (from %3)").arg(prefix, at, values.value(step.point.from)),
        std::move(before), tr("%1from %2 (to %3)").arg(prefix, at, values.value(step.point.to - 1)),
        std::move(after));
    m_below->setCurrentWidget(m_ab);
}

} // namespace te
