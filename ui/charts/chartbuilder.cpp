#include "ui/charts/chartbuilder.h"

#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"
#include "ui/charts/src/trendstepmarks.h"
#include "ui/widgets/appearance.h"

#include <QAbstractBarSeries>
#include <QBoxPlotSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>

namespace te {

namespace {

// Error bars and outliers need no legend entries; bar sets (the parts) and
// named series (groups, the target) do.
void showNamedSeriesInLegend(QChart* chart)
{
    for (QAbstractSeries* series : chart->series()) {
        const bool named = !series->name().isEmpty() || qobject_cast<QAbstractBarSeries*>(series);
        const auto markers = chart->legend()->markers(series);
        for (auto* marker : markers)
            marker->setVisible(named);
    }
}

QString trendTitle(const ChartData& data, const QString& by)
{
    const TrendAxis& axis = data.trendAxis;
    const QString along = axis.mode == TrendAxis::Mode::Order ? QObject::tr("in run order")
        : axis.mode == TrendAxis::Mode::Field                 ? QObject::tr("by %1").arg(axis.field)
                                                              : QObject::tr("over time");
    return QObject::tr("%1 %2 %3, with a rolling median").arg(data.request.metric, along, by);
}

} // namespace

QString chartTitle(const ChartData& data)
{
    const QString by = data.request.groupBy.isEmpty()
        ? QObject::tr("all runs")
        : QObject::tr("by %1").arg(data.request.groupBy.join(QStringLiteral(" × ")));
    switch (data.request.kind) {
    case ChartRequest::Kind::Box:
        return QObject::tr("%1 %2: quartiles, whiskers at 1.5 IQR, outliers").arg(data.request.metric, by);
    case ChartRequest::Kind::Bar:
        return QObject::tr("%1 of %2 %3, with bootstrap 95 % intervals")
            .arg(statisticName(data.request.statistic), data.request.metric, by);
    case ChartRequest::Kind::Stacked:
        return data.request.percent
            ? QObject::tr("Where the time of %1 goes, %2 (share of the mean seconds)")
                  .arg(data.request.metric, by)
            : QObject::tr("Where the time of %1 goes, %2 (mean seconds)").arg(data.request.metric, by);
    case ChartRequest::Kind::Histogram:
        return QObject::tr("Distribution of %1 %2").arg(data.request.metric, by);
    case ChartRequest::Kind::Trend:
        return trendTitle(data, by);
    case ChartRequest::Kind::Ecdf:
        return QObject::tr("Share of runs of %1 at or below each time, %2 (● median, ■ P95)")
            .arg(data.request.metric, by);
    case ChartRequest::Kind::Paired:
        if (data.paired.registrations.size() > chartparts::kMaxPairedLines)
            return QObject::tr("%1 of the %2 registrations (of %3) whose models differ most, %4")
                .arg(data.request.metric)
                .arg(chartparts::kMaxPairedLines)
                .arg(data.paired.registrations.size())
                .arg(by);
        return QObject::tr("%1 of each registration %2, slowest-to-fastest ratio first")
            .arg(data.request.metric, by);
    }
    return {};
}

QChart* buildChart(const ChartData& data, const std::vector<TrendStep>& steps)
{
    auto* chart = new QChart;
    chart->setTitle(chartTitle(data));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (data.groups.empty())
        return chart;
    switch (data.request.kind) {
    case ChartRequest::Kind::Box:
        chartparts::addBoxPlot(chart, data);
        chart->legend()->hide();
        break;
    case ChartRequest::Kind::Bar:
        chartparts::addBars(chart, data);
        chart->legend()->hide();
        break;
    case ChartRequest::Kind::Stacked:
        chartparts::addStackedParts(chart, data);
        break;
    case ChartRequest::Kind::Histogram:
        chartparts::addHistogram(chart, data);
        break;
    case ChartRequest::Kind::Trend:
        chartparts::addTrend(chart, data);
        break;
    case ChartRequest::Kind::Ecdf:
        chartparts::addEcdf(chart, data);
        break;
    case ChartRequest::Kind::Paired:
        chartparts::addPaired(chart, data);
        // A column beside the chart names every registration with its ratio whole;
        // beyond a column's worth, hovering a line names it.
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->legend()->setVisible(data.paired.registrations.size() <= 24);
        break;
    }
    if (data.request.targetSeconds && !chart->legend()->isVisible())
        chart->legend()->show();
    showNamedSeriesInLegend(chart);
    if (!steps.empty())
        new chartparts::TrendStepMarks(chart, data, steps); // the chart owns it
    return chart;
}

void applyPalette(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    chartparts::recolorMarks(chart, isDark(palette));
    for (auto* steps : chart->findChildren<chartparts::TrendStepMarks*>())
        steps->refresh(); // their labels take their lines' new colour
    for (QAbstractSeries* series : chart->series()) {
        if (auto* halo = qobject_cast<QLineSeries*>(series);
            halo && halo->property(chartparts::kHaloProperty).toBool())
            halo->setPen(QPen(palette.color(QPalette::Base), halo->pen().widthF()));
        if (!series->property(chartparts::kInkProperty).toBool())
            continue;
        if (auto* boxes = qobject_cast<QBoxPlotSeries*>(series))
            boxes->setPen(QPen(text, boxes->pen().widthF()));
        else if (auto* line = qobject_cast<QLineSeries*>(series))
            line->setPen(QPen(text, line->pen().widthF()));
    }
}

} // namespace te
