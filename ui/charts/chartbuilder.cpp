#include "ui/charts/chartbuilder.h"

#include "stats/chartdata.h"
#include "util/durationformat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPalette>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QSvgGenerator>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace te {

namespace {

constexpr int kMaxOutliersDrawn = 1000; // per group: the most extreme ones

// Series drawn in the text colour (box outlines and whiskers, error bars), not in
// a group's colour; applyPalette recolours them.
constexpr const char* kInkProperty = "ink";

QColor groupColor(int group)
{
    // A qualitative palette readable on light and dark backgrounds.
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

// Round tick values once the range is known (a log axis has its own).
void setValueRange(QAbstractAxis* axis, double low, double high)
{
    axis->setRange(low, high);
    if (auto* linear = qobject_cast<QValueAxis*>(axis))
        linear->applyNiceNumbers();
}

// Category labels rotate when there are many groups, so none is cut off.
void fitCategoryLabels(QBarCategoryAxis* axis, std::size_t groups)
{
    axis->setTruncateLabels(false);
    if (groups > 4)
        axis->setLabelsAngle(-30);
}

QStringList categories(const ChartData& data)
{
    QStringList labels;
    for (const ChartGroup& g : data.groups)
        labels << QStringLiteral("%1 (n=%2)").arg(g.label).arg(g.runs.size());
    return labels;
}

void addTargetLine(QChart* chart, const ChartData& data, QAbstractAxis* x, QAbstractAxis* y, double x0,
    double x1, bool vertical)
{
    if (!data.request.targetSeconds)
        return;
    auto* line = new QLineSeries;
    line->setName(QObject::tr("target %1").arg(formatDuration(*data.request.targetSeconds)));
    const double t = *data.request.targetSeconds;
    if (vertical) {
        line->append(t, x0);
        line->append(t, x1);
    } else {
        line->append(x0, t);
        line->append(x1, t);
    }
    QPen pen(QColor(0xc0, 0x39, 0x2b), 2, Qt::DashLine);
    line->setPen(pen);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
}

void buildBox(QChart* chart, const ChartData& data)
{
    auto* boxes = new QBoxPlotSeries; // unnamed: the axis title says what it is
    boxes->setProperty(kInkProperty, true);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const BoxStats& b = data.groups[i].box;
        auto* set = new QBoxSet(b.lowerWhisker, b.q1, b.median, b.q3, b.upperWhisker, data.groups[i].label);
        set->setProperty("group", static_cast<int>(i));
        set->setBrush(groupColor(static_cast<int>(i)).lighter(150));
        boxes->append(set);
        low = std::min(low, b.min);
        high = std::max(high, b.max);
    }
    chart->addSeries(boxes);
    auto* x = new QBarCategoryAxis;
    x->append(categories(data));
    fitCategoryLabels(x, data.groups.size());
    QAbstractAxis* y = valueAxis(data, data.request.metric + QObject::tr(" (s)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    boxes->attachAxis(x);
    boxes->attachAxis(y);
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const auto& outliers = data.groups[i].box.outliers;
        if (outliers.empty())
            continue;
        auto* points = new QScatterSeries;
        points->setProperty("group", static_cast<int>(i));
        points->setMarkerSize(5);
        points->setColor(groupColor(static_cast<int>(i)));
        points->setBorderColor(Qt::transparent);
        // The most extreme outliers at both ends, so a million runs stay drawable.
        const std::size_t n = outliers.size();
        for (std::size_t k = 0; k < n; ++k) {
            if (n <= kMaxOutliersDrawn || k < kMaxOutliersDrawn / 2 || k >= n - kMaxOutliersDrawn / 2)
                points->append(static_cast<double>(i), outliers[k]);
        }
        chart->addSeries(points);
        points->attachAxis(x);
        points->attachAxis(y);
    }
    if (data.request.logScale)
        setValueRange(y, std::max(low * 0.8, 1e-3), high * 1.25);
    else
        setValueRange(y, 0, high * 1.05);
    addTargetLine(chart, data, x, y, -0.5, static_cast<double>(data.groups.size()) - 0.5, false);
}

void buildBar(QChart* chart, const ChartData& data)
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
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis;
    x->append(categories(data));
    fitCategoryLabels(x, data.groups.size());
    QAbstractAxis* y = valueAxis(
        data, QStringLiteral("%1 of %2 (s)").arg(statisticName(data.request.statistic), data.request.metric));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    // The bootstrap 95 % interval as an error bar with caps.
    for (std::size_t i = 0; i < data.groups.size(); ++i) {
        const ConfidenceInterval& ci = data.groups[i].statistic;
        if (std::isnan(ci.low) || std::isnan(ci.high))
            continue;
        auto* bar = new QLineSeries;
        bar->setProperty("group", static_cast<int>(i));
        const double c = static_cast<double>(i);
        for (const QPointF& p : { QPointF(c - 0.1, ci.low), QPointF(c + 0.1, ci.low), QPointF(c, ci.low),
                 QPointF(c, ci.high), QPointF(c - 0.1, ci.high), QPointF(c + 0.1, ci.high) })
            bar->append(p);
        bar->setPen(QPen(QColor(0x33, 0x33, 0x33), 1.5));
        bar->setProperty(kInkProperty, true);
        chart->addSeries(bar);
        bar->attachAxis(x);
        bar->attachAxis(y);
    }
    if (data.request.logScale) {
        double low = high;
        for (const ChartGroup& g : data.groups)
            low = std::min(low, std::isnan(g.statistic.low) ? g.statistic.estimate : g.statistic.low);
        setValueRange(y, std::max(low * 0.5, 1e-3), high * 1.25);
    } else {
        setValueRange(y, 0, high * 1.1);
    }
    addTargetLine(chart, data, x, y, -0.5, static_cast<double>(data.groups.size()) - 0.5, false);
}

void buildStacked(QChart* chart, const ChartData& data)
{
    auto* stack = new QStackedBarSeries;
    double high = 0;
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
    for (const double t : totals)
        high = std::max(high, t);
    chart->addSeries(stack);
    auto* x = new QBarCategoryAxis;
    x->append(categories(data));
    fitCategoryLabels(x, data.groups.size());
    auto* y = new QValueAxis; // stacking is only meaningful on a linear axis
    y->setTitleText(QObject::tr("mean seconds of each part of %1").arg(data.request.metric));
    y->setRange(0, high * 1.1);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    stack->attachAxis(x);
    stack->attachAxis(y);
    addTargetLine(chart, data, x, y, -0.5, static_cast<double>(data.groups.size()) - 0.5, false);
}

void buildHistogram(QChart* chart, const ChartData& data)
{
    const auto& edges = data.histogram.edges;
    QAbstractAxis* x = valueAxis(data, data.request.metric + QObject::tr(" (s)"));
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
        outline->setProperty("group", static_cast<int>(g));
        outline->setPen(QPen(groupColor(static_cast<int>(g)), 2));
        // A step outline, so overlaid groups stay readable.
        for (std::size_t b = 0; b < counts.size(); ++b) {
            outline->append(edges[b], static_cast<double>(counts[b]));
            outline->append(edges[b + 1], static_cast<double>(counts[b]));
            highest = std::max(highest, counts[b]);
        }
        chart->addSeries(outline);
        outline->attachAxis(x);
        outline->attachAxis(y);
    }
    if (!edges.empty())
        setValueRange(x, edges.front(), edges.back());
    y->setRange(0, static_cast<double>(highest) * 1.1);
    y->applyNiceNumbers();
    addTargetLine(chart, data, x, y, 0, static_cast<double>(highest) * 1.1, true);
}

void buildTrend(QChart* chart, const ChartData& data)
{
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    x->setTitleText(QObject::tr("time (UTC)"));
    QAbstractAxis* y = valueAxis(data, data.request.metric + QObject::tr(" (s)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    double low = std::numeric_limits<double>::max();
    double high = 0;
    for (std::size_t g = 0; g < data.groups.size(); ++g) {
        const QColor color = groupColor(static_cast<int>(g));
        auto* points = new QScatterSeries; // unnamed: the group's line names it in the legend
        points->setProperty("group", static_cast<int>(g));
        points->setMarkerSize(4);
        QColor faint = color;
        faint.setAlpha(90);
        points->setColor(faint);
        points->setBorderColor(Qt::transparent);
        for (const TrendPoint& p : data.groups[g].trend) {
            points->append(static_cast<double>(p.ms), p.value);
            first = std::min(first, p.ms);
            last = std::max(last, p.ms);
            low = std::min(low, p.value);
            high = std::max(high, p.value);
        }
        auto* median = new QLineSeries;
        median->setName(data.groups[g].label);
        median->setPen(QPen(color, 2));
        for (const TrendPoint& p : data.groups[g].trendMedian)
            median->append(static_cast<double>(p.ms), p.value);
        for (QXYSeries* series : { static_cast<QXYSeries*>(points), static_cast<QXYSeries*>(median) }) {
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
    }
    if (first <= last) {
        x->setRange(
            QDateTime::fromMSecsSinceEpoch(first, Qt::UTC), QDateTime::fromMSecsSinceEpoch(last, Qt::UTC));
        if (data.request.logScale)
            setValueRange(y, std::max(low * 0.8, 1e-3), high * 1.25);
        else
            setValueRange(y, 0, high * 1.05);
        addTargetLine(chart, data, x, y, static_cast<double>(first), static_cast<double>(last), false);
    }
}

} // namespace

QString chartTitle(const ChartData& data)
{
    const QString by = data.request.groupBy.isEmpty()
        ? QObject::tr("all runs")
        : QObject::tr("by %1").arg(data.request.groupBy.join(QStringLiteral(" × ")));
    switch (data.request.kind) {
    case ChartRequest::Kind::Box:
        return QObject::tr("%1 %2: quartiles, whiskers at 1.5 IQR, outliers").arg(data.request.metric, by);
    case ChartRequest::Kind::Bar:
        return QObject::tr("%1 of %2 %3, with bootstrap 95 % intervals")
            .arg(statisticName(data.request.statistic), data.request.metric, by);
    case ChartRequest::Kind::Stacked:
        return QObject::tr("Where the time of %1 goes, %2 (mean seconds)").arg(data.request.metric, by);
    case ChartRequest::Kind::Histogram:
        return QObject::tr("Distribution of %1 %2").arg(data.request.metric, by);
    case ChartRequest::Kind::Trend:
        return QObject::tr("%1 over time %2, with a rolling median").arg(data.request.metric, by);
    }
    return {};
}

QChart* buildChart(const ChartData& data)
{
    auto* chart = new QChart;
    chart->setTitle(chartTitle(data));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (data.groups.empty())
        return chart;
    switch (data.request.kind) {
    case ChartRequest::Kind::Box:
        buildBox(chart, data);
        chart->legend()->hide();
        break;
    case ChartRequest::Kind::Bar:
        buildBar(chart, data);
        chart->legend()->hide();
        break;
    case ChartRequest::Kind::Stacked:
        buildStacked(chart, data);
        break;
    case ChartRequest::Kind::Histogram:
        buildHistogram(chart, data);
        break;
    case ChartRequest::Kind::Trend:
        buildTrend(chart, data);
        break;
    }
    if (data.request.targetSeconds && chart->legend()->isVisible() == false)
        chart->legend()->show();
    // Error bars and outliers need no legend entries; bar sets (the parts) and
    // named series (groups, the target) do.
    for (QAbstractSeries* series : chart->series()) {
        const bool named = !series->name().isEmpty() || qobject_cast<QAbstractBarSeries*>(series);
        const auto markers = chart->legend()->markers(series);
        for (auto* marker : markers)
            marker->setVisible(named);
    }
    return chart;
}

void applyPalette(QChart* chart, const QPalette& palette)
{
    const QColor text = palette.color(QPalette::Text);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
    }
    for (QAbstractSeries* series : chart->series()) {
        if (!series->property(kInkProperty).toBool())
            continue;
        if (auto* boxes = qobject_cast<QBoxPlotSeries*>(series))
            boxes->setPen(QPen(text, boxes->pen().widthF()));
        else if (auto* line = qobject_cast<QLineSeries*>(series))
            line->setPen(QPen(text, line->pen().widthF()));
    }
}

bool exportChart(const ChartData& data, const QString& path, QSize size, QString* error)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(data);
    scene.addItem(chart); // the scene owns it now
    chart->resize(size);
    const QRectF area(QPointF(0, 0), size);
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(area);
        svg.setTitle(chartTitle(data));
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = QObject::tr("%1: cannot write the SVG file").arg(path);
            return false;
        }
        scene.render(&painter, area, area);
        painter.end();
        return true;
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, area);
    painter.end();
    if (!image.save(path, "PNG")) {
        if (error)
            *error = QObject::tr("%1: cannot write the PNG file (check the folder exists and is writable)")
                         .arg(path);
        return false;
    }
    return true;
}

} // namespace te
