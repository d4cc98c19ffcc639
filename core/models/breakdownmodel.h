#pragma once

#include <QAbstractItemModel>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <vector>

namespace te {

class GroupReference;
class TimingDataset;

/// Where the time of one run, or of a few runs side by side, went: total → phases →
/// breakdown items at any depth, over the union of the nodes the runs have.
///
/// One run: its time, shares, agents and how each node compares with the median of
/// the run's group (from the GroupReference). Several runs (an A/B pair, or one
/// registration across models): one time column per run, then Δ and × of every run
/// after the first against the first. A node a run lacks is an empty cell.
///
/// DisplayRole is formatted ("12.4 s", "42.1 %", "+3.10 s", "2.41×"); SortRole is the
/// raw number. The tree is built once in setRuns(), so index() and parent() are lookups.
class BreakdownModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    /// What a column shows; columnKind() maps a column to it in either layout.
    enum ColumnKind
    {
        NodeKind,
        TimeKind,
        ShareOfParentKind,
        ShareOfRunKind,
        MedianKind, ///< the median of the run's group for this node
        DeltaVsMedianKind,
        RatioVsMedianKind,
        AgentsKind,
        DeltaVsFirstKind, ///< this run minus the first run
        RatioVsFirstKind, ///< this run over the first run
    };
    /// The columns with one run. With several runs: NodeColumn, timeColumn(i) for
    /// each run, then deltaColumn(i) and ratioColumn(i) for each run after the first.
    enum SingleRunColumn
    {
        NodeColumn,
        TimeColumn,
        ShareOfParentColumn,
        ShareOfRunColumn,
        MedianColumn,
        DeltaVsMedianColumn,
        RatioVsMedianColumn,
        AgentsColumn,
        SingleRunColumnCount
    };
    enum Role
    {
        /// The raw number (seconds, fraction, ratio); none for an empty cell, which
        /// QSortFilterProxyModel places after every number in ascending order.
        SortRole = Qt::UserRole + 1,
        MetricRole, ///< the node's metric id
        PathRole, ///< "phase1/agent_conversation"
        ShareRole, ///< % columns only: the share as a double clamped to 0..1, for a bar
        HighlightRole, ///< one run, above its group's P95 and at least 1.5× its median
        RatioRole, ///< × the group median (one run), or × the first run (that run's columns)
        DerivedRole, ///< time columns: true when not measured (a sum of parts, or "(unaccounted)")
        RunRole, ///< the dataset index of the run a column belongs to
    };
    /// A node is highlighted only when it is both unusual (above P95) and much
    /// slower than typical: P95 alone flags 5 % of every group.
    static constexpr double kHighlightRatio = 1.5;

    explicit BreakdownModel(QObject* parent = nullptr);
    ~BreakdownModel() override;

    /// Shows `runs` of `data`; `reference` (may be null) must have been computed over
    /// `data`. With one run the medians come from it; with several it is not used.
    void setRuns(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs,
        std::shared_ptr<const GroupReference> reference);

    const std::vector<std::uint32_t>& runs() const { return m_runs; }
    /// "registration_id · model" for each run, in the order given (see runlabels.h).
    const QStringList& runLabels() const { return m_labels; }

    ColumnKind columnKind(int column) const
    {
        const int runCount = static_cast<int>(m_runs.size());
        if (runCount <= 1)
            return static_cast<ColumnKind>(column);
        if (column == NodeColumn)
            return NodeKind;
        if (column <= runCount)
            return TimeKind;
        return (column - 1 - runCount) % 2 == 0 ? DeltaVsFirstKind : RatioVsFirstKind;
    }
    /// The position in runs() of the run a column belongs to; -1 for the node column.
    int columnRunPosition(int column) const
    {
        const int runCount = static_cast<int>(m_runs.size());
        if (column <= NodeColumn || runCount == 0)
            return -1;
        if (runCount == 1)
            return 0;
        return column <= runCount ? column - 1 : 1 + (column - 1 - runCount) / 2;
    }
    int timeColumn(int runPosition) const { return 1 + runPosition; }
    /// runPosition >= 1, with several runs.
    int deltaColumn(int runPosition) const
    {
        return 1 + static_cast<int>(m_runs.size()) + 2 * (runPosition - 1);
    }
    int ratioColumn(int runPosition) const { return deltaColumn(runPosition) + 1; }

    /// Every node depth first, the name indented two spaces a level, with a header
    /// row; tab-separated, seconds and ratios with 3 decimals and shares as fractions
    /// with 4, '.' as the decimal point; for pasting into a spreadsheet.
    QString toTsv() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        int metric;
        int parent; ///< node index, -1 for the root
        int row; ///< position among its parent's children
        int depth;
        std::vector<int> children; ///< node indices
    };

    void addNode(int metric, int parent, int depth);
    bool isSingleRun() const { return m_runs.size() == 1; }
    std::uint32_t runAt(int runPosition) const { return m_runs[static_cast<std::size_t>(runPosition)]; }
    double valueOf(int runPosition, int metric) const; ///< NaN when the run lacks it
    /// The raw number of a cell; NaN when empty or not a number.
    double rawValue(const Node& node, int column) const;
    QString displayText(const Node& node, int column) const;
    double medianOf(int metric) const;
    bool isHighlighted(int metric) const;

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    std::vector<std::uint32_t> m_runs;
    QStringList m_labels;
    std::vector<Node> m_nodes; ///< depth first; node 0 is the root ("total")
};

} // namespace te
