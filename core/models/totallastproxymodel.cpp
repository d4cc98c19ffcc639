#include "models/totallastproxymodel.h"

namespace te {

TotalLastProxyModel::TotalLastProxyModel(int totalRole, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_totalRole(totalRole)
{ }

bool TotalLastProxyModel::isTotal(const QModelIndex& index) const
{
    return index.sibling(index.row(), 0).data(m_totalRole).toBool();
}

bool TotalLastProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftTotal = isTotal(left);
    const bool rightTotal = isTotal(right);
    // A descending sort reverses lessThan, so the total must be "least" there to end up last.
    if (leftTotal != rightTotal)
        return leftTotal == (sortOrder() == Qt::DescendingOrder);
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace te
