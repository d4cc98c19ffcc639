#include "ui/charts/src/chartstyle.h"

#include "stats/chartdata.h"
#include "util/durationformat.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <algorithm>
#include <cmath>

namespace te::chartparts {

namespace {

// Alphas of the translucent marks; with the palettes below every mark keeps 3:1.
constexpr int kTintAlpha = 41;
constexpr int kDenseAlpha = 217;
constexpr int kTrendAlpha = 217;

void applyColor(QObject* mark, const QColor& color)
{
    if (auto* scatter = qobject_cast<QScatterSeries*>(mark)) {
        scatter->setColor(color);
        scatter->setBorderColor(Qt::transparent);
    } else if (auto* line = qobject_cast<QLineSeries*>(mark)) {
        QPen pen = line->pen();
        pen.setColor(color);
        line->setPen(pen);
    } else if (auto* bar = qobject_cast<QBarSet*>(mark)) {
        bar->setColor(color);
    } else if (auto* box = qobject_cast<QBoxSet*>(mark)) {
        box->setBrush(color);
    }
}

void recolor(QObject* mark, bool dark)
{
    const QVariant kind = mark->property(kMarkProperty);
    if (kind.isValid())
        applyColor(mark,
            markColor(static_cast<MarkKind>(kind.toInt()), mark->property(kColorProperty).toInt(), dark));
}

} // namespace

QColor groupColor(int group, bool dark)
{
    // Each hue at the lightness that keeps its marks at 3:1 on the base (see MarkKind),
    // spread in lightness as well, so neighbours differ in more than hue.
    static const QColor light[kGroupColors] = { QColor(0x00, 0x49, 0x73), QColor(0x99, 0x69, 0x00),
        QColor(0x00, 0x7b, 0x5a), QColor(0xb8, 0x51, 0x00), QColor(0xac, 0x41, 0x7c),
        QColor(0x17, 0x79, 0xb1), QColor(0x69, 0x63, 0x08) };
    static const QColor onDark[kGroupColors] = { QColor(0x00, 0x94, 0xe8), QColor(0xee, 0xa5, 0x00),
        QColor(0x00, 0xb8, 0x86), QColor(0xf4, 0x6c, 0x00), QColor(0xd0, 0x84, 0xaf),
        QColor(0x7b, 0xc5, 0xee), QColor(0xe0, 0xd2, 0x12) };
    const int i = ((group % kGroupColors) + kGroupColors) % kGroupColors;
    return dark ? onDark[i] : light[i];
}

QColor markColor(MarkKind kind, int colorIndex, bool dark)
{
    QColor color = groupColor(colorIndex, dark);
    switch (kind) {
    case MarkKind::Solid:
        break;
    case MarkKind::Tint:
        color.setAlpha(kTintAlpha);
        break;
    case MarkKind::DensePoint:
        color.setAlpha(kDenseAlpha);
        break;
    case MarkKind::TrendPoint:
        color.setAlpha(kTrendAlpha);
        break;
    case MarkKind::Target:
        color = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0x39, 0x2b);
        break;
    }
    return color;
}

QColor markColor(QObject* mark, MarkKind kind, int colorIndex)
{
    mark->setProperty(kMarkProperty, static_cast<int>(kind));
    mark->setProperty(kColorProperty, colorIndex);
    return markColor(kind, colorIndex, false);
}

void recolorMarks(QChart* chart, bool dark)
{
    for (QAbstractSeries* series : chart->series()) {
        recolor(series, dark);
        if (auto* boxes = qobject_cast<QBoxPlotSeries*>(series)) {
            for (QBoxSet* set : boxes->boxSets())
                recolor(set, dark);
        } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets())
                recolor(set, dark);
        }
    }
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
    line->setPen(QPen(markColor(line, MarkKind::Target, 0), 2, Qt::DashLine));
    addOnAxes(chart, line, x, y);
}

void addTargetAcrossGroups(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y)
{
    addTargetLine(chart, data, x, y, -0.5, static_cast<double>(data.groups.size()) - 0.5, false);
}

} // namespace te::chartparts
