#include "ui/runs/runrowdelegate.h"

#include "models/runtablemodel.h"

#include <QPainter>

namespace te {

void RunRowDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.data(RunTableModel::SlowRole).toBool())
        painter->fillRect(option.rect, QColor(255, 140, 0, 60));
    QStyledItemDelegate::paint(painter, option, index);
    if (index.column() == 0 && index.data(RunTableModel::WarningRole).toBool()) {
        // A small amber triangle at the left edge: "this run has a data warning".
        const QRect r = option.rect;
        const int size = std::min(r.height() / 2, 8);
        const QPointF points[3] = { QPointF(r.left() + 1, r.top() + 1),
            QPointF(r.left() + 1 + size, r.top() + 1), QPointF(r.left() + 1, r.top() + 1 + size) };
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(230, 150, 0));
        painter->drawPolygon(points, 3);
        painter->restore();
    }
}

} // namespace te
