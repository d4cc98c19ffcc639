#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <algorithm>
#include <cmath>

namespace te::chartparts {

namespace {

constexpr std::size_t kMaxOutliersDrawn = 1000; // per group: the most extreme ones

void addOutliers(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const auto& outliers = data.groups[i].box.outliers;
        if (outliers.empty() || !data.groups[i].points.empty())
            continue; // the strip of every run shows them already
        auto* points = new QScatterSeries;
        points->setProperty(kGroupProperty, static_cast<int>(i));
        points->setMarkerSize(5);
        points->setColor(markColor(points, MarkKind::Solid, static_cast<int>(i)));
        points->setBorderColor(Qt::transparent);
        // The most extreme outliers at both ends, so a million runs stay drawable.
        const std::size_t n = outliers.size();
        for (std::size_t k = 0; k < n; ++k) {
            if (n <= kMaxOutliersDrawn || k < kMaxOutliersDrawn / 2 || k >= n - kMaxOutliersDrawn / 2)
                points->append(static_cast<double>(i), axisCoordinate(data, outliers[k]));
        }
        addOnAxes(chart, points, x, y);
    }
}

// The bootstrap 95 % interval of each bar as an error bar with caps.
void addErrorBars(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const ConfidenceInterval& ci = data.groups[i].statistic;
        if (std::isnan(ci.low) || std::isnan(ci.high))
            continue;
        auto* bar = new QLineSeries;
        bar->setProperty(kGroupProperty, static_cast<int>(i));
        const auto c = static_cast<double>(i);
        const double low = axisCoordinate(data, ci.low);
        const double high = axisCoordinate(data, ci.high);
        for (const QPointF& p : { QPointF(c - 0.1, low), QPointF(c + 0.1, low), QPointF(c, low),
                 QPointF(c, high), QPointF(c - 0.1, high), QPointF(c + 0.1, high) })
            bar->append(p);
        bar->setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5));
        bar->setProperty(kInkProperty, true);
        addOnAxes(chart, bar, x, y);
    }
}

} // namespace

void addBoxPlot(QChart* chart, const ChartData& data)
{
    auto* boxes = new QBoxPlotSeries; // unnamed: the axis title says what it is
    boxes->setProperty(kInkProperty, true);
    // A thin outline: a box of ten runs a few pixels tall still shows its tint and
    // its median line, where the default pen drew one black bar.
    boxes->setPen(QPen(Qt::black, 1));
    const auto at = [&](double seconds) { return axisCoordinate(data, seconds); };
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const BoxStats& b = data.groups[i].box;
        auto* set = new QBoxSet(
            at(b.lowerWhisker), at(b.q1), at(b.median), at(b.q3), at(b.upperWhisker), data.groups[i].label);
        set->setProperty(kGroupProperty, static_cast<int>(i));
        // A translucent tint: light on a light base, dark on a dark one, so the
        // median line in the text colour and the run's points stand out on it.
        set->setBrush(markColor(set, MarkKind::Tint, static_cast<int>(i)));
        boxes->append(set);
    }
    QAbstractAxis* x = addGroupAxis(chart, data);
    QAbstractAxis* y = valueAxis(data, data.request.metric);
    chart->addAxis(y, Qt::AlignLeft);
    addOnAxes(chart, boxes, x, y);
    // Every run when there are few; else the outliers beyond the whiskers.
    addRunPoints(chart, data, x, y);
    addOutliers(chart, data, x, y);
    addTargetAcrossGroups(chart, data, x, y);
}

// A log scale has no baseline for a bar to stand on: each group's statistic is a
// point, its interval a whisker.
void addStatisticPoints(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        auto* point = new QScatterSeries;
        point->setProperty(kGroupProperty, static_cast<int>(i));
        point->setMarkerSize(11);
        point->setColor(markColor(point, MarkKind::Solid, 0));
        point->setBorderColor(Qt::transparent);
        point->append(static_cast<double>(i), axisCoordinate(data, data.groups[i].statistic.estimate));
        addOnAxes(chart, point, x, y);
    }
}

void addBars(QChart* chart, const ChartData& data)
{
    QAbstractAxis* x = addGroupAxis(chart, data);
    QAbstractAxis* y = valueAxis(data,
        QObject::tr("%1 of %2, with its 95 % CI")
            .arg(statisticName(data.request.statistic), data.request.metric));
    chart->addAxis(y, Qt::AlignLeft);
    if (data.request.logScale) {
        addStatisticPoints(chart, data, x, y);
    } else {
        auto* bars = new QBarSeries;
        auto* set = new QBarSet(statisticName(data.request.statistic));
        set->setColor(markColor(set, MarkKind::Solid, 0));
        for (const ChartGroup& g : data.groups)
            set->append(g.statistic.estimate);
        bars->append(set);
        addOnAxes(chart, bars, x, y);
    }
    addErrorBars(chart, data, x, y);
    addTargetAcrossGroups(chart, data, x, y);
}

void addStackedParts(QChart* chart, const ChartData& data)
{
    const bool percent = data.request.percent;
    std::vector<std::vector<double>> heights; // per group, per part: seconds or percent
    for (const ChartGroup& g : data.groups)
        heights.push_back(percent ? partShares(g) : g.partMeans);
    auto* stack = new QStackedBarSeries;
    for (qsizetype p = 0; p < data.parts.size(); ++p) {
        auto* set = new QBarSet(data.parts[p]);
        set->setColor(markColor(set, MarkKind::Solid, static_cast<int>(p)));
        for (const auto& group : heights)
            set->append(group[static_cast<std::size_t>(p)]);
        stack->append(set);
    }
    QAbstractAxis* x = addGroupAxis(chart, data);
    // Stacking is only meaningful on a linear axis, which core lays out for it.
    QAbstractAxis* y = valueAxis(data,
        percent ? QObject::tr("share of %1").arg(data.request.metric) : QObject::tr("mean of each part"));
    chart->addAxis(y, Qt::AlignLeft);
    addOnAxes(chart, stack, x, y);
    addTargetAcrossGroups(chart, data, x, y);
}

} // namespace te::chartparts
