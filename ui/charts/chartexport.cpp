#include "export/safewrite.h"
#include "ui/charts/chartbuilder.h"
#include "ui/widgets/picturewriter.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPainter>

namespace te {

bool renderChart(const ChartData& data, QIODevice& device, ChartImage format, QSize size, QString* error)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(data);
    scene.addItem(chart); // the scene owns it now
    chart->resize(size);
    const QRectF area(QPointF(0, 0), size);
    return writePicture(
        device, format == ChartImage::Svg ? PictureFormat::Svg : PictureFormat::Png, size, chartTitle(data),
        [&](QPainter& painter) { scene.render(&painter, area, area); }, error);
}

bool exportChart(const ChartData& data, const QString& path, QSize size, const QStringList& protectedInputs,
    QString* error)
{
    const ChartImage format = pictureFormatOf(path) == PictureFormat::Svg ? ChartImage::Svg : ChartImage::Png;
    return writeSafely(
        path, protectedInputs,
        [&](QIODevice& device, QString* reason) { return renderChart(data, device, format, size, reason); },
        error);
}

} // namespace te
