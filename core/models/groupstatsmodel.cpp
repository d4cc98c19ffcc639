#include "models/groupstatsmodel.h"

#include "stats/chartdata.h"
#include "stats/significance.h"
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
    ConfidenceInterval interval;
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
        m_rows.push_back({ g.label, g.summary, g.statistic, g.shareUnderTarget });
    m_hasTarget = chart.request.targetSeconds.has_value();
    m_statistic = chart.request.statistic;
    chooseColumnUnits();
    endResetModel();
}

// One unit per column, chosen by its largest value, so "21.8 s" stands above
// "150.2 s" and never above "2 min 30 s": a column reads, and sorts, at a glance.
void GroupStatsModel::chooseColumnUnits()
{
    m_columnFormats.assign(ColumnCount, ColumnFormat());
    for (int column = FirstStatistic; column < Interval; ++column) {
        ColumnFormatter formatter;
        for (const Row& row : m_rows)
            formatter.add(statisticValue(row.stats, static_cast<Statistic>(column - FirstStatistic)));
        m_columnFormats[static_cast<std::size_t>(column)] = formatter.format();
    }
    ColumnFormatter interval;
    for (const Row& row : m_rows) {
        interval.add(row.interval.low);
        interval.add(row.interval.high);
    }
    m_columnFormats[Interval] = interval.format();
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
    if (column < GroupStatsModel::FirstStatistic || column >= GroupStatsModel::Interval)
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

// "20.1 – 23.4 s": both ends in the column's unit; empty when not computed.
QString intervalText(const ConfidenceInterval& ci, const ColumnFormat& format)
{
    if (std::isnan(ci.low) || std::isnan(ci.high))
        return {};
    const QString high = format.format(ci.high);
    const QString unit = unitSymbol(format.unit);
    QString low = format.format(ci.low);
    low.chop(unit.size() + 1); // the unit once, after the high end
    return QStringLiteral("%1 – %2").arg(low, high);
}

} // namespace

QVariant GroupStatsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    const double value = column == UnderTarget ? row.underTarget
        : column == Interval                   ? row.interval.low
                                               : valueOf(row.stats, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Group)
            return row.label;
        if (column == Interval)
            return intervalText(row.interval, m_columnFormats[Interval]);
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
        if (column == Interval)
            return tr("Percentile bootstrap 95 % interval of the %1 (%L2 resamples): the range the %1 "
                      "would likely fall in on a rerun")
                .arg(statisticLabel(m_statistic))
                .arg(row.interval.resamples);
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
    if (section == Interval)
        return tr("%1 95 % CI").arg(statisticLabel(m_statistic));
    if (section == UnderTarget)
        return tr("≤ target");
    return {};
}

QString GroupStatsModel::toTsv() const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c) {
        const QString name = headerData(c, Qt::Horizontal).toString();
        if (c == Interval)
            header << name + tr(" low") << name + tr(" high");
        else
            header << name;
    }
    lines << header.join(u'\t');
    for (const Row& row : m_rows) {
        QStringList cells { row.label };
        for (int c = FirstStatistic; c < Interval; ++c) {
            const double v = valueOf(row.stats, c);
            if (isCountAt(c))
                cells << QString::number(row.stats.n);
            else
                cells << (std::isnan(v) ? QString() : QString::number(v, 'f', 3));
        }
        for (const double end : { row.interval.low, row.interval.high })
            cells << (std::isnan(end) ? QString() : QString::number(end, 'f', 3));
        if (m_hasTarget)
            cells << (std::isnan(row.underTarget) ? QString() : QString::number(row.underTarget, 'f', 4));
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace te
