#pragma once

#include <QComboBox>

namespace te {

/// A combo box for names that may be long (group labels such as
/// "anthropic_claude · p1m1m2c"): it never widens its layout to fit the longest
/// name, shows the current one elided in the middle when it does not fit (the
/// start and the end of a name are what tell names apart), with the full name as
/// its tooltip, and opens a popup wide enough for every name.
class ElidingComboBox final : public QComboBox
{
    Q_OBJECT
public:
    explicit ElidingComboBox(QWidget* parent = nullptr);

    /// The text as it is drawn at the current width: the current item's, elided
    /// in the middle when it is wider than the text area.
    QString displayedText() const;

    void showPopup() override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    void updateToolTip();
};

} // namespace te
