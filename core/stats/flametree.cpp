#include "stats/flametree.h"

#include "data/timingdataset.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

namespace {

constexpr double kRelativeNoise = 0.05;
constexpr double kRootShareNoise = 0.001;

bool isUnaccounted(const MetricInfo& info)
{
    return info.nameUtf8 == TimingDataset::kUnaccountedName;
}

/// The children of `metric` in file order, "(unaccounted)" moved last.
std::vector<int> childrenInDrawOrder(const TimingDataset& data, int metric)
{
    std::vector<int> children = data.metric(metric).children;
    std::stable_partition(
        children.begin(), children.end(), [&](int child) { return !isUnaccounted(data.metric(child)); });
    return children;
}

FlameNode nodeFor(const TimingDataset& data, int metric)
{
    const MetricInfo& info = data.metric(metric);
    FlameNode node;
    node.metric = metric;
    node.name = info.name;
    node.path = info.path;
    node.unaccounted = isUnaccounted(info);
    return node;
}

FlameNode runNode(const TimingDataset& data, std::uint32_t run, int metric)
{
    FlameNode node = nodeFor(data, metric);
    node.seconds = data.value(run, metric);
    node.runsWithNode = 1;
    for (const int child : childrenInDrawOrder(data, metric)) {
        if (data.values(child).has(run))
            node.children.push_back(runNode(data, run, child));
    }
    return node;
}

/// numpy's linear median, by selection: linear where a sort is n log n, which
/// matters for a median tree of a million runs. Reorders `values`.
double medianBySelection(std::vector<double>& values)
{
    if (values.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const std::size_t low = (values.size() - 1) / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(low), values.end());
    const double lowValue = values[low];
    if (values.size() % 2 == 1)
        return lowValue;
    const double highValue
        = *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(low) + 1, values.end());
    return lowValue + 0.5 * (highValue - lowValue);
}

/// One node's summary over `runs`: its seconds and how many runs have it.
std::pair<double, std::int64_t> summarise(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric, FlameSummary summary)
{
    const MetricColumn& column = data.values(metric);
    if (summary == FlameSummary::Mean) {
        double sum = 0;
        std::int64_t present = 0;
        for (const std::uint32_t run : runs) {
            const double v = column.value(run);
            if (v == v) {
                sum += v;
                ++present;
            }
        }
        return { runs.empty() ? 0.0 : sum / static_cast<double>(runs.size()), present };
    }
    std::vector<double> values;
    values.reserve(runs.size());
    for (const std::uint32_t run : runs) {
        const double v = column.value(run);
        if (v == v)
            values.push_back(v);
    }
    const auto present = static_cast<std::int64_t>(values.size());
    return { values.empty() ? 0.0 : medianBySelection(values), present };
}

FlameNode groupNode(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric, FlameSummary summary)
{
    FlameNode node = nodeFor(data, metric);
    std::tie(node.seconds, node.runsWithNode) = summarise(data, runs, metric, summary);
    for (const int child : childrenInDrawOrder(data, metric)) {
        FlameNode summarised = groupNode(data, runs, child, summary);
        if (summarised.runsWithNode > 0)
            node.children.push_back(std::move(summarised));
    }
    return node;
}

FlameDiffNode diffNode(const FlameNode* a, const FlameNode* b)
{
    const FlameNode& either = b ? *b : *a;
    FlameDiffNode node;
    node.metric = either.metric;
    node.name = either.name;
    node.path = either.path;
    node.unaccounted = either.unaccounted;
    node.inA = a != nullptr;
    node.inB = b != nullptr;
    node.secondsA = a ? a->seconds : 0;
    node.secondsB = b ? b->seconds : 0;
    const auto findIn = [](const FlameNode* parent, const QString& name) -> const FlameNode* {
        if (!parent)
            return nullptr;
        const auto it = std::find_if(parent->children.begin(), parent->children.end(),
            [&](const FlameNode& child) { return child.name == name; });
        return it == parent->children.end() ? nullptr : &*it;
    };
    if (b) {
        for (const FlameNode& child : b->children)
            node.children.push_back(diffNode(findIn(a, child.name), &child));
    }
    if (a) {
        for (const FlameNode& child : a->children) {
            if (!findIn(b, child.name))
                node.children.push_back(diffNode(&child, nullptr));
        }
    }
    std::stable_partition(node.children.begin(), node.children.end(),
        [](const FlameDiffNode& child) { return !child.unaccounted; });
    return node;
}

} // namespace

FlameNode flameTreeOfRun(const TimingDataset& data, std::uint32_t run)
{
    if (data.metricCount() == 0 || run >= data.runCount())
        return {};
    return runNode(data, run, TimingDataset::kRootMetric);
}

FlameNode flameTreeOfRuns(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, FlameSummary summary)
{
    if (data.metricCount() == 0)
        return {};
    FlameNode root = groupNode(data, runs, TimingDataset::kRootMetric, summary);
    if (root.runsWithNode == 0)
        root.children.clear();
    return root;
}

double FlameDiffNode::ratio() const
{
    return secondsA > 0 ? secondsB / secondsA : std::numeric_limits<double>::quiet_NaN();
}

FlameDiffNode flameDifference(const FlameNode& a, const FlameNode& b)
{
    return diffNode(&a, &b);
}

FlameChange flameChange(const FlameDiffNode& node, double rootSecondsB)
{
    if (!node.inA)
        return FlameChange::Slower;
    if (!node.inB)
        return FlameChange::Faster;
    const double band = std::max(kRelativeNoise * node.secondsA, kRootShareNoise * rootSecondsB);
    if (std::fabs(node.delta()) <= band)
        return FlameChange::Unchanged;
    return node.delta() > 0 ? FlameChange::Slower : FlameChange::Faster;
}

double flameChangeIntensity(const FlameDiffNode& node)
{
    if (!node.inA || !node.inB || node.secondsA <= 0 || node.secondsB <= 0)
        return 1.0;
    const double factor = std::fabs(std::log2(node.secondsB / node.secondsA)); // 1 at 2× or ½
    const double edge = std::log2(1.0 + kRelativeNoise);
    return std::clamp((factor - edge) / (1.0 - edge), 0.0, 1.0);
}

} // namespace te
