#include "models/groupstatsmodel.h"

#include "stats/chartdata.h"
#include "util/durationformat.h"
#include "util/timeunit.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

struct GroupStatsModel::Row
{
    QString label;
    SummaryStats stats;
    double underTarget;
};

GroupStatsModel::GroupStatsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

GroupStatsModel::~GroupStatsModel() = default;

void GroupStatsModel::setChart(const ChartData& chart)
{
    beginResetModel();
    m_rows.clear();
    for (const ChartGroup& g : chart.groups)
        m_rows.push_back({ g.label, g.summary, g.shareUnderTarget });
    m_hasTarget = chart.request.targetSeconds.has_value();
    chooseColumnUnits();
    endResetModel();
}

// One unit per column, chosen by its largest value, so "21.8 s" stands above
// "150.2 s" and never above "2 min 30 s": a column reads, and sorts, at a glance.
void GroupStatsModel::chooseColumnUnits()
{
    m_columnFormats.assign(ColumnCount, ColumnFormat());
    for (int column = FirstStatistic; column < UnderTarget; ++column) {
        ColumnFormatter formatter;
        for (const Row& row : m_rows)
            formatter.add(statisticValue(row.stats, static_cast<Statistic>(column - FirstStatistic)));
        m_columnFormats[static_cast<std::size_t>(column)] = formatter.format();
    }
}

int GroupStatsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupStatsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : (m_hasTarget ? ColumnCount : ColumnCount - 1);
}

namespace {

std::optional<Statistic> statisticAt(int column)
{
    if (column < GroupStatsModel::FirstStatistic || column >= GroupStatsModel::UnderTarget)
        return std::nullopt;
    return static_cast<Statistic>(column - GroupStatsModel::FirstStatistic);
}

double valueOf(const SummaryStats& s, int column)
{
    const auto statistic = statisticAt(column);
    return statistic ? statisticValue(s, *statistic) : std::nan("");
}

bool isUnreliableAt(const SummaryStats& s, int column)
{
    const auto statistic = statisticAt(column);
    return statistic && isUnreliable(s, *statistic);
}

bool isCountAt(int column)
{
    const auto statistic = statisticAt(column);
    return statistic && statisticInfo(*statistic).isCount;
}

} // namespace

QVariant GroupStatsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const double value = column == UnderTarget ? row.underTarget : valueOf(row.stats, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Group)
            return row.label;
        if (isCountAt(column))
            return QString::number(row.stats.n);
        if (column == UnderTarget)
            return formatPercent(value);
        return QString((isUnreliableAt(row.stats, column) ? QStringLiteral("≈ ") : QString())
            + m_columnFormats[static_cast<std::size_t>(column)].format(value));
    case SortRole:
        return column == Group ? QVariant(row.label) : QVariant(value);
    case UnreliableRole:
        return isUnreliableAt(row.stats, column);
    case Qt::ToolTipRole:
        if (isUnreliableAt(row.stats, column)) {
            const QString name = headerData(column, Qt::Horizontal).toString();
            const bool atMax = std::abs(value - row.stats.max) <= 0.05 * row.stats.max;
            return tr("%1 %2 with n=%3: too few runs for this percentile to mean much")
                .arg(name, atMax ? tr("≈ max") : tr("is rough"))
                .arg(row.stats.n);
        }
        break;
    case Qt::TextAlignmentRole:
        if (column != Group)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant GroupStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (const auto statistic = statisticAt(section))
        return statisticLabel(*statistic);
    if (section == Group)
        return tr("group");
    if (section == UnderTarget)
        return tr("≤ target");
    return {};
}

QString GroupStatsModel::toTsv() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c)
        header << headerData(c, Qt::Horizontal).toString();
    lines << header.join(u'\t');
    for (const Row& row : m_rows) {
        QStringList cells { row.label };
        for (int c = FirstStatistic; c < UnderTarget; ++c) {
            const double v = valueOf(row.stats, c);
            if (isCountAt(c))
                cells << QString::number(row.stats.n);
            else
                cells << (std::isnan(v) ? QString() : QString::number(v, 'f', 3));
        }
        if (m_hasTarget)
            cells << (std::isnan(row.underTarget) ? QString() : QString::number(row.underTarget, 'f', 4));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace te
