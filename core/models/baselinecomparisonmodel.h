#pragma once

#include "stats/baselinecomparison.h"

#include <QAbstractTableModel>

namespace te {

/// The N-way table: one row per group other than the baseline (or per value of a
/// field against the previous one), with what it is compared with, its n, the
/// statistic, the ratio to the baseline with its 95 % interval, the Mann–Whitney p
/// and the verdict. DisplayRole gives plain numbers (seconds, ratios), so a copied
/// table pastes into a spreadsheet as numbers; SortRole is the number.
class BaselineComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Group,
        Against, ///< the baseline, or the previous value of the field
        N,
        Value,
        Ratio,
        CiLow,
        CiHigh,
        P,
        VerdictColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1
    };

    explicit BaselineComparisonModel(QObject* parent = nullptr);

    void setComparison(const BaselineComparison& comparison);
    const BaselineComparison& comparison() const { return m_comparison; }

    /// "faster", "slower" or "unclear", as the verdict column shows it.
    static QString verdictText(Verdict verdict);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const BaselineRow& row, int column) const;
    QVariant number(const BaselineRow& row, int column) const;

    BaselineComparison m_comparison;
};

} // namespace te
