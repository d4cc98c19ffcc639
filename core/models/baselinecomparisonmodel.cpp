#include "models/baselinecomparisonmodel.h"

#include "stats/statistic.h"
#include "util/numberformat.h"

#include <cmath>

namespace te {

BaselineComparisonModel::BaselineComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void BaselineComparisonModel::setComparison(const BaselineComparison& comparison)
{
    beginResetModel();
    m_comparison = comparison;
    endResetModel();
}

QString BaselineComparisonModel::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Faster:
        return tr("faster");
    case Verdict::Slower:
        return tr("slower");
    case Verdict::Unclear:
        break;
    }
    return tr("unclear");
}

int BaselineComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_comparison.rows.size());
}

int BaselineComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BaselineComparisonModel::display(const BaselineRow& row, int column) const
{
    switch (column) {
    case Group:
        return row.label;
    case Against:
        return row.against;
    case N:
        return QString::number(row.n);
    case Value:
        return formatFixed(row.contrast.valueB, 3);
    case Ratio:
        return formatFixed(row.contrast.ratio.estimate, 3);
    case CiLow:
        return formatFixed(row.contrast.ratio.low, 3);
    case CiHigh:
        return formatFixed(row.contrast.ratio.high, 3);
    case P:
        return formatPValue(row.contrast.mannWhitney.p);
    case VerdictColumn:
        return verdictText(row.verdict);
    }
    return {};
}

QVariant BaselineComparisonModel::number(const BaselineRow& row, int column) const
{
    switch (column) {
    case Group:
        return row.label;
    case Against:
        return row.against;
    case N:
        return QVariant::fromValue<qlonglong>(row.n);
    case Value:
        return row.contrast.valueB;
    case Ratio:
        return row.contrast.ratio.estimate;
    case CiLow:
        return row.contrast.ratio.low;
    case CiHigh:
        return row.contrast.ratio.high;
    case P:
        return row.contrast.mannWhitney.p;
    case VerdictColumn:
        return static_cast<int>(row.verdict);
    }
    return {};
}

QVariant BaselineComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const BaselineRow& row = m_comparison.rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return number(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Against)
            return tr("%1, n=%2").arg(row.against).arg(row.againstN);
        if (index.column() == VerdictColumn)
            return tr(
                "Faster or slower only when the 95 % interval of the ratio lies wholly below or above 1.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Group && index.column() != Against && index.column() != VerdictColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant BaselineComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QString statistic = statisticLabel(m_comparison.statistic);
    switch (section) {
    case Group:
        return m_comparison.previousOf.isEmpty() ? tr("group")
                                                 : tr("group · %1").arg(m_comparison.previousOf);
    case Against:
        return tr("against");
    case N:
        return tr("n");
    case Value:
        return tr("%1 (s)").arg(statistic);
    case Ratio:
        return m_comparison.previousOf.isEmpty()
            ? tr("ratio of %1 vs %2").arg(statistic, m_comparison.baseline)
            : tr("ratio of %1 vs previous %2").arg(statistic, m_comparison.previousOf);
    case CiLow:
        return tr("CI low");
    case CiHigh:
        return tr("CI high");
    case P:
        return tr("p");
    case VerdictColumn:
        return tr("verdict");
    }
    return {};
}

} // namespace te
