// The runs view's selection: which runs are selected, in the order the user chose
// them, so that a comparison's baseline is the run picked first.
#include "models/runtablemodel.h"
#include "ui/runs/runsview.h"

#include <QItemSelectionModel>
#include <QTableView>
#include <algorithm>
#include <unordered_set>

namespace te {

std::vector<std::uint32_t> RunsView::selectedRuns() const
{
    if (m_model->rowCount() == 0)
        return {};
    return m_selectionOrder;
}

// Runs still selected keep their place; newly selected ones follow in row order.
// The order is rebuilt from the selection model, so runs a filter or a reload
// dropped from the selection silently never linger in it.
void RunsView::trackSelectionOrder(const QItemSelection& selected)
{
    std::unordered_set<std::uint32_t> now;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        now.insert(m_model->runAt(index.row()));
    std::vector<std::uint32_t> order;
    order.reserve(now.size());
    std::unordered_set<std::uint32_t> placed;
    const auto place = [&](std::uint32_t run) {
        if (now.contains(run) && placed.insert(run).second)
            order.push_back(run);
    };
    for (const std::uint32_t run : m_selectionOrder)
        place(run);
    for (const QItemSelectionRange& range : selected) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            place(m_model->runAt(row));
    }
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        place(m_model->runAt(index.row()));
    m_selectionOrder = std::move(order);
}

void RunsView::selectRuns(const std::vector<std::uint32_t>& runs)
{
    QItemSelection selection;
    std::vector<std::uint32_t> shown;
    for (const std::uint32_t run : runs) {
        const int row = m_model->rowOfRun(run);
        if (row < 0)
            continue;
        selection.select(m_model->index(row, 0), m_model->index(row, m_model->columnCount() - 1));
        shown.push_back(run);
    }
    if (shown.empty())
        return;
    const int firstRow = m_model->rowOfRun(shown.front());
    m_table->selectionModel()->setCurrentIndex(m_model->index(firstRow, 0), QItemSelectionModel::NoUpdate);
    // The caller's order, not the rows', is the order they were chosen in.
    m_selectionOrder = shown;
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_table->scrollTo(m_model->index(firstRow, 0));
}

QString RunsView::selectionAsTsv() const
{
    std::vector<int> rows;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows.push_back(index.row());
    std::sort(rows.begin(), rows.end());
    return m_model->toTsv(rows);
}

} // namespace te
