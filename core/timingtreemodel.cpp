#include "timingtreemodel.h"

#include "durationformat.h"
#include "timingdataset.h"

#include <algorithm>

namespace te {

namespace {
static_assert(sizeof(quintptr) == 8, "run and metric are packed into one 64-bit internal id");
constexpr quintptr kTopLevel = ~quintptr { 0 };
constexpr int kMetricBits = 32;

quintptr pack(std::uint32_t runRow, int parentMetric)
{
    return (static_cast<quintptr>(runRow) << kMetricBits) | static_cast<quintptr>(parentMetric);
}
} // namespace

TimingTreeModel::TimingTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

TimingTreeModel::~TimingTreeModel() = default;

void TimingTreeModel::setDataset(std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs)
{
    beginResetModel();
    m_data = std::move(data);
    m_runs = std::move(runs);
    endResetModel();
}

TimingTreeModel::Node TimingTreeModel::nodeOf(const QModelIndex& index) const
{
    if (index.internalId() == kTopLevel)
        return { static_cast<std::uint32_t>(index.row()), TimingDataset::kRootMetric };
    const quintptr id = index.internalId();
    const auto runRow = static_cast<std::uint32_t>(id >> kMetricBits);
    const int parentMetric = static_cast<int>(id & ((quintptr { 1 } << kMetricBits) - 1));
    const auto children = presentChildren(m_runs[runRow], parentMetric);
    return { runRow, children[static_cast<std::size_t>(index.row())] };
}

std::vector<int> TimingTreeModel::presentChildren(std::uint32_t run, int metric) const
{
    std::vector<int> present;
    for (const int child : m_data->metric(metric).children) {
        if (m_data->values(child).has(run))
            present.push_back(child);
    }
    return present;
}

QModelIndex TimingTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    const Node parentNode = nodeOf(parent);
    return createIndex(row, column, pack(parentNode.runRow, parentNode.metric));
}

QModelIndex TimingTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    const quintptr id = child.internalId();
    const auto runRow = static_cast<std::uint32_t>(id >> kMetricBits);
    const int parentMetric = static_cast<int>(id & ((quintptr { 1 } << kMetricBits) - 1));
    if (parentMetric == TimingDataset::kRootMetric)
        return createIndex(static_cast<int>(runRow), 0, kTopLevel);
    const int grandParent = m_data->metric(parentMetric).parent;
    const auto siblings = presentChildren(m_runs[runRow], grandParent);
    const auto row = std::find(siblings.begin(), siblings.end(), parentMetric) - siblings.begin();
    return createIndex(static_cast<int>(row), 0, pack(runRow, grandParent));
}

int TimingTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_data)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(m_runs.size());
    if (parent.column() != 0)
        return 0;
    const Node node = nodeOf(parent);
    return static_cast<int>(presentChildren(m_runs[node.runRow], node.metric).size());
}

int TimingTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TimingTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_data)
        return {};
    const Node node = nodeOf(index);
    const std::uint32_t run = m_runs[node.runRow];
    const double seconds = m_data->value(run, node.metric);
    const int parentMetric = m_data->metric(node.metric).parent;
    const double ofParent = parentMetric < 0 ? 1.0 : seconds / m_data->value(run, parentMetric);
    const double ofRun = seconds / m_data->value(run, TimingDataset::kRootMetric);
    const bool isRun = node.metric == TimingDataset::kRootMetric;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            if (!isRun)
                return m_data->metric(node.metric).name;
            const QString id = m_data->fieldValue(run, TimingDataset::RegistrationId);
            return id.isEmpty() ? tr("line %1").arg(m_data->line(run)) : id;
        }
        case SecondsColumn:
            return QString(formatDuration(seconds)
                + (m_data->isDerived(run, node.metric) ? QStringLiteral(" Σ") : QString()));
        case ShareOfParentColumn:
            return isRun ? QVariant() : formatPercent(ofParent);
        case ShareOfRunColumn:
            return formatPercent(ofRun);
        case AgentsColumn:
            return m_data->agents(run, node.metric);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return data(index, Qt::DisplayRole);
        case SecondsColumn:
            return seconds;
        case ShareOfParentColumn:
            return ofParent;
        case ShareOfRunColumn:
            return ofRun;
        case AgentsColumn:
            return m_data->agents(run, node.metric);
        }
        break;
    case Qt::ToolTipRole:
        if (m_data->isDerived(run, node.metric))
            return tr("Σ: not measured; the sum of its parts");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn && index.column() != AgentsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RunRole:
        return static_cast<qulonglong>(run);
    case MetricRole:
        return node.metric;
    case PathRole:
        return m_data->metric(node.metric).path;
    case DerivedRole:
        return m_data->isDerived(run, node.metric);
    }
    return {};
}

QVariant TimingTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Run / node");
    case SecondsColumn:
        return tr("Time");
    case ShareOfParentColumn:
        return tr("% of parent");
    case ShareOfRunColumn:
        return tr("% of run");
    case AgentsColumn:
        return tr("Agents");
    }
    return {};
}

} // namespace te
