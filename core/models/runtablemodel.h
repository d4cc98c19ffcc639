#pragma once

#include "query/runcolumn.h"
#include "query/runquery.h"
#include "util/timeunit.h"

#include <QAbstractTableModel>
#include <cstdint>
#include <memory>
#include <vector>

namespace te {

class GroupReference;
class TimingDataset;

/// The runs table: one row per run of the current filter, one column per
/// RunColumn. Sorting and filtering work on vectors of run indices in core: every
/// run is kept sorted by the sort column, and a filter picks from that order, so a
/// new filter never re-sorts (a million runs filter in milliseconds). No proxy.
///
/// DisplayRole is formatted ("12.4 s", "×2.31"); SortRole is the raw value.
class RunTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        RunRole, ///< the run's index in the dataset (qulonglong)
        SlowRole, ///< bool: above its group's P95 on total or a phase
        WarningRole, ///< bool: the run has a data warning
        RatioRole, ///< double: the run's total over its group's median
    };

    explicit RunTableModel(QObject* parent = nullptr);
    ~RunTableModel() override;

    /// A new dataset (and its group reference): no rows until runs are given.
    void setDataset(
        std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference);
    /// Shows `runs`, sorted by the current sort column, unfiltered.
    void setRuns(std::vector<std::uint32_t> runs);
    /// Adopts every run already sorted by `column` (sortRuns, e.g. on the loader's
    /// thread) without sorting again; the current query still applies.
    void setSortedRuns(std::vector<std::uint32_t> sortedRuns, int column, Qt::SortOrder order);
    /// Filters the sorted runs; nullopt shows them all.
    void setQuery(std::optional<RunQuery> query);
    void setColumns(std::vector<RunColumn> columns);
    const std::vector<RunColumn>& columns() const { return m_columns; }
    const TimingDataset* dataset() const { return m_data.get(); }

    std::uint32_t runAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    /// The row showing `run`, or -1 when it is filtered out.
    int rowOfRun(std::uint32_t run) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// The visible rows as TSV (header + rows), formatted as displayed.
    QString toTsv(const std::vector<int>& rows) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant displayValue(std::size_t columnIndex, std::uint32_t run) const;
    void resolveColumns();
    void refilter();

    QString comparedWithin() const;
    std::vector<ColumnFormat> m_metricFormats; ///< per column, parallel to m_resolved
    QString ratioHeader() const;

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    std::vector<RunColumn> m_columns;
    std::vector<ResolvedRunColumn> m_resolved;
    std::vector<std::uint32_t> m_sortedRuns; ///< every run given, in sort order
    std::optional<RunQuery> m_query;
    std::vector<std::uint32_t> m_rows; ///< the runs of m_sortedRuns the query keeps
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace te
