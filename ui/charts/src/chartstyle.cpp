#include "ui/charts/src/chartstyle.h"

#include "stats/chartdata.h"
#include "util/durationformat.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <algorithm>
#include <cmath>

namespace te::chartparts {

QColor groupColor(int group)
{
    static const QColor colors[] = { QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
        QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd),
        QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
        QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf) };
    return colors[group % 10];
}

double axisCoordinate(const ChartData& data, double seconds)
{
    const ValueAxis& axis = data.valueAxis;
    if (!axis.logScale)
        return seconds;
    return std::log10(seconds > 0 ? seconds : axis.min);
}

double secondsAt(const ChartData& data, double coordinate)
{
    return data.valueAxis.logScale ? std::pow(10.0, coordinate) : coordinate;
}

QAbstractAxis* valueAxis(const ChartData& data, const QString& title)
{
    const ValueAxis& layout = data.valueAxis;
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const double low = axisCoordinate(data, layout.min);
    const double high = axisCoordinate(data, layout.max);
    axis->setRange(low, high);
    // A label sits at the end of its category; the first one starts just below the
    // axis, so a tick at its very bottom ("0 s") is labelled too.
    axis->setStartValue(low - (high - low) * 1e-9);
    for (const AxisTick& tick : layout.ticks)
        axis->append(tick.label, axisCoordinate(data, tick.value));
    axis->setTitleText(title);
    return axis;
}

QBarCategoryAxis* addGroupAxis(QChart* chart, const ChartData& data)
{
    auto* axis = new QBarCategoryAxis;
    QStringList labels;
    for (const ChartGroup& g : data.groups)
        labels << QStringLiteral("%1 (n=%2)").arg(g.label).arg(g.runs.size());
    axis->append(labels);
    axis->setTruncateLabels(false);
    if (data.groups.size() > 4)
        axis->setLabelsAngle(-30);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

void addOnAxes(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

void addTargetLine(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y, double from,
    double to, bool vertical)
{
    if (!data.request.targetSeconds || data.valueAxis.percent)
        return;
    const double target = axisCoordinate(data, *data.request.targetSeconds);
    auto* line = new QLineSeries;
    line->setName(QObject::tr("target %1").arg(formatDuration(*data.request.targetSeconds)));
    if (vertical) {
        line->append(target, from);
        line->append(target, to);
    } else {
        line->append(from, target);
        line->append(to, target);
    }
    line->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 2, Qt::DashLine));
    addOnAxes(chart, line, x, y);
}

void addTargetAcrossGroups(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    addTargetLine(chart, data, x, y, -0.5, static_cast<double>(data.groups.size()) - 0.5, false);
}

} // namespace te::chartparts
