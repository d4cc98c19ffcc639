#include "ui/charts/src/trenddetail.h"

#include "stats/chartdata.h"
#include "ui/charts/src/chartstyle.h"

#include <QChart>
#include <QScatterSeries>
#include <QValueAxis>

namespace te {

using namespace chartparts;

namespace {

// A wheel turned by several notches redraws once, after the last.
constexpr int kRedrawDelayMs = 40;

QValueAxis* xAxisOf(const QChart* chart)
{
    return qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0));
}

} // namespace

TrendDetail::TrendDetail(QChart* chart, std::shared_ptr<const TimingDataset> data, const ChartData& chartData)
    : QObject(chart)
    , m_chart(chart)
    , m_data(std::move(data))
    , m_chartData(chartData)
{
    m_pending.setSingleShot(true);
    m_pending.setInterval(kRedrawDelayMs);
    connect(&m_pending, &QTimer::timeout, this, &TrendDetail::redraw);
    if (QValueAxis* axis = xAxisOf(chart))
        connect(axis, &QValueAxis::rangeChanged, &m_pending, qOverload<>(&QTimer::start));
}

void TrendDetail::redraw()
{
    const QValueAxis* axis = xAxisOf(m_chart);
    if (!axis || !m_data)
        return;
    for (QAbstractSeries* series : m_chart->series()) {
        auto* points = qobject_cast<QScatterSeries*>(series);
        if (!points || !points->property(kGroupProperty).isValid())
            continue;
        const int group = points->property(kGroupProperty).toInt();
        QList<QPointF> shown;
        for (const TrendPoint& p : trendPointsIn(*m_data, m_chartData, group, axis->min(), axis->max()))
            shown.append({ p.x, axisCoordinate(m_chartData, p.value) });
        points->replace(shown);
    }
}

} // namespace te
