#pragma once

#include "stats/statistic.h"
#include "util/timeunit.h"

#include <QAbstractTableModel>
#include <optional>

namespace te {

struct ChartData;

/// The stats table beside a chart: one row per group with every statistic of
/// allStatistics() and the share of runs under the target.
/// A percentile from too few runs is shown with "≈" and says why in its tooltip
/// ("P95 ≈ max with n=10"). DisplayRole is formatted; SortRole is the number.
class GroupStatsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The group's label, then one column per statistic in Statistic order, the
    /// bootstrap 95 % CI of the chart's statistic, then the share under the target
    /// (shown only when the chart has a target).
    enum Column
    {
        Group,
        FirstStatistic,
        Interval = FirstStatistic + kStatisticCount,
        UnderTarget,
        ColumnCount
    };
    static constexpr int columnOf(Statistic statistic)
    {
        return FirstStatistic + static_cast<int>(statistic);
    }
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        UnreliableRole
    };

    explicit GroupStatsModel(QObject* parent = nullptr);
    ~GroupStatsModel() override;

    void setChart(const ChartData& chart);
    /// Header and rows, tab-separated, seconds with 3 decimals: pastes into a
    /// spreadsheet. The interval is two columns there, its low and high end.
    QString toTsv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row;
    void chooseColumnUnits();

    std::vector<Row> m_rows;
    bool m_hasTarget = false;
    Statistic m_statistic = Statistic::Median; ///< the one the interval is of
    std::vector<ColumnFormat> m_columnFormats; ///< one unit and number of decimals a column
};

} // namespace te
