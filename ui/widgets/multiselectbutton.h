#pragma once

#include <QSet>
#include <QToolButton>

namespace te {

/// A "Models ▾" button whose menu lists values with check boxes, for picking
/// several at once. Nothing checked means no restriction.
class MultiSelectButton final : public QToolButton
{
    Q_OBJECT
public:
    MultiSelectButton(const QString& label, QWidget* parent = nullptr);

    /// The values offered; keeps the checked ones that still exist.
    void setValues(const QStringList& values);
    QSet<QString> checkedValues() const;
    void setCheckedValues(const QSet<QString>& values);

signals:
    void selectionChanged();

private:
    void updateText();

    QString m_label;
};

} // namespace te
