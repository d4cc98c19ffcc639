#include "models/breakdownmodel.h"

#include "data/timingdataset.h"
#include "models/runlabels.h"
#include "stats/groupreference.h"
#include "util/durationformat.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString formatSignedDuration(double seconds)
{
    if (std::isnan(seconds))
        return {};
    return seconds > 0 ? u'+' + formatDuration(seconds) : formatDuration(seconds);
}

QString formatRatio(double ratio)
{
    if (std::isnan(ratio))
        return {};
    return QString::number(ratio, 'f', 2) + u'×';
}

bool isShareKind(BreakdownModel::ColumnKind kind)
{
    return kind == BreakdownModel::ShareOfParentKind || kind == BreakdownModel::ShareOfRunKind;
}

bool isTextKind(BreakdownModel::ColumnKind kind)
{
    return kind == BreakdownModel::NodeKind || kind == BreakdownModel::AgentsKind;
}

/// Tabs and line breaks would split a spreadsheet cell.
QString tsvCell(QString text)
{
    text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    return text;
}
} // namespace

BreakdownModel::BreakdownModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

BreakdownModel::~BreakdownModel() = default;

void BreakdownModel::setRuns(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs,
    std::shared_ptr<const GroupReference> reference)
{
    beginResetModel();
    m_data = std::move(data);
    m_runs = std::move(runs);
    m_reference = std::move(reference);
    m_nodes.clear();
    m_labels.clear();
    if (m_data) {
        Q_ASSERT(std::all_of(
            m_runs.begin(), m_runs.end(), [&](std::uint32_t r) { return r < m_data->runCount(); }));
        m_labels = te::runLabels(*m_data, m_runs);
        if (!m_runs.empty())
            addNode(TimingDataset::kRootMetric, -1, 0);
    } else {
        m_runs.clear();
    }
    endResetModel();
}

void BreakdownModel::addNode(int metric, int parent, int depth)
{
    const int self = static_cast<int>(m_nodes.size());
    const int row
        = parent < 0 ? 0 : static_cast<int>(m_nodes[static_cast<std::size_t>(parent)].children.size());
    m_nodes.push_back({ metric, parent, row, depth, {} });
    if (parent >= 0)
        m_nodes[static_cast<std::size_t>(parent)].children.push_back(self);
    for (const int child : m_data->metric(metric).children) {
        const MetricColumn& column = m_data->values(child);
        if (std::any_of(m_runs.begin(), m_runs.end(), [&](std::uint32_t run) { return column.has(run); }))
            addNode(child, self, depth + 1);
    }
}

double BreakdownModel::valueOf(int runPosition, int metric) const
{
    return m_data->value(runAt(runPosition), metric);
}

double BreakdownModel::medianOf(int metric) const
{
    if (!isSingleRun() || !m_reference)
        return kNaN;
    return m_reference->median(m_reference->groupOf(m_runs.front()), metric);
}

bool BreakdownModel::isHighlighted(int metric) const
{
    if (!isSingleRun() || !m_reference || !m_reference->isAboveP95(*m_data, m_runs.front(), metric))
        return false;
    const double median = medianOf(metric);
    return median > 0 && valueOf(0, metric) >= kHighlightRatio * median;
}

double BreakdownModel::rawValue(const Node& node, int column) const
{
    const int position = columnRunPosition(column);
    switch (columnKind(column)) {
    case NodeKind:
    case AgentsKind:
        return kNaN;
    case TimeKind:
        return valueOf(position, node.metric);
    case ShareOfParentKind:
        if (node.parent < 0)
            return kNaN;
        return valueOf(0, node.metric) / valueOf(0, m_nodes[static_cast<std::size_t>(node.parent)].metric);
    case ShareOfRunKind:
        return valueOf(0, node.metric) / valueOf(0, TimingDataset::kRootMetric);
    case MedianKind:
        return medianOf(node.metric);
    case DeltaVsMedianKind:
        return valueOf(0, node.metric) - medianOf(node.metric);
    case RatioVsMedianKind: {
        const double median = medianOf(node.metric);
        return median > 0 ? valueOf(0, node.metric) / median : kNaN;
    }
    case DeltaVsFirstKind:
        return valueOf(position, node.metric) - valueOf(0, node.metric);
    case RatioVsFirstKind: {
        const double first = valueOf(0, node.metric);
        return first > 0 ? valueOf(position, node.metric) / first : kNaN;
    }
    }
    return kNaN;
}

QString BreakdownModel::displayText(const Node& node, int column) const
{
    const ColumnKind kind = columnKind(column);
    const double raw = rawValue(node, column);
    switch (kind) {
    case NodeKind:
        return m_data->metric(node.metric).name;
    case AgentsKind:
        return m_data->agents(m_runs.front(), node.metric);
    case TimeKind: {
        if (std::isnan(raw))
            return {};
        const bool derived = m_data->isDerived(runAt(columnRunPosition(column)), node.metric);
        return formatDuration(raw) + (derived ? QStringLiteral(" Σ") : QString());
    }
    case ShareOfParentKind:
    case ShareOfRunKind:
        return formatPercent(raw);
    case MedianKind:
        return formatDuration(raw);
    case DeltaVsMedianKind:
    case DeltaVsFirstKind:
        return formatSignedDuration(raw);
    case RatioVsMedianKind:
    case RatioVsFirstKind:
        return formatRatio(raw);
    }
    return {};
}

QModelIndex BreakdownModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr { 0 });
    const Node& parentNode = m_nodes[parent.internalId()];
    return createIndex(
        row, column, static_cast<quintptr>(parentNode.children[static_cast<std::size_t>(row)]));
}

QModelIndex BreakdownModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const int parentIndex = m_nodes[child.internalId()].parent;
    if (parentIndex < 0)
        return {};
    const Node& parentNode = m_nodes[static_cast<std::size_t>(parentIndex)];
    return createIndex(parentNode.row, 0, static_cast<quintptr>(parentIndex));
}

int BreakdownModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return m_nodes.empty() ? 0 : 1;
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[parent.internalId()].children.size());
}

int BreakdownModel::columnCount(const QModelIndex&) const
{
    const int runCount = static_cast<int>(m_runs.size());
    return runCount <= 1 ? SingleRunColumnCount : 1 + runCount + 2 * (runCount - 1);
}

QVariant BreakdownModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_data)
        return {};
    const Node& node = m_nodes[index.internalId()];
    const int column = index.column();
    const ColumnKind kind = columnKind(column);
    const int position = columnRunPosition(column);

    switch (role) {
    case Qt::DisplayRole:
        return displayText(node, column);
    case SortRole: {
        if (isTextKind(kind))
            return displayText(node, column);
        const double raw = rawValue(node, column);
        return std::isnan(raw) ? QVariant() : QVariant(raw);
    }
    case ShareRole: {
        const double raw = isShareKind(kind) ? rawValue(node, column) : kNaN;
        return std::isnan(raw) ? QVariant() : QVariant(std::clamp(raw, 0.0, 1.0));
    }
    case HighlightRole:
        return isHighlighted(node.metric);
    case RatioRole: {
        double ratio = kNaN;
        if (isSingleRun())
            ratio = rawValue(node, RatioVsMedianColumn);
        else if (position >= 1)
            ratio = rawValue(node, ratioColumn(position));
        return std::isnan(ratio) ? QVariant() : QVariant(ratio);
    }
    case DerivedRole:
        if (kind == TimeKind)
            return m_data->isDerived(runAt(position), node.metric);
        break;
    case RunRole:
        if (position >= 0)
            return static_cast<qulonglong>(runAt(position));
        break;
    case MetricRole:
        return node.metric;
    case PathRole:
        return m_data->metric(node.metric).path;
    case Qt::ToolTipRole:
        if (kind == TimeKind && m_data->isDerived(runAt(position), node.metric)) {
            if (m_data->metric(node.metric).nameUtf8 == TimingDataset::kUnaccountedName)
                return tr("Σ: not measured; the parent's total minus its measured parts");
            return tr("Σ: not measured; the sum of its parts");
        }
        if (kind == RatioVsMedianKind && isHighlighted(node.metric)) {
            const int group = m_reference->groupOf(m_runs.front());
            return tr("Above the P95 of %1 (%2) and %3 its median")
                .arg(m_reference->label(group), formatDuration(m_reference->p95(group, node.metric)),
                    displayText(node, column));
        }
        break;
    case Qt::TextAlignmentRole:
        if (!isTextKind(kind))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant BreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const ColumnKind kind = columnKind(section);
    const int position = columnRunPosition(section);
    const QStringList& labels = m_labels;
    if (role == Qt::ToolTipRole) {
        if (kind == MedianKind && m_reference && isSingleRun()) {
            const int group = m_reference->groupOf(m_runs.front());
            if (group >= 0)
                return tr("The median of each node over the runs of %1").arg(m_reference->label(group));
        }
        if (kind == DeltaVsFirstKind)
            return tr("%1 minus %2").arg(labels.value(position), labels.value(0));
        if (kind == RatioVsFirstKind)
            return tr("%1 over %2").arg(labels.value(position), labels.value(0));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (kind) {
    case NodeKind:
        return tr("Node");
    case TimeKind:
        return isSingleRun() || m_runs.empty() ? tr("Time") : labels.value(position);
    case ShareOfParentKind:
        return tr("% of parent");
    case ShareOfRunKind:
        return tr("% of run");
    case MedianKind:
        return tr("Group median");
    case DeltaVsMedianKind:
        return tr("Δ vs median");
    case RatioVsMedianKind:
        return tr("× median");
    case AgentsKind:
        return tr("Agents");
    case DeltaVsFirstKind:
        return tr("Δ %1").arg(labels.value(position));
    case RatioVsFirstKind:
        return tr("× %1").arg(labels.value(position));
    }
    return {};
}

QString BreakdownModel::toTsv() const
{
    const int columns = columnCount();
    QStringList header;
    for (int column = 0; column < columns; ++column)
        header << tsvCell(headerData(column, Qt::Horizontal).toString());
    QString tsv = header.join(u'\t') + u'\n';
    // m_nodes is in depth-first order already.
    for (const Node& node : m_nodes) {
        QStringList cells;
        for (int column = 0; column < columns; ++column) {
            const ColumnKind kind = columnKind(column);
            if (isTextKind(kind)) {
                const QString indent(kind == NodeKind ? node.depth * 2 : 0, u' ');
                cells << indent + tsvCell(displayText(node, column));
            } else {
                const double raw = rawValue(node, column);
                cells << (std::isnan(raw) ? QString() : QString::number(raw, 'f', isShareKind(kind) ? 4 : 3));
            }
        }
        tsv += cells.join(u'\t') + u'\n';
    }
    return tsv;
}

} // namespace te
