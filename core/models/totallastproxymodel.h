#pragma once

#include <QSortFilterProxyModel>

namespace te {

/// Sorts like QSortFilterProxyModel on its sort role, except that rows whose
/// `totalRole` (column 0) is true stay at the bottom in both orders: a total row
/// is read last, whatever the parts above it are sorted by.
class TotalLastProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TotalLastProxyModel(int totalRole, QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool isTotal(const QModelIndex& index) const;

    int m_totalRole;
};

} // namespace te
