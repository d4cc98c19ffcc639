#include "ui/widgets/multiselectbutton.h"

#include <QMenu>

namespace te {

MultiSelectButton::MultiSelectButton(const QString& label, QWidget* parent)
    : QToolButton(parent)
    , m_label(label)
{
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    setAccessibleName(label);
    updateText();
}

void MultiSelectButton::setValues(const QStringList& values)
{
    const QSet<QString> checked = checkedValues();
    menu()->clear();
    QAction* all = menu()->addAction(tr("Show all"));
    connect(all, &QAction::triggered, this, [this] { setCheckedValues({}); });
    menu()->addSeparator();
    for (const QString& value : values) {
        QAction* action = menu()->addAction(value.isEmpty() ? tr("(none)") : value);
        action->setData(value);
        action->setCheckable(true);
        action->setChecked(checked.contains(value));
        connect(action, &QAction::toggled, this, [this] {
            updateText();
            emit selectionChanged();
        });
    }
    setEnabled(!values.isEmpty());
    updateText();
}

QSet<QString> MultiSelectButton::checkedValues() const
{
    QSet<QString> values;
    for (const QAction* action : menu()->actions()) {
        if (action->isCheckable() && action->isChecked())
            values.insert(action->data().toString());
    }
    return values;
}

void MultiSelectButton::setCheckedValues(const QSet<QString>& values)
{
    for (QAction* action : menu()->actions()) {
        if (action->isCheckable()) {
            const QSignalBlocker actionBlocker(action);
            action->setChecked(values.contains(action->data().toString()));
        }
    }
    updateText();
    emit selectionChanged();
}

void MultiSelectButton::updateText()
{
    const QSet<QString> checked = checkedValues();
    if (checked.isEmpty())
        setText(m_label + tr(": all"));
    else if (checked.size() == 1)
        setText(m_label + QStringLiteral(": ") + *checked.cbegin());
    else
        setText(m_label + tr(": %1 chosen").arg(checked.size()));
}

} // namespace te
