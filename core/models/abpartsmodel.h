#pragma once

#include "stats/abcomparison.h"

#include <QAbstractTableModel>

namespace te {

/// The "where did B's extra time go" table of an A/B comparison: each node below
/// the metric with the comparison's statistic in A and in B, the difference and
/// the ratio, then a total row (the metric itself, whose statistic is not the sum
/// of its parts' for anything but the mean). DisplayRole is formatted; SortRole is
/// the number; TotalRole is true on the total row, which views draw bold and sort
/// last (see TotalLastProxyModel).
class AbPartsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Node,
        ValueA,
        ValueB,
        Delta,
        Ratio,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        TotalRole
    };

    explicit AbPartsModel(QObject* parent = nullptr);

    /// No total row when the comparison has no runs in either group.
    void setComparison(const AbComparison& comparison);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AbComparison m_comparison;
    std::vector<AbComparison::PartDelta> m_rows; ///< the parts, then the total
    bool m_hasTotal = false;
};

} // namespace te
