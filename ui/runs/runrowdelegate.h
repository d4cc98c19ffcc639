#pragma once

#include <QStyledItemDelegate>

namespace te {

/// Paints the runs table's marks: a warm tint on runs above their group's P95,
/// and a warning marker on runs with data warnings. Tints are translucent so they
/// read on light and dark palettes alike.
class RunRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace te
