#pragma once

#include "stats/abcomparison.h"

#include <QAbstractTableModel>

namespace te {

/// The "where did B's extra time go" table of an A/B comparison: each node below
/// the metric with its median in A and in B, the difference and the ratio.
/// DisplayRole is formatted; SortRole is the number.
class AbPartsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Node,
        MedianA,
        MedianB,
        Delta,
        Ratio,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1
    };

    explicit AbPartsModel(QObject* parent = nullptr);

    void setComparison(const AbComparison& comparison);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AbComparison m_comparison;
};

} // namespace te
