#pragma once

#include <QAbstractTableModel>
#include <optional>

namespace te {

struct ChartData;

/// The stats table beside a chart: one row per group with n, mean, median, P90,
/// P95, P99, min, max, standard deviation and the share of runs under the target.
/// A percentile from too few runs is shown with "≈" and says why in its tooltip
/// ("P95 ≈ max with n=10"). DisplayRole is formatted; SortRole is the number.
class GroupStatsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Group,
        N,
        Mean,
        Median,
        P90,
        P95,
        P99,
        Min,
        Max,
        StdDev,
        UnderTarget,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        UnreliableRole
    };

    explicit GroupStatsModel(QObject* parent = nullptr);
    ~GroupStatsModel() override;

    void setChart(const ChartData& chart);
    /// Header and rows, tab-separated, seconds with 3 decimals: pastes into a spreadsheet.
    QString toTsv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row;
    std::vector<Row> m_rows;
    bool m_hasTarget = false;
};

} // namespace te
