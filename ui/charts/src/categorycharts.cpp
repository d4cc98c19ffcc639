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
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

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
        points->setColor(groupColor(static_cast<int>(i)));
        points->setBorderColor(Qt::transparent);
        // The most extreme outliers at both ends, so a million runs stay drawable.
        const std::size_t n = outliers.size();
        for (std::size_t k = 0; k < n; ++k) {
            if (n <= kMaxOutliersDrawn || k < kMaxOutliersDrawn / 2 || k >= n - kMaxOutliersDrawn / 2)
                points->append(static_cast<double>(i), outliers[k]);
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
        for (const QPointF& p : { QPointF(c - 0.1, ci.low), QPointF(c + 0.1, ci.low), QPointF(c, ci.low),
                 QPointF(c, ci.high), QPointF(c - 0.1, ci.high), QPointF(c + 0.1, ci.high) })
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
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const BoxStats& b = data.groups[i].box;
        auto* set = new QBoxSet(b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker, data.groups[i].label);
        set->setProperty(kGroupProperty, static_cast<int>(i));
        // A translucent tint: light on a light base, dark on a dark one, so the
        // median line in the text colour stands out in either palette.
        QColor tint = groupColor(static_cast<int>(i));
        tint.setAlpha(80);
        set->setBrush(tint);
        boxes->append(set);
        low = std::min(low, b.min);
        high = std::max(high, b.max);
    }
    QAbstractAxis* x = addGroupAxis(chart, data);
    QAbstractAxis* y = valueAxis(data, data.request.metric + QObject::tr(" (s)"));
    chart->addAxis(y, Qt::AlignLeft);
    addOnAxes(chart, boxes, x, y);
    // Every run when there are few; else the outliers beyond the whiskers.
    addRunPoints(chart, data, x, y);
    addOutliers(chart, data, x, y);
    fitValueRange(y, data, low, high);
    addTargetAcrossGroups(chart, data, x, y);
}

void addBars(QChart* chart, const ChartData& data)
{
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(statisticName(data.request.statistic));
    set->setColor(groupColor(0));
    double high = 0;
    for (const ChartGroup& g : data.groups) {
        set->append(g.statistic.estimate);
        high
            = std::max({ high, g.statistic.estimate, std::isnan(g.statistic.high) ? 0.0 : g.statistic.high });
    }
    bars->append(set);
    QAbstractAxis* x = addGroupAxis(chart, data);
    QAbstractAxis* y = valueAxis(
        data, QStringLiteral("%1 of %2 (s)").arg(statisticName(data.request.statistic), data.request.metric));
    chart->addAxis(y, Qt::AlignLeft);
    addOnAxes(chart, bars, x, y);
    addErrorBars(chart, data, x, y);
    if (data.request.logScale) {
        double low = high;
        for (const ChartGroup& g : data.groups)
            low = std::min(low, std::isnan(g.statistic.low) ? g.statistic.estimate : g.statistic.low);
        setValueRange(y, std::max(low * 0.5, 1e-3), high * 1.25);
    } else {
        setValueRange(y, 0, high * 1.1);
    }
    addTargetAcrossGroups(chart, data, x, y);
}

void addStackedParts(QChart* chart, const ChartData& data)
{
    auto* stack = new QStackedBarSeries;
    std::vector<double> totals(data.groups.size(), 0.0);
    for (qsizetype p = 0; p < data.parts.size(); ++p) {
        auto* set = new QBarSet(data.parts[p]);
        set->setColor(groupColor(static_cast<int>(p)));
        for (std::size_t g = 0; g < data.groups.size(); ++g) {
            const double v = data.groups[g].partMeans[static_cast<std::size_t>(p)];
            set->append(v);
            totals[g] += v;
        }
        stack->append(set);
    }
    double high = 0;
    for (const double t : totals)
        high = std::max(high, t);
    QAbstractAxis* x = addGroupAxis(chart, data);
    auto* y = new QValueAxis; // stacking is only meaningful on a linear axis
    y->setTitleText(QObject::tr("mean seconds of each part of %1").arg(data.request.metric));
    y->setRange(0, high * 1.1);
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    addOnAxes(chart, stack, x, y);
    addTargetAcrossGroups(chart, data, x, y);
}

} // namespace te::chartparts
