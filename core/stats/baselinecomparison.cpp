#include "stats/baselinecomparison.h"

#include "data/timingdataset.h"
#include "stats/fieldorder.h"

#include <algorithm>
#include <cmath>

namespace te {

Verdict verdictOf(const ConfidenceInterval& ratio)
{
    if (ratio.high < 1)
        return Verdict::Faster;
    if (ratio.low > 1)
        return Verdict::Slower;
    return Verdict::Unclear; // contains 1, or NaN: the data cannot tell
}

BaselineComparison compareWithBaseline(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int baseline,
    int metric, Statistic statistic)
{
    BaselineComparison result;
    result.statistic = statistic;
    if (baseline < 0 || static_cast<std::size_t>(baseline) >= groups.size() || baseline >= labels.size())
        return result;
    const std::vector<double> base = metricValues(data, groups[static_cast<std::size_t>(baseline)], metric);
    result.baseline = labels[baseline];
    result.baselineN = static_cast<std::int64_t>(base.size());
    result.baselineValue = statisticOf(statistic, base);
    for (std::size_t g = 0; g < groups.size() && static_cast<qsizetype>(g) < labels.size(); ++g) {
        if (static_cast<int>(g) == baseline)
            continue;
        const std::vector<double> values = metricValues(data, groups[g], metric);
        BaselineRow row;
        row.label = labels[static_cast<qsizetype>(g)];
        row.against = result.baseline;
        row.againstN = result.baselineN;
        row.n = static_cast<std::int64_t>(values.size());
        row.contrast = contrastOf(base, values, statistic);
        row.verdict = verdictOf(row.contrast.ratio);
        result.rows.push_back(std::move(row));
    }
    return result;
}

namespace {

// The rows of one history: each value against the one before it.
void addSteps(const TimingDataset& data, const OrderedFieldValues& order, const QString& prefix, int metric,
    BaselineComparison& result)
{
    std::vector<double> previous;
    for (std::size_t v = 0; v < order.runs.size(); ++v) {
        std::vector<double> values = metricValues(data, order.runs[v], metric);
        if (v > 0) {
            BaselineRow row;
            row.label = prefix + order.values[static_cast<qsizetype>(v)];
            row.against = order.values[static_cast<qsizetype>(v) - 1];
            row.againstN = static_cast<std::int64_t>(previous.size());
            row.n = static_cast<std::int64_t>(values.size());
            row.contrast = contrastOf(previous, values, result.statistic);
            row.verdict = verdictOf(row.contrast.ratio);
            result.rows.push_back(std::move(row));
        }
        previous = std::move(values);
    }
}

} // namespace

BaselineComparison compareWithPrevious(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int field, int metric,
    Statistic statistic)
{
    BaselineComparison result;
    result.statistic = statistic;
    if (field < 0 || field >= data.fieldCount())
        return result;
    result.previousOf = data.fieldName(field);
    std::vector<OrderedFieldValues> histories;
    histories.reserve(groups.size());
    for (const auto& runs : groups)
        histories.push_back(orderFieldValues(data, runs, field));
    const bool withinGroups = std::any_of(
        histories.begin(), histories.end(), [](const OrderedFieldValues& h) { return h.values.size() > 1; });
    if (!withinGroups) {
        std::vector<std::uint32_t> all;
        for (const auto& runs : groups)
            all.insert(all.end(), runs.begin(), runs.end());
        std::sort(all.begin(), all.end());
        addSteps(data, orderFieldValues(data, all, field), QString(), metric, result);
        return result;
    }
    for (std::size_t g = 0; g < histories.size(); ++g) {
        const QString prefix
            = groups.size() > 1 ? labels.value(static_cast<qsizetype>(g)) + QStringLiteral(" · ") : QString();
        addSteps(data, histories[g], prefix, metric, result);
    }
    return result;
}

} // namespace te
