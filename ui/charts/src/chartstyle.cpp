#include "ui/charts/src/chartstyle.h"

#include "stats/chartdata.h"
#include "util/durationformat.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <algorithm>

namespace te::chartparts {

QColor groupColor(int group)
{
    static const QColor colors[] = { QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
        QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd),
        QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
        QColor(0xbc, 0xbd, 0x22), QColor(0x17, 0xbe, 0xcf) };
    return colors[group % 10];
}

QAbstractAxis* valueAxis(const ChartData& data, const QString& title)
{
    QAbstractAxis* axis = nullptr;
    if (data.request.logScale) {
        auto* log = new QLogValueAxis;
        log->setBase(10);
        log->setLabelFormat(QStringLiteral("%g"));
        log->setMinorTickCount(-1);
        axis = log;
    } else {
        auto* linear = new QValueAxis;
        linear->setLabelFormat(QStringLiteral("%.4g"));
        axis = linear;
    }
    axis->setTitleText(title);
    return axis;
}

void setValueRange(QAbstractAxis* axis, double low, double high)
{
    axis->setRange(low, high);
    if (auto* linear = qobject_cast<QValueAxis*>(axis))
        linear->applyNiceNumbers();
}

void fitValueRange(QAbstractAxis* axis, const ChartData& data, double low, double high)
{
    if (data.request.logScale)
        setValueRange(axis, std::max(low * 0.8, 1e-3), high * 1.25);
    else
        setValueRange(axis, 0, high * 1.05);
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
    if (!data.request.targetSeconds)
        return;
    const double target = *data.request.targetSeconds;
    auto* line = new QLineSeries;
    line->setName(QObject::tr("target %1").arg(formatDuration(target)));
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
