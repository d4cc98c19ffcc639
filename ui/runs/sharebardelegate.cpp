#include "ui/runs/sharebardelegate.h"

#include "models/breakdownmodel.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace te {

namespace {
constexpr int kBarMargin = 2;

QRect barRect(const QRect& cell, double share)
{
    const QRect inner = cell.adjusted(kBarMargin, kBarMargin, -kBarMargin, -kBarMargin);
    // A bar half the row high reads as a gauge, not as a selection.
    const int height = std::max(3, inner.height() / 2);
    // Neither factor is negative (a cell narrower than its margins has no room for a
    // bar), so lround rounds the width as adding 0.5 and truncating would.
    const int width = static_cast<int>(std::lround(std::max(0, inner.width()) * std::clamp(share, 0.0, 1.0)));
    return { inner.left(), inner.top() + (inner.height() - height) / 2, width, height };
}
} // namespace

ShareBarDelegate::ShareBarDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

ShareBarDelegate::~ShareBarDelegate() = default;

void ShareBarDelegate::setRoles(int shareRole, int highlightRole)
{
    m_shareRole = shareRole;
    m_highlightRole = highlightRole;
}

QColor ShareBarDelegate::barColor(const QPalette& palette)
{
    QColor color = palette.color(QPalette::Active, QPalette::Highlight);
    color.setAlpha(80);
    return color;
}

QColor ShareBarDelegate::highlightTint()
{
    return { 255, 166, 0, 64 };
}

void ShareBarDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant share = index.data(m_shareRole);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    if (index.data(m_highlightRole).toBool())
        painter->fillRect(option.rect, highlightTint());
    if (share.isValid() && !selected)
        painter->fillRect(barRect(option.rect, share.toDouble()), barColor(option.palette));
    painter->restore();

    QStyledItemDelegate::paint(painter, option, index);

    // The selection fill covers whatever was below it; redraw the bar on top in
    // the selection's text colour so the selected row keeps its gauge.
    if (share.isValid() && selected) {
        QColor color = option.palette.color(QPalette::Active, QPalette::HighlightedText);
        color.setAlpha(60);
        painter->fillRect(barRect(option.rect, share.toDouble()), color);
    }
}

} // namespace te
