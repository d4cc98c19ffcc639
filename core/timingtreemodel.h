#pragma once

#include <QAbstractItemModel>
#include <cstdint>
#include <memory>
#include <vector>

namespace te {

class TimingDataset;

/// Runs → phases → breakdown items, as a tree. Each top-level row is a run (its
/// node is the run's total); below it are the nodes that run has a value for.
///
/// DisplayRole is formatted ("12.4 s", "42.1 %"); SortRole is the raw number.
class TimingTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        SecondsColumn,
        ShareOfParentColumn,
        ShareOfRunColumn,
        AgentsColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        RunRole, ///< the run's index in the dataset
        MetricRole, ///< the node's metric id
        PathRole, ///< "phase1/agent_conversation"
        DerivedRole, ///< true when the value is a sum of its parts, not measured
    };

    explicit TimingTreeModel(QObject* parent = nullptr);
    ~TimingTreeModel() override;

    /// Shows `runs` of `data` (all runs when `runs` is empty and `allRuns` is true).
    void setDataset(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs);
    const TimingDataset* dataset() const { return m_data.get(); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // An index's internal id packs the row's run position and its parent's metric,
    // so parent() needs no stored node objects.
    struct Node
    {
        std::uint32_t runRow;
        int metric;
    };
    Node nodeOf(const QModelIndex& index) const;
    /// The children of `metric` that run `run` has a value for, in schema order.
    std::vector<int> presentChildren(std::uint32_t run, int metric) const;

    std::shared_ptr<const TimingDataset> m_data;
    std::vector<std::uint32_t> m_runs;
};

} // namespace te
