#include "ui/widgets/columnfiller.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>
#include <algorithm>

namespace te {

ColumnFiller::ColumnFiller(QAbstractItemView* view, QHeaderView* header)
    : QObject(header)
    , m_view(view)
    , m_header(header)
{
    header->viewport()->installEventFilter(this);
    // A width the user drags to is the column's own; the filler's are not.
    connect(header, &QHeaderView::sectionResized, this, [this](int logical, int, int newSize) {
        if (!m_filling && logical == m_column)
            m_ownWidth = newSize;
        else if (!m_filling)
            fill();
    });
    connect(header, &QHeaderView::sectionCountChanged, this, [this] { fill(); });
}

void ColumnFiller::setColumn(int logicalColumn, int padding, int cap)
{
    m_column = logicalColumn;
    m_padding = padding;
    m_cap = cap;
    refit();
}

void ColumnFiller::refit()
{
    if (m_column < 0 || m_column >= m_header->count())
        return;
    const int contents = std::max(m_view->sizeHintForColumn(m_column), m_header->sectionSizeHint(m_column));
    m_ownWidth = std::min(contents + m_padding, m_cap);
    fill();
}

void ColumnFiller::fill()
{
    if (m_column < 0 || m_column >= m_header->count() || m_header->isSectionHidden(m_column)
        || m_ownWidth <= 0)
        return;
    const int others = m_header->length() - m_header->sectionSize(m_column);
    const int spare = m_header->viewport()->width() - others - m_ownWidth;
    m_filling = true;
    m_header->resizeSection(m_column, m_ownWidth + std::max(0, spare));
    m_filling = false;
}

bool ColumnFiller::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize)
        fill();
    return QObject::eventFilter(watched, event);
}

} // namespace te
