#include "ui/flame/flamerender.h"

#include "ui/flame/flamegraphwidget.h"
#include "util/durationformat.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>
#include <algorithm>

namespace te {

namespace {

constexpr int kMargin = 16;

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Text, Qt::black);
    return palette;
}

} // namespace

QString flameGroupTitle(const QString& label, std::int64_t n, double rootSeconds, bool medians)
{
    const QString what = medians ? QCoreApplication::translate("Flame", "medians: parts need not add up")
        : n == 1                 ? QCoreApplication::translate("Flame", "one run")
                                 : QCoreApplication::translate("Flame", "mean of %L1 runs").arg(n);
    return QStringLiteral("%1 (n=%L2): %3, %4").arg(label).arg(n).arg(formatDuration(rootSeconds), what);
}

bool renderFlamePictures(const std::vector<FlamePicture>& graphs, QIODevice& device, PictureFormat format,
    QSize size, QString* error)
{
    double largestRoot = 0;
    for (const FlamePicture& graph : graphs)
        largestRoot = std::max(largestRoot, graph.data.rootSeconds());
    std::vector<std::unique_ptr<FlameGraphWidget>> widgets;
    const int width = size.width() - 2 * kMargin;
    int height = kMargin;
    QFont titleFont;
    titleFont.setBold(true);
    const int titleHeight = QFontMetrics(titleFont).height() + 4;
    for (const FlamePicture& graph : graphs) {
        auto widget = std::make_unique<FlameGraphWidget>();
        widget->setPalette(lightPalette());
        widget->setData(graph.data);
        widget->resize(width, widget->sizeHint().height());
        widget->setFullWidthSeconds(largestRoot);
        height += titleHeight + widget->height() + kMargin;
        widgets.push_back(std::move(widget));
    }
    const QSize picture(size.width(), std::clamp(height, 100, size.height()));
    const auto paint = [&](QPainter& painter) {
        int y = kMargin;
        for (std::size_t i = 0; i < graphs.size(); ++i) {
            painter.setFont(titleFont);
            painter.setPen(Qt::black);
            painter.drawText(
                QRect(kMargin, y, width, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, graphs[i].title);
            y += titleHeight;
            widgets[i]->render(&painter, QPoint(kMargin, y), QRegion(), QWidget::DrawChildren);
            y += widgets[i]->height() + kMargin;
        }
    };
    return writePicture(
        device, format, picture, graphs.empty() ? QString() : graphs.front().title, paint, error);
}

} // namespace te
