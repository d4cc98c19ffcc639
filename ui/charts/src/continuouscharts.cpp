#include "stats/chartdata.h"
#include "ui/charts/src/chartkinds.h"
#include "ui/charts/src/chartstyle.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace te::chartparts {

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

} // namespace te::chartparts
