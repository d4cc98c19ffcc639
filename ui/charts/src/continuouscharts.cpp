#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <limits>

namespace te::chartparts {

namespace {

// The span of every trend point's time: the time axis's range.
struct TrendExtent
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();

    void include(const TrendPoint& p)
    {
        first = std::min(first, p.ms);
        last = std::max(last, p.ms);
    }
};

// Each run of group `g` as a faint point; unnamed, as the group's median line names it.
QScatterSeries* trendPoints(const ChartData& data, std::size_t g, TrendExtent& extent)
{
    auto* points = new QScatterSeries;
    points->setProperty(kGroupProperty, static_cast<int>(g));
    points->setMarkerSize(4);
    points->setColor(markColor(points, MarkKind::TrendPoint, static_cast<int>(g)));
    points->setBorderColor(Qt::transparent);
    for (const TrendPoint& p : data.groups[g].trend) {
        points->append(static_cast<double>(p.ms), axisCoordinate(data, p.value));
        extent.include(p);
    }
    return points;
}

QLineSeries* trendMedian(const ChartData& data, std::size_t g)
{
    auto* median = new QLineSeries;
    median->setName(data.groups[g].label);
    median->setPen(QPen(markColor(median, MarkKind::Solid, static_cast<int>(g)), 2));
    for (const TrendPoint& p : data.groups[g].trendMedian)
        median->append(static_cast<double>(p.ms), axisCoordinate(data, p.value));
    return median;
}

} // namespace

void addHistogram(QChart* chart, const ChartData& data)
{
    const auto& edges = data.histogram.edges;
    QAbstractAxis* x = valueAxis(data, data.request.metric);
    auto* y = new QValueAxis;
    y->setTitleText(QObject::tr("runs"));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    std::int64_t highest = 1;
    for (std::size_t g = 0; g < data.histogram.counts.size() && g < data.groups.size(); ++g) {
        const auto& counts = data.histogram.counts[g];
        auto* outline = new QLineSeries;
        outline->setName(data.groups[g].label);
        outline->setProperty(kGroupProperty, static_cast<int>(g));
        outline->setPen(QPen(markColor(outline, MarkKind::Solid, static_cast<int>(g)), 2));
        // A step outline, so overlaid groups stay readable.
        for (std::size_t b = 0; b < counts.size(); ++b) {
            outline->append(axisCoordinate(data, edges[b]), static_cast<double>(counts[b]));
            outline->append(axisCoordinate(data, edges[b + 1]), static_cast<double>(counts[b]));
            highest = std::max(highest, counts[b]);
        }
        addOnAxes(chart, outline, x, y);
    }
    y->setRange(0, static_cast<double>(highest) * 1.1);
    y->applyNiceNumbers();
    addTargetLine(chart, data, x, y, 0, static_cast<double>(highest) * 1.1, true);
}

void addTrend(QChart* chart, const ChartData& data)
{
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    x->setTitleText(QObject::tr("time (UTC)"));
    QAbstractAxis* y = valueAxis(data, data.request.metric);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    TrendExtent extent;
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        addOnAxes(chart, trendPoints(data, g, extent), x, y);
        addOnAxes(chart, trendMedian(data, g), x, y);
    }
    if (extent.first > extent.last)
        return; // nothing to span: no group has a point
    x->setRange(QDateTime::fromMSecsSinceEpoch(extent.first, Qt::UTC),
        QDateTime::fromMSecsSinceEpoch(extent.last, Qt::UTC));
    addTargetLine(
        chart, data, x, y, static_cast<double>(extent.first), static_cast<double>(extent.last), false);
}

} // namespace te::chartparts
