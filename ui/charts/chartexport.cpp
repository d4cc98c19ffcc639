#include "export/safewrite.h"
#include "ui/charts/chartbuilder.h"
#include "ui/widgets/picturewriter.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPainter>

namespace te {

bool renderChart(const ChartData& data, QIODevice& device, ChartImage format, QSize size, QString* error,
    const std::vector<TrendStep>& steps)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(data, steps);
    scene.addItem(chart); // the scene owns it now
    chart->resize(size);
    const QRectF area(QPointF(0, 0), size);
    return writePicture(
        device, format == ChartImage::Svg ? PictureFormat::Svg : PictureFormat::Png, size, chartTitle(data),
        [&](QPainter& painter) { scene.render(&painter, area, area); }, error);
}

bool exportChart(const ChartData& data, const QString& path, QSize size, const QStringList& protectedInputs,
    QString* error, const std::vector<TrendStep>& steps)
{
    const ChartImage format = pictureFormatOf(path) == PictureFormat::Svg ? ChartImage::Svg : ChartImage::Png;
    return writeSafely(
        path, protectedInputs,
        [&](QIODevice& device, QString* reason) {
            return renderChart(data, device, format, size, reason, steps);
        },
        error);
}

} // namespace te
