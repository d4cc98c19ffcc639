#include "ui/charts/src/chartinteraction.h"

#include "data/timingdataset.h"
#include "stats/chartdata.h"
#include "ui/charts/charttips.h"
#include "ui/charts/src/chartstyle.h"
#include "ui/charts/src/trendchart.h"
#include "util/durationformat.h"
#include "util/timestampformat.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QCursor>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QScatterSeries>
#include <QToolTip>
#include <QXYSeries>
#include <limits>

namespace te {

using namespace chartparts;

ChartInteraction::ChartInteraction(
    QChart* chart, std::shared_ptr<const TimingDataset> data, const ChartData& chartData)
    : QObject(chart)
    , m_chart(chart)
    , m_data(std::move(data))
    , m_chartData(chartData)
{
    connectSeries();
}

void ChartInteraction::connectSeries()
{
    for (QAbstractSeries* series : m_chart->series()) {
        if (auto* boxes = qobject_cast<QBoxPlotSeries*>(series)) {
            connect(boxes, &QBoxPlotSeries::hovered, this, [this](bool show, QBoxSet* set) {
                showTip(show, charttips::boxTip(m_chartData, set->property(kGroupProperty).toInt()));
            });
            connect(boxes, &QBoxPlotSeries::clicked, this,
                [this](QBoxSet* set) { drillDownAt(set->property(kGroupProperty).toInt(), {}); });
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            // A bar chart's one set has a bar per group; a stacked chart's sets are the parts.
            const bool stacked = m_chartData.request.kind == ChartRequest::Kind::Stacked;
            connect(bars, &QAbstractBarSeries::hovered, this,
                [this, bars, stacked](bool show, int group, QBarSet* set) {
                    showTip(show,
                        stacked ? charttips::partTip(
                            m_chartData, group, static_cast<int>(bars->barSets().indexOf(set)))
                                : charttips::statisticTip(m_chartData, group));
                });
            connect(bars, &QAbstractBarSeries::clicked, this,
                [this](int group, QBarSet*) { drillDownAt(group, {}); });
        } else if (auto* xy = qobject_cast<QXYSeries*>(series)) {
            connectXY(xy);
        }
    }
}

void ChartInteraction::connectXY(QXYSeries* series)
{
    if (const QVariant gap = series->property(kGapProperty); gap.isValid()) {
        connect(series, &QXYSeries::hovered, this, [this, gap](const QPointF&, bool show) {
            showTip(show, gapTip(m_chartData.trendAxis.gaps.at(static_cast<std::size_t>(gap.toInt()))));
        });
        return;
    }
    const bool isMark
        = series->property(kGroupProperty).isValid() || series->property(kPairProperty).isValid();
    if (!isMark)
        return; // the target line: its legend entry says what it is
    connect(series, &QXYSeries::hovered, this, [this, series](const QPointF& point, bool show) {
        showTip(show, show ? xyTip(series, point) : QString());
    });
    connect(
        series, &QXYSeries::clicked, this, [this, series](const QPointF& point) { clickXY(series, point); });
}

int ChartInteraction::nearestPoint(const QXYSeries* series, const QPointF& point) const
{
    const QPointF target = m_chart->mapToPosition(point, const_cast<QXYSeries*>(series));
    int nearest = -1;
    double best = std::numeric_limits<double>::max();
    const QList<QPointF> points = series->points();
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF at = m_chart->mapToPosition(points[i], const_cast<QXYSeries*>(series));
        const double distance = QLineF(at, target).length();
        if (distance < best) {
            best = distance;
            nearest = static_cast<int>(i);
        }
    }
    return nearest;
}

void ChartInteraction::showTip(bool show, const QString& text) const
{
    if (!show || text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QWidget* view = nullptr;
    if (m_chart->scene() && !m_chart->scene()->views().isEmpty())
        view = m_chart->scene()->views().front();
    QToolTip::showText(QCursor::pos(), text, view);
}

QString ChartInteraction::xyTip(const QXYSeries* series, const QPointF& point) const
{
    if (series->property(kPairProperty).isValid())
        return charttips::pairTip(m_chartData, series->property(kPairProperty).toInt());
    const int group = series->property(kGroupProperty).toInt();
    if (series->property(kStripProperty).isValid()) {
        const auto& points = m_chartData.groups[static_cast<std::size_t>(group)].points;
        const int index = nearestPoint(series, point);
        if (index < 0 || index >= static_cast<int>(points.size()))
            return {};
        return charttips::runTip(*m_data, m_chartData, group, points[static_cast<std::size_t>(index)].run);
    }
    switch (m_chartData.request.kind) {
    case ChartRequest::Kind::Histogram:
        return charttips::binTip(m_chartData, histogramBinAt(m_chartData, secondsAt(m_chartData, point.x())));
    case ChartRequest::Kind::Ecdf:
        return charttips::ecdfTip(m_chartData, group, secondsAt(m_chartData, point.x()));
    case ChartRequest::Kind::Bar:
        return charttips::statisticTip(m_chartData, group);
    case ChartRequest::Kind::Trend:
        return trendTip(series, group, point);
    default:
        return charttips::boxTip(m_chartData, group);
    }
}

void ChartInteraction::clickXY(const QXYSeries* series, const QPointF& point)
{
    if (series->property(kPairProperty).isValid()) {
        const auto pair = static_cast<std::size_t>(series->property(kPairProperty).toInt());
        for (const std::uint32_t run : m_chartData.paired.registrations.at(pair).runs) {
            if (run != std::numeric_limits<std::uint32_t>::max()) {
                emit registrationChosen(run);
                return;
            }
        }
        return;
    }
    const int group = series->property(kGroupProperty).toInt();
    if (series->property(kStripProperty).isValid()) {
        const auto& points = m_chartData.groups[static_cast<std::size_t>(group)].points;
        const int index = nearestPoint(series, point);
        if (index >= 0 && index < static_cast<int>(points.size()))
            emit runChosen(points[static_cast<std::size_t>(index)].run);
        return;
    }
    drillDownAt(group, point);
}

// How far from a click on a trend, in x, a run counts as clicked: a few pixels.
double ChartInteraction::clickHalfWidth(const QPointF& point) const
{
    constexpr double kPixels = 5;
    QAbstractSeries* any = m_chart->series().value(0);
    const QPointF at = m_chart->mapToPosition(point, any);
    return std::abs(m_chart->mapToValue(at + QPointF(kPixels, 0), any).x() - point.x());
}

// Where `x` lies on the trend's axis, in words: a time, a run's number or a value.
QString ChartInteraction::trendXText(double x) const
{
    const TrendAxis& axis = m_chartData.trendAxis;
    switch (axis.mode) {
    case TrendAxis::Mode::Time:
        if (const auto ms = axis.msAt(x))
            return formatTimestampIso(*ms);
        return tr("a gap without runs");
    case TrendAxis::Mode::Order:
        return tr("run %L1").arg(std::llround(x));
    case TrendAxis::Mode::Field:
        return QStringLiteral("%1 = %2").arg(axis.field, axis.categories.value(std::lround(x)));
    }
    return {};
}

// A trend's run point names its run; its median line the place and the median.
QString ChartInteraction::trendTip(const QXYSeries* series, int group, const QPointF& point) const
{
    if (qobject_cast<const QScatterSeries*>(series)) {
        const auto runs = runsNearTrendX(*m_data, m_chartData, group, point.x(), clickHalfWidth(point));
        if (runs.size() == 1)
            return charttips::runTip(*m_data, m_chartData, group, runs.front());
        if (!runs.empty())
            return tr("%1: %2 runs around %3; click to see them")
                .arg(m_chartData.groups[static_cast<std::size_t>(group)].label)
                .arg(runs.size())
                .arg(trendXText(point.x()));
    }
    return QStringLiteral("%1\n%2\n%3")
        .arg(m_chartData.groups[static_cast<std::size_t>(group)].label, trendXText(point.x()),
            tr("rolling median %1").arg(formatDuration(secondsAt(m_chartData, point.y()))));
}

// A click on a group's mark: a histogram's bin, a trend's moment, or the whole group.
void ChartInteraction::drillDownAt(int group, const QPointF& point)
{
    if (group < 0 || group >= static_cast<int>(m_chartData.groups.size()))
        return;
    const ChartGroup& g = m_chartData.groups[static_cast<std::size_t>(group)];
    const QString& metric = m_chartData.request.metric;
    if (m_chartData.request.kind == ChartRequest::Kind::Histogram) {
        const int bin = histogramBinAt(m_chartData, secondsAt(m_chartData, point.x()));
        if (bin < 0)
            return;
        const auto& edges = m_chartData.histogram.edges;
        const auto runs = runsInBin(*m_data, m_chartData, group, bin);
        emit drillDown(runs,
            tr("%1, %2 between %3 and %4 (n=%5)")
                .arg(g.label, metric, formatDuration(edges[static_cast<std::size_t>(bin)]),
                    formatDuration(edges[static_cast<std::size_t>(bin) + 1]))
                .arg(runs.size()));
    } else if (m_chartData.request.kind == ChartRequest::Kind::Trend) {
        const auto runs = runsNearTrendX(*m_data, m_chartData, group, point.x(), clickHalfWidth(point));
        if (runs.size() == 1) {
            emit runChosen(runs.front());
            return;
        }
        if (!runs.empty())
            emit drillDown(
                runs, tr("%1 around %2 (n=%3)").arg(g.label, trendXText(point.x())).arg(runs.size()));
    } else {
        emit drillDown(g.runs, tr("%1: %2 (n=%3)").arg(metric, g.label).arg(g.runs.size()));
    }
}

} // namespace te
