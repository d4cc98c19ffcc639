#pragma once

#include "models/breakdownmodel.h"

#include <QStyledItemDelegate>

namespace te {

/// Draws a share (0..1) as a thin bar behind a cell's text, and tints the rows a
/// model marks as unusual. Both use translucent colours, so the text keeps its
/// contrast in light and dark palettes.
///
/// By default it reads BreakdownModel::ShareRole and BreakdownModel::HighlightRole;
/// any model can provide the same two roles under other numbers (setRoles()).
class ShareBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ShareBarDelegate(QObject* parent = nullptr);
    ~ShareBarDelegate() override;

    void setRoles(int shareRole, int highlightRole);

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The palette's highlight colour, faint enough to read text over it.
    static QColor barColor(const QPalette& palette);
    /// A warm amber, faint enough for dark text on light and light text on dark.
    static QColor highlightTint();

private:
    int m_shareRole = BreakdownModel::ShareRole;
    int m_highlightRole = BreakdownModel::HighlightRole;
};

} // namespace te
