#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QIODevice;
class QPainter;

namespace te {

enum class PictureFormat
{
    Png,
    Svg,
};

/// SVG for a path ending in .svg (any case), else PNG.
PictureFormat pictureFormatOf(const QString& path);

/// Paints a `size` picture with `paint` into `device`: a PNG on white, antialiased,
/// or an SVG titled `title`. False, with the device's reason in `error`, when it
/// cannot be written. What charts and flame graphs are exported through.
bool writePicture(QIODevice& device, PictureFormat format, QSize size, const QString& title,
    const std::function<void(QPainter&)>& paint, QString* error);

} // namespace te
