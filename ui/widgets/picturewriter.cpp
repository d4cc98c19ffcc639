#include "ui/widgets/picturewriter.h"

#include <QFileInfo>
#include <QIODevice>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace te {

PictureFormat pictureFormatOf(const QString& path)
{
    return QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0
        ? PictureFormat::Svg
        : PictureFormat::Png;
}

bool writePicture(QIODevice& device, PictureFormat format, QSize size, const QString& title,
    const std::function<void(QPainter&)>& paint, QString* error)
{
    const auto fail = [&] {
        if (error)
            *error = device.errorString();
        return false;
    };
    if (format == PictureFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&device);
        svg.setSize(size);
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setTitle(title);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail();
        paint(painter);
        painter.end();
        return true;
    }
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter);
    painter.end();
    return image.save(&device, "PNG") || fail();
}

} // namespace te
