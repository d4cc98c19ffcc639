#include "ui/charts/chartbuilder.h"

#include <QChart>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace te {

namespace {

bool renderSvg(QGraphicsScene& scene, const QString& title, const QString& path, QSize size, QString* error)
{
    const QRectF area(QPointF(0, 0), size);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(area);
    svg.setTitle(title);
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

bool renderPng(QGraphicsScene& scene, const QString& path, QSize size, QString* error)
{
    const QRectF area(QPointF(0, 0), size);
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

} // namespace

bool exportChart(const ChartData& data, const QString& path, QSize size, QString* error)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(data);
    scene.addItem(chart); // the scene owns it now
    chart->resize(size);
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0)
        return renderSvg(scene, chartTitle(data), path, size, error);
    return renderPng(scene, path, size, error);
}

} // namespace te
