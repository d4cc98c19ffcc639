#include "models/abpartsmodel.h"

#include "stats/statistic.h"
#include "util/durationformat.h"

#include <cmath>

namespace te {

AbPartsModel::AbPartsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void AbPartsModel::setComparison(const AbComparison& comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_rows = comparison.parts;
    m_hasTotal = comparison.nA > 0 || comparison.nB > 0;
    if (m_hasTotal) {
        AbComparison::PartDelta total;
        total.path = comparison.metric;
        total.depth = 0;
        total.medianA = comparison.medianA;
        total.medianB = comparison.medianB;
        total.valueA = comparison.valueA;
        total.valueB = comparison.valueB;
        total.delta = comparison.valueB - comparison.valueA;
        m_rows.push_back(total);
    }
    endResetModel();
}

int AbPartsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AbPartsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AbPartsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& part = m_rows[static_cast<std::size_t>(index.row())];
    const bool isTotal = m_hasTotal && index.row() == rowCount() - 1;
    const double ratio = part.valueA > 0 ? part.valueB / part.valueA : std::nan("");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Node:
            if (isTotal)
                return part.path; // the metric itself, by its full path
            return QString(QString(qsizetype { 2 } * (part.depth - 1), u' ') + part.path.section(u'/', -1));
        case ValueA:
            return formatDuration(part.valueA);
        case ValueB:
            return formatDuration(part.valueB);
        case Delta:
            return QString((part.delta > 0 ? QStringLiteral("+") : QString()) + formatDuration(part.delta));
        case Ratio:
            return std::isnan(ratio) ? QString() : QString::number(ratio, 'f', 2) + QStringLiteral("×");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Node:
            return part.path;
        case ValueA:
            return part.valueA;
        case ValueB:
            return part.valueB;
        case Delta:
            return part.delta;
        case Ratio:
            return ratio;
        }
        break;
    case TotalRole:
        return isTotal;
    case Qt::ToolTipRole:
        return part.path;
    case Qt::TextAlignmentRole:
        if (index.column() != Node)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant AbPartsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    const QString statistic = statisticLabel(m_comparison.statistic);
    switch (section) {
    case Node:
        return tr("node");
    case ValueA:
        return tr("%1 A (%2)").arg(statistic, m_comparison.labelA);
    case ValueB:
        return tr("%1 B (%2)").arg(statistic, m_comparison.labelB);
    case Delta:
        return tr("B − A");
    case Ratio:
        return tr("ratio of %1").arg(statistic);
    }
    return {};
}

} // namespace te
