#include "ui/charts/src/trendstepmarks.h"

#include "regress/trendsteps.h"
#include "stats/chartdata.h"
#include "ui/charts/src/chartstyle.h"
#include "util/durationformat.h"
#include "util/numberformat.h"

#include <QChart>
#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <functional>

namespace te::chartparts {

// A step's label over the plot: it takes a click, and it stays at its step's x as
// the chart is laid out, zoomed or panned.
struct TrendStepMarks::Label final : QGraphicsSimpleTextItem
{
    Label(const QString& text, QGraphicsItem* parent, std::function<void()> clicked)
        : QGraphicsSimpleTextItem(text, parent)
        , onClick(std::move(clicked))
    {
        setCursor(Qt::PointingHandCursor);
        setZValue(11);
    }

    void mousePressEvent(QGraphicsSceneMouseEvent* event) override
    {
        event->accept();
        onClick();
    }

    std::function<void()> onClick;
    double x = 0;
    QAbstractSeries* line = nullptr;
};

QString TrendStepMarks::stepLabel(const ChartData& data, const TrendStep& step)
{
    const ChangePoint& p = step.point;
    const QString arrow = p.ratio.estimate >= 1 ? QStringLiteral("↑") : QStringLiteral("↓");
    QString text = arrow + QStringLiteral(" ×") + formatFixed(p.ratio.estimate, 2);
    if (data.groups.size() > 1)
        text += QLatin1Char(' ') + data.groups[static_cast<std::size_t>(step.group)].label;
    return text;
}

QString TrendStepMarks::stepTip(const ChartData& data, const TrendStep& step)
{
    const ChangePoint& p = step.point;
    const QStringList& values = data.trendAxis.categories;
    const QString label = data.groups[static_cast<std::size_t>(step.group)].label;
    return QObject::tr("%1 steps %2 at %3 = %4\n"
                       "median %5 (n=%6, %7 to %8) → %9 (n=%10, %4 to %11)\n"
                       "ratio ×%12 (95 % CI %13–%14), permutation p = %15\n"
                       "Click to compare the runs before the step with those after it.")
        .arg(label, p.ratio.estimate >= 1 ? QObject::tr("up") : QObject::tr("down"), data.trendAxis.field,
            values.value(p.at), formatDuration(p.medianBefore))
        .arg(p.nBefore)
        .arg(values.value(p.from), values.value(p.at - 1), formatDuration(p.medianAfter))
        .arg(p.nAfter)
        .arg(values.value(p.to - 1), formatFixed(p.ratio.estimate, 2), formatFixed(p.ratio.low, 2),
            formatFixed(p.ratio.high, 2), formatPValue(p.p));
}

TrendStepMarks::TrendStepMarks(QChart* chart, const ChartData& data, const std::vector<TrendStep>& steps)
    : QObject(chart)
    , m_chart(chart)
{
    const auto horizontal = chart->axes(Qt::Horizontal);
    const auto vertical = chart->axes(Qt::Vertical);
    if (data.request.kind != ChartRequest::Kind::Trend || data.trendAxis.mode != TrendAxis::Mode::Field
        || horizontal.isEmpty() || vertical.isEmpty())
        return;
    const double low = axisCoordinate(data, data.valueAxis.min);
    const double high = axisCoordinate(data, data.valueAxis.max);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const TrendStep& step = steps[i];
        if (step.group < 0 || static_cast<std::size_t>(step.group) >= data.groups.size())
            continue;
        const int index = static_cast<int>(i);
        const QString tip = stepTip(data, step);
        // Between the last value before the step and the first after it.
        const double x = step.point.at - 0.5;
        auto* line = new QLineSeries;
        line->append(x, low);
        line->append(x, low + (high - low) * 0.9);
        QPen pen(markColor(line, MarkKind::Solid, step.group), 2, Qt::DashLine);
        line->setPen(pen);
        addOnAxes(chart, line, horizontal.front(), vertical.front());
        for (QLegendMarker* marker : chart->legend()->markers(line))
            marker->setVisible(false);
        connect(line, &QLineSeries::clicked, this, [this, index] { emit stepChosen(index); });
        connect(line, &QLineSeries::hovered, this, [tip](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), tip);
            else
                QToolTip::hideText();
        });
        auto* label = new Label(stepLabel(data, step), chart, [this, index] { emit stepChosen(index); });
        label->setToolTip(tip);
        label->x = x;
        label->line = line;
        m_labels.push_back(label);
    }
    connect(chart, &QChart::plotAreaChanged, this, &TrendStepMarks::refresh);
    if (auto* x = qobject_cast<QValueAxis*>(horizontal.front()))
        connect(x, &QValueAxis::rangeChanged, this, &TrendStepMarks::refresh);
    refresh();
}

// Each label over its line; one that would overlap the label before it goes a
// line lower, so two groups stepping at one commit are both read.
void TrendStepMarks::refresh()
{
    const QRectF plot = m_chart->plotArea();
    std::vector<QRectF> placed;
    for (Label* label : m_labels) {
        const QPointF at = m_chart->mapToPosition(QPointF(label->x, 0), label->line);
        const QRectF box = label->boundingRect();
        QRectF where(at.x() + 3, plot.top() + 2, box.width(), box.height());
        if (where.right() > plot.right())
            where.moveRight(at.x() - 3);
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRectF& other : placed)
                if (other.intersects(where)) {
                    where.moveTop(other.bottom() + 1);
                    moved = true;
                }
        }
        // In the line's colour, which applyPalette sets for the light or dark scheme.
        label->setBrush(static_cast<QLineSeries*>(label->line)->pen().color());
        label->setPos(where.topLeft());
        label->setVisible(at.x() >= plot.left() && at.x() <= plot.right());
        if (label->isVisible())
            placed.push_back(where);
    }
}

} // namespace te::chartparts
