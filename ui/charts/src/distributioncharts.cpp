#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace te::chartparts {

namespace {

// A marker at the ECDF's crossing of `fraction` (the median, P95), on the step line.
void markFraction(
    QChart* chart, const ChartData& data, std::size_t g, double fraction, QAbstractAxis* x, QAbstractAxis* y)
{
    const auto& steps = data.groups[g].ecdf;
    const auto at = std::find_if(
        steps.begin(), steps.end(), [&](const EcdfStep& s) { return s.fraction >= fraction - 1e-12; });
    if (at == steps.end())
        return;
    auto* mark = new QScatterSeries;
    mark->setProperty(kGroupProperty, static_cast<int>(g));
    mark->setMarkerShape(
        fraction == 0.5 ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
    mark->setMarkerSize(9);
    mark->setColor(markColor(mark, MarkKind::Solid, static_cast<int>(g)));
    mark->setBorderColor(Qt::transparent);
    mark->append(axisCoordinate(data, at->value), fraction);
    addOnAxes(chart, mark, x, y);
}

} // namespace

void addEcdf(QChart* chart, const ChartData& data)
{
    QAbstractAxis* x = valueAxis(data, data.request.metric);
    auto* y = new QValueAxis;
    y->setTitleText(QObject::tr("share of runs"));
    y->setRange(0, 1.0);
    y->setTickCount(6);
    y->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        const auto& steps = data.groups[g].ecdf;
        if (steps.empty())
            continue;
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("%1 (n=%2)").arg(data.groups[g].label).arg(data.groups[g].runs.size()));
        line->setProperty(kGroupProperty, static_cast<int>(g));
        line->setPen(QPen(markColor(line, MarkKind::Solid, static_cast<int>(g)), 2));
        // Steps: flat until the next value, then up, as seaborn's ecdfplot draws them.
        double previous = 0;
        for (const EcdfStep& step : steps) {
            line->append(axisCoordinate(data, step.value), previous);
            line->append(axisCoordinate(data, step.value), step.fraction);
            previous = step.fraction;
        }
        addOnAxes(chart, line, x, y);
        markFraction(chart, data, g, 0.5, x, y);
        markFraction(chart, data, g, 0.95, x, y);
    }
    addTargetLine(chart, data, x, y, 0, 1, true);
}

void addPaired(QChart* chart, const ChartData& data)
{
    QAbstractAxis* x = addGroupAxis(chart, data);
    QAbstractAxis* y = valueAxis(data, data.request.metric + QObject::tr(", one line per registration"));
    chart->addAxis(y, Qt::AlignLeft);
    // The registrations in ratio order share the palette, so the slowest-to-fastest
    // ones are told apart; the legend names them with their ratio.
    // A line per registration reads up to a few dozen; beyond that only the ones
    // whose models differ most are drawn (all of them are in `chart -o OUT.json`).
    const auto& registrations = data.paired.registrations;
    for (std::size_t r = 0; r < std::min(registrations.size(), kMaxPairedLines); ++r) {
        const PairedRegistration& pair = registrations[r];
        auto* line = new QLineSeries;
        line->setName(QStringLiteral("%1 ×%2").arg(pair.registrationId).arg(pair.ratio, 0, 'f', 2));
        line->setProperty(kPairProperty, static_cast<int>(r));
        line->setPointsVisible(true);
        line->setPen(QPen(markColor(line, MarkKind::Solid, static_cast<int>(r)), 2));
        for (std::size_t g = 0; g < pair.values.size(); ++g) {
            if (std::isnan(pair.values[g]))
                continue;
            line->append(static_cast<double>(g), axisCoordinate(data, pair.values[g]));
        }
        addOnAxes(chart, line, x, y);
    }
    addTargetAcrossGroups(chart, data, x, y);
}

void addRunPoints(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        const auto& points = data.groups[g].points;
        if (points.empty())
            continue;
        auto* strip = new QScatterSeries;
        strip->setProperty(kGroupProperty, static_cast<int>(g));
        strip->setProperty(kStripProperty, true);
        const bool dense = points.size() > kDenseStrip;
        strip->setMarkerSize(dense ? 4 : 7);
        // The group's own colour over its box's tint: see MarkKind for the contrast.
        strip->setColor(
            markColor(strip, dense ? MarkKind::DensePoint : MarkKind::Solid, static_cast<int>(g)));
        strip->setBorderColor(Qt::transparent);
        for (const ChartPoint& p : points)
            strip->append(static_cast<double>(g) + p.offset, axisCoordinate(data, p.value));
        addOnAxes(chart, strip, x, y);
    }
}

} // namespace te::chartparts
