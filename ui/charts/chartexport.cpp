#include "export/safewrite.h"
#include "ui/charts/chartbuilder.h"

#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace te {

namespace {

bool renderSvg(QGraphicsScene& scene, const QString& title, QIODevice& device, QSize size, QString* error)
{
    const QRectF area(QPointF(0, 0), size);
    QSvgGenerator svg;
    svg.setOutputDevice(&device);
    svg.setSize(size);
    svg.setViewBox(area);
    svg.setTitle(title);
    QPainter painter;
    if (!painter.begin(&svg)) {
        if (error)
            *error = device.errorString();
        return false;
    }
    scene.render(&painter, area, area);
    painter.end();
    return true;
}

bool renderPng(QGraphicsScene& scene, QIODevice& device, QSize size, QString* error)
{
    const QRectF area(QPointF(0, 0), size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, area);
    painter.end();
    if (!image.save(&device, "PNG")) {
        if (error)
            *error = device.errorString();
        return false;
    }
    return true;
}

} // namespace

bool renderChart(const ChartData& data, QIODevice& device, ChartImage format, QSize size, QString* error)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(data);
    scene.addItem(chart); // the scene owns it now
    chart->resize(size);
    if (format == ChartImage::Svg)
        return renderSvg(scene, chartTitle(data), device, size, error);
    return renderPng(scene, device, size, error);
}

bool exportChart(const ChartData& data, const QString& path, QSize size, const QStringList& protectedInputs,
    QString* error)
{
    const ChartImage format
        = QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0 ? ChartImage::Svg
                                                                                            : ChartImage::Png;
    return writeSafely(
        path, protectedInputs,
        [&](QIODevice& device, QString* reason) { return renderChart(data, device, format, size, reason); },
        error);
}

} // namespace te
