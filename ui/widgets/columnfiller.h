#pragma once

#include <QObject>
#include <limits>

class QAbstractItemView;
class QHeaderView;

namespace te {

/// Widens one column of a view (the name column) so the columns reach the right
/// edge of a wide window, instead of leaving an empty band beside the last one.
/// It never narrows that column below its own width (its contents', or what the
/// user dragged it to), so on a narrow window the table scrolls and no name is cut.
/// Owned by `view`'s header.
class ColumnFiller final : public QObject
{
    Q_OBJECT
public:
    explicit ColumnFiller(QAbstractItemView* view, QHeaderView* header);

    /// Fills with `logicalColumn`; its own width is its contents' plus `padding`, at
    /// most `cap`. -1 for none.
    void setColumn(int logicalColumn, int padding = 0, int cap = std::numeric_limits<int>::max());
    /// Measures the column's contents again (new rows) and fills.
    void refit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fill();

    QAbstractItemView* m_view;
    QHeaderView* m_header;
    int m_column = -1;
    int m_padding = 0;
    int m_cap = std::numeric_limits<int>::max();
    int m_ownWidth = 0;
    bool m_filling = false;
};

} // namespace te
