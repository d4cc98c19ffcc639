#include "models/runtablemodel.h"

#include "data/timingdataset.h"
#include "stats/groupreference.h"
#include "util/durationformat.h"
#include "util/timeunit.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace te {

namespace {
constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

QString formatRatio(double ratio)
{
    return std::isnan(ratio) ? QString() : QString::number(ratio, 'f', 2) + QStringLiteral("×");
}
} // namespace

RunTableModel::RunTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

RunTableModel::~RunTableModel() = default;

void RunTableModel::setDataset(
    std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference)
{
    beginResetModel();
    m_data = std::move(data);
    m_reference = std::move(reference);
    m_sortedRuns.clear();
    m_rows.clear();
    m_query.reset();
    resolveColumns();
    endResetModel();
}

void RunTableModel::setColumns(std::vector<RunColumn> columns)
{
    beginResetModel();
    m_columns = std::move(columns);
    resolveColumns();
    if (m_sortColumn >= columnCount())
        m_sortColumn = -1;
    endResetModel();
}

void RunTableModel::resolveColumns()
{
    m_resolved.clear();
    m_metricFormats.clear();
    for (const RunColumn& column : m_columns) {
        m_resolved.push_back(
            m_data ? ResolvedRunColumn::resolve(column, *m_data) : ResolvedRunColumn { column, -1 });
        // A metric column reads in one unit, chosen over every run of the dataset, so
        // it stays the same whatever the filter shows ("150.2 s" above "52.0 s").
        ColumnFormatter formatter;
        if (m_data && column.kind == RunColumn::Kind::Metric && m_resolved.back().id >= 0)
            m_data->values(m_resolved.back().id).forEach([&](std::uint32_t, double v) { formatter.add(v); });
        m_metricFormats.push_back(formatter.format());
    }
}

void RunTableModel::setRuns(std::vector<std::uint32_t> runs)
{
    if (m_data && m_sortColumn >= 0)
        sortRuns(*m_data, m_reference.get(), m_columns[static_cast<std::size_t>(m_sortColumn)],
            m_sortOrder == Qt::DescendingOrder, runs);
    beginResetModel();
    m_sortedRuns = std::move(runs);
    m_query.reset();
    m_rows = m_sortedRuns;
    endResetModel();
}

void RunTableModel::setSortedRuns(std::vector<std::uint32_t> sortedRuns, int column, Qt::SortOrder order)
{
    beginResetModel();
    m_sortColumn = column;
    m_sortOrder = order;
    m_sortedRuns = std::move(sortedRuns);
    refilter();
    endResetModel();
}

void RunTableModel::setQuery(std::optional<RunQuery> query)
{
    beginResetModel();
    m_query = std::move(query);
    refilter();
    endResetModel();
}

void RunTableModel::refilter()
{
    m_rows = m_query && m_data ? m_query->apply(*m_data, &m_sortedRuns) : m_sortedRuns;
}

int RunTableModel::rowOfRun(std::uint32_t run) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), run);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

void RunTableModel::sort(int column, Qt::SortOrder order)
{
    if (!m_data || column < 0 || column >= columnCount())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::uint32_t> runsBefore;
    for (const QModelIndex& index : before)
        runsBefore.push_back(runAt(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    sortRuns(*m_data, m_reference.get(), m_columns[static_cast<std::size_t>(column)],
        order == Qt::DescendingOrder, m_sortedRuns);
    refilter();
    // Selections and the current row follow their runs to their new rows.
    std::vector<std::uint32_t> rowOf(m_data->runCount(), 0);
    for (std::size_t row = 0; row < m_rows.size(); ++row)
        rowOf[m_rows[row]] = static_cast<std::uint32_t>(row);
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(
            index(static_cast<int>(rowOf[runsBefore[static_cast<std::size_t>(i)]]), before[i].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_resolved.size());
}

QVariant RunTableModel::displayValue(std::size_t columnIndex, std::uint32_t run) const
{
    const ResolvedRunColumn& column = m_resolved[columnIndex];
    switch (column.column.kind) {
    case RunColumn::Kind::Field:
        if (column.id == TimingDataset::Timestamp
            && m_data->timestampMs(run) != TimingDataset::kNoTimestamp) {
            // Readable in a table; the full ISO 8601 text is in the tooltip and exports.
            return QDateTime::fromMSecsSinceEpoch(m_data->timestampMs(run), QTimeZone::utc())
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        }
        return column.id < 0 ? QString() : m_data->fieldValue(run, column.id);
    case RunColumn::Kind::Metric: {
        const double seconds = column.numericValue(*m_data, m_reference.get(), run);
        const bool derived = column.id >= 0 && m_data->isDerived(run, column.id);
        const ColumnFormat& format = m_metricFormats[columnIndex];
        return QString(
            format.format(seconds) + (derived && !std::isnan(seconds) ? QStringLiteral(" Σ") : QString()));
    }
    case RunColumn::Kind::RatioToMedian:
        return formatRatio(column.numericValue(*m_data, m_reference.get(), run));
    case RunColumn::Kind::Line:
        return m_data->line(run);
    }
    return {};
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_data || index.row() >= rowCount())
        return {};
    const std::uint32_t run = runAt(index.row());
    const ResolvedRunColumn& column = m_resolved[static_cast<std::size_t>(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(static_cast<std::size_t>(index.column()), run);
    case SortRole: {
        const double value = column.numericValue(*m_data, m_reference.get(), run);
        return std::isnan(value) ? displayValue(static_cast<std::size_t>(index.column()), run)
                                 : QVariant(value);
    }
    case Qt::TextAlignmentRole:
        if (column.column.kind != RunColumn::Kind::Field)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (column.column.kind == RunColumn::Kind::Field && column.id == TimingDataset::Timestamp)
            return QString(m_data->fieldValue(run, column.id) + tr(" (UTC)"));
        if (column.column.kind == RunColumn::Kind::RatioToMedian && m_reference) {
            const int group = m_reference->groupOf(run);
            return tr("Total over the median of its group (%1: %2)")
                .arg(group < 0 ? QString() : m_reference->label(group),
                    formatDuration(m_reference->median(group, TimingDataset::kRootMetric)));
        }
        if (column.column.kind == RunColumn::Kind::Metric && column.id >= 0
            && m_data->isDerived(run, column.id))
            return tr("Σ: not measured; the sum of its parts");
        break;
    case RunRole:
        return static_cast<qulonglong>(run);
    case SlowRole:
        return m_reference && m_reference->isSlowRun(*m_data, run);
    case WarningRole:
        return m_data->hasWarning(run);
    case RatioRole:
        return m_reference ? m_reference->ratioToMedian(*m_data, run, TimingDataset::kRootMetric) : kMissing;
    }
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const RunColumn& column = m_resolved[static_cast<std::size_t>(section)].column;
    if (role == Qt::DisplayRole) {
        switch (column.kind) {
        case RunColumn::Kind::RatioToMedian:
            return ratioHeader();
        case RunColumn::Kind::Line:
            return tr("line");
        default:
            return column.key;
        }
    }
    if (role == Qt::ToolTipRole && column.kind == RunColumn::Kind::RatioToMedian)
        return tr("The run's total over the median total of its group (%1)").arg(comparedWithin());
    if (role == Qt::TextAlignmentRole && column.kind != RunColumn::Kind::Field)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

// What each run is compared against: "model", "model × constellation", "all runs".
QString RunTableModel::comparedWithin() const
{
    if (!m_data || !m_reference || m_reference->fields().empty())
        return tr("all runs");
    QStringList names;
    for (const int field : m_reference->fields())
        names << m_data->fieldName(field);
    return names.join(QStringLiteral(" × "));
}

// "× model median", "× median of all runs": the header says what the ratio divides by.
QString RunTableModel::ratioHeader() const
{
    if (!m_reference || m_reference->fields().empty())
        return tr("× median of all runs");
    return tr("× %1 median").arg(comparedWithin());
}

QString RunTableModel::toTsv(const std::vector<int>& rows) const
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c)
        header << headerData(c, Qt::Horizontal).toString();
    lines << header.join(u'\t');
    for (const int row : rows) {
        QStringList cells;
        for (int c = 0; c < columnCount(); ++c) {
            const ResolvedRunColumn& column = m_resolved[static_cast<std::size_t>(c)];
            const double value = column.numericValue(*m_data, m_reference.get(), runAt(row));
            // Seconds and ratios as plain numbers ("1.67", not "1.67×") paste into a
            // spreadsheet as numbers.
            const RunColumn::Kind kind = column.column.kind;
            const bool numeric = kind == RunColumn::Kind::Metric || kind == RunColumn::Kind::RatioToMedian;
            cells << (numeric && !std::isnan(value)
                    ? QString::number(value, 'f', kind == RunColumn::Kind::Metric ? 3 : 2)
                    : displayValue(static_cast<std::size_t>(c), runAt(row)).toString());
        }
        lines << cells.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace te
