#pragma once

#include <QObject>

class QHeaderView;

namespace te {

/// Widens one column of a view (the name column) so the columns reach the right
/// edge of a wide window, instead of leaving an empty band beside the last one.
/// It never narrows that column below its own width (set by the view, the user or
/// resizeToContents), so on a narrow window the table scrolls and no name is cut.
/// Owned by `header`.
class ColumnFiller final : public QObject
{
    Q_OBJECT
public:
    explicit ColumnFiller(QHeaderView* header);

    /// Fills with `logicalColumn`, whose width now is its own; -1 for none.
    void setColumn(int logicalColumn);
    /// Takes the column's current width as its own and fills again (after the view
    /// sized its columns to their contents).
    void refit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fill();

    QHeaderView* m_header;
    int m_column = -1;
    int m_ownWidth = 0;
    bool m_filling = false;
};

} // namespace te
