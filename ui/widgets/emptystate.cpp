#include "ui/widgets/emptystate.h"

#include <QAbstractScrollArea>
#include <QEvent>
#include <algorithm>

namespace te {

EmptyState::EmptyState(QAbstractScrollArea* view)
    : QLabel(view->viewport())
{
    setObjectName(QStringLiteral("emptyState"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setForegroundRole(QPalette::PlaceholderText);
    view->viewport()->installEventFilter(this);
    hide();
}

void EmptyState::setMessage(const QString& html)
{
    setText(html);
    setAccessibleName(text());
    setVisible(!html.isEmpty());
    if (!html.isEmpty()) {
        place();
        raise();
    }
}

bool EmptyState::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void EmptyState::place()
{
    // A readable line length in the middle of the viewport.
    const QRect area = parentWidget()->rect();
    const int width = std::min(area.width() - 24, 560);
    const int height = heightForWidth(width);
    setGeometry(area.center().x() - width / 2, area.center().y() - height / 2, width, height);
}

} // namespace te
