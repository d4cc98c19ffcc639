#pragma once

#include <QLabel>

class QAbstractScrollArea;

namespace te {

/// A message centred over a view that has nothing to show, saying what to do
/// next ("No run matches the filters. <a>Clear the filters</a>"). It sits on the
/// view's viewport, so the view's header and scroll bars stay where they are.
/// Links are reported through QLabel::linkActivated.
class EmptyState final : public QLabel
{
    Q_OBJECT
public:
    explicit EmptyState(QAbstractScrollArea* view);

    /// Shows `html` over the view, or hides the overlay when it is empty.
    void setMessage(const QString& html);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void place();
};

} // namespace te
