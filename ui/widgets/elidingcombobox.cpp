#include "ui/widgets/elidingcombobox.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <algorithm>

namespace te {

namespace {

constexpr int kMinimumCharacters = 12; // enough to tell most names apart, elided

} // namespace

ElidingComboBox::ElidingComboBox(QWidget* parent)
    : QComboBox(parent)
{
    // The size hint follows kMinimumCharacters, not the longest item.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(kMinimumCharacters);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(this, &QComboBox::currentIndexChanged, this, &ElidingComboBox::updateToolTip);
}

QString ElidingComboBox::displayedText() const
{
    QStyleOptionComboBox option;
    initStyleOption(&option);
    const QRect field
        = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    return fontMetrics().elidedText(currentText(), Qt::ElideMiddle, field.width());
}

void ElidingComboBox::showPopup()
{
    int widest = 0;
    for (int i = 0; i < count(); ++i)
        widest = std::max(widest, view()->fontMetrics().horizontalAdvance(itemText(i)));
    // Room for the item's margins and a scroll bar, never narrower than the box.
    const int margins = 4 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this)
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this) + 16;
    view()->setMinimumWidth(std::max(width(), widest + margins));
    QComboBox::showPopup();
}

void ElidingComboBox::paintEvent(QPaintEvent* /*event*/)
{
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = displayedText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

bool ElidingComboBox::event(QEvent* event)
{
    // Items changed with signals blocked emit no currentIndexChanged: the tip is
    // brought up to date when it is asked for.
    if (event->type() == QEvent::ToolTip)
        updateToolTip();
    return QComboBox::event(event);
}

void ElidingComboBox::updateToolTip()
{
    setToolTip(currentText());
}

} // namespace te
