#include "models/abpartsmodel.h"

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
    endResetModel();
}

int AbPartsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_comparison.parts.size());
}

int AbPartsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AbPartsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& part = m_comparison.parts[static_cast<std::size_t>(index.row())];
    const double ratio = part.medianA > 0 ? part.medianB / part.medianA : std::nan("");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Node:
            return QString(QString(qsizetype { 2 } * (part.depth - 1), u' ') + part.path.section(u'/', -1));
        case MedianA:
            return formatDuration(part.medianA);
        case MedianB:
            return formatDuration(part.medianB);
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
        case MedianA:
            return part.medianA;
        case MedianB:
            return part.medianB;
        case Delta:
            return part.delta;
        case Ratio:
            return ratio;
        }
        break;
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
    switch (section) {
    case Node:
        return tr("node");
    case MedianA:
        return tr("median A (%1)").arg(m_comparison.labelA);
    case MedianB:
        return tr("median B (%1)").arg(m_comparison.labelB);
    case Delta:
        return tr("B − A");
    case Ratio:
        return tr("B / A");
    }
    return {};
}

} // namespace te
