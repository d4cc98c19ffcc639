#include "ui/charts/src/trendchart.h"

#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"
#include "util/durationformat.h"
#include "util/timestampformat.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QScatterSeries>
#include <memory>

namespace te::chartparts {

namespace {

const QColor kGapColor(128, 128, 128);

// Each run of group `g` as a faint point; unnamed, as the group's median line names it.
QScatterSeries* trendPoints(const ChartData& data, std::size_t g)
{
    auto* points = new QScatterSeries;
    points->setProperty(kGroupProperty, static_cast<int>(g));
    points->setMarkerSize(data.groups[g].trend.size() > 200 ? 4 : 7);
    points->setColor(markColor(points, MarkKind::TrendPoint, static_cast<int>(g)));
    points->setBorderColor(Qt::transparent);
    for (const TrendPoint& p : data.groups[g].trend)
        points->append(p.x, axisCoordinate(data, p.value));
    return points;
}

QLineSeries* trendMedian(const ChartData& data, std::size_t g)
{
    auto* median = new QLineSeries;
    median->setName(data.groups[g].label);
    median->setPen(QPen(markColor(median, MarkKind::Solid, static_cast<int>(g)), 2));
    for (const TrendPoint& p : data.groups[g].trendMedian)
        median->append(p.x, axisCoordinate(data, p.value));
    return median;
}

QString axisTitle(const TrendAxis& axis)
{
    switch (axis.mode) {
    case TrendAxis::Mode::Order:
        return QObject::tr("run, in file order");
    case TrendAxis::Mode::Field:
        return axis.fieldByTime ? QObject::tr("%1, in order of their first run").arg(axis.field)
                                : QObject::tr("%1, in order of first appearance").arg(axis.field);
    case TrendAxis::Mode::Time:
        break;
    }
    return axis.gaps.empty() ? QObject::tr("time (UTC)")
                             : QObject::tr("time (UTC); ⋯ marks a long gap without runs, drawn narrow");
}

// The gap's labels above the plot, kept at their gap as the plot is laid out,
// zoomed or panned, and hidden when their gap is out of view.
class GapLabels final : public QObject
{
public:
    GapLabels(QChart* chart, QAbstractSeries* onAxes, const TrendAxis& axis)
        : QObject(chart)
        , m_chart(chart)
        , m_series(onAxes)
    {
        for (const TrendGap& gap : axis.gaps) {
            auto* item = new QGraphicsSimpleTextItem(gapLabel(gap), chart);
            item->setBrush(kGapColor.darker(130));
            item->setToolTip(gapTip(gap));
            item->setZValue(10);
            m_items.emplace_back(item, (gap.xFrom + gap.xTo) / 2);
        }
        connect(chart, &QChart::plotAreaChanged, this, &GapLabels::place);
    }

    // Many gaps close together label only every one that has room.
    void place()
    {
        const QRectF plot = m_chart->plotArea();
        double freeFrom = plot.left();
        for (const auto& [item, x] : m_items) {
            const QPointF at = m_chart->mapToPosition(QPointF(x, 0), m_series);
            const QRectF box = item->boundingRect();
            const double left = at.x() - box.width() / 2;
            item->setPos(left, plot.top() + 2);
            const bool fits = at.x() >= plot.left() && at.x() <= plot.right() && left >= freeFrom;
            item->setVisible(fits);
            if (fits)
                freeFrom = left + box.width() + 6;
        }
    }

private:
    QChart* m_chart;
    QAbstractSeries* m_series;
    std::vector<std::pair<QGraphicsSimpleTextItem*, double>> m_items;
};

// Each compressed gap as a faint band with a dashed line through it, its tip
// saying how long it was, and its label over the plot.
void addGapMarks(QChart* chart, const ChartData& data, QCategoryAxis* x, QAbstractAxis* y)
{
    const double low = axisCoordinate(data, data.valueAxis.min);
    const double high = axisCoordinate(data, data.valueAxis.max);
    QAbstractSeries* last = nullptr;
    for (std::size_t i = 0; i < data.trendAxis.gaps.size(); ++i) {
        const TrendGap& gap = data.trendAxis.gaps[i];
        auto* upper = new QLineSeries;
        upper->append(gap.xFrom, high);
        upper->append(gap.xTo, high);
        auto* lower = new QLineSeries;
        lower->append(gap.xFrom, low);
        lower->append(gap.xTo, low);
        auto* band = new QAreaSeries(upper, lower);
        upper->setParent(band);
        lower->setParent(band);
        QColor fill = kGapColor;
        fill.setAlpha(40);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        addOnAxes(chart, band, x, y);
        auto* line = new QLineSeries;
        line->setProperty(kGapProperty, static_cast<int>(i));
        // Up to the label over the plot's top, not through it.
        line->append((gap.xFrom + gap.xTo) / 2, low);
        line->append((gap.xFrom + gap.xTo) / 2, low + (high - low) * 0.92);
        line->setPen(QPen(kGapColor, 1.5, Qt::DashLine));
        addOnAxes(chart, line, x, y);
        last = line;
    }
    if (!last)
        return;
    auto* labels = new GapLabels(chart, last, data.trendAxis);
    QObject::connect(x, &QValueAxis::rangeChanged, labels, &GapLabels::place);
}

} // namespace

void labelTrendAxis(QCategoryAxis* axis, const TrendAxis& trend, double lo, double hi)
{
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    // A label sits at the end of its category; the first starts just below the
    // range so a tick at its very start is labelled too.
    axis->setStartValue(lo - (hi - lo) * 1e-9);
    QStringList used;
    for (const AxisTick& tick : trendTicks(trend, lo, hi)) {
        // Category labels must differ: "10:00" on two days gets an invisible mark.
        QString label = tick.label;
        while (used.contains(label))
            label += QChar(0x200B);
        used << label;
        axis->append(label, tick.value);
    }
}

QString gapLabel(const TrendGap& gap)
{
    return QStringLiteral("⋯ ") + formatDuration(static_cast<double>(gap.toMs - gap.fromMs) / 1000.0);
}

QString gapTip(const TrendGap& gap)
{
    return QObject::tr("No runs for %1, from %2 to %3: drawn narrow")
        .arg(formatDuration(static_cast<double>(gap.toMs - gap.fromMs) / 1000.0),
            formatTimestampIso(gap.fromMs), formatTimestampIso(gap.toMs));
}

void addTrend(QChart* chart, const ChartData& data)
{
    const TrendAxis& trend = data.trendAxis;
    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setTitleText(axisTitle(trend));
    x->setRange(trend.min, trend.max);
    QAbstractAxis* y = valueAxis(data, data.request.metric);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    labelTrendAxis(x, trend, trend.min, trend.max);
    // Every group's points first, then the rolling medians over all of them, each on
    // a halo: on a million runs the points would bury the lines.
    for (std::size_t g = 0; g < data.groups.size(); ++g)
        addOnAxes(chart, trendPoints(data, g), x, y);
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        QLineSeries* median = trendMedian(data, g);
        auto* halo = new QLineSeries;
        halo->setProperty(kHaloProperty, true);
        halo->setPen(QPen(Qt::white, 5));
        halo->append(median->points());
        addOnAxes(chart, halo, x, y);
        addOnAxes(chart, median, x, y);
    }
    addGapMarks(chart, data, x, y);
    addTargetLine(chart, data, x, y, trend.min, trend.max, false);
    // A zoom or pan labels what is in view; the ticks need only the axis's layout.
    auto layout = std::make_shared<TrendAxis>(trend);
    layout->categoryOfCode.clear();
    QObject::connect(x, &QValueAxis::rangeChanged, x,
        [x, layout](qreal lo, qreal hi) { labelTrendAxis(x, *layout, lo, hi); });
}

} // namespace te::chartparts
