#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QWidget;

namespace te {

/// Writes the picture to `path` (PNG or SVG by suffix) at `size`; false with `error`.
using PictureExport = std::function<bool(const QString& path, QSize size, QString* error)>;

/// Asks where and how large to export the chart (PNG or SVG, remembering the last
/// choices), then writes it with `write`; a failure is shown in a message box.
/// False when the user cancelled or the write failed.
bool exportChartAsked(QWidget* parent, const PictureExport& write);

} // namespace te
