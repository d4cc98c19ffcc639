#include "stats/abcomparison.h"

#include "data/timingdataset.h"
#include "stats/summarystats.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace te {

namespace {

std::vector<double> valuesOf(const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const std::uint32_t run : runs) {
        const double v = data.value(run, metric);
        if (!std::isnan(v))
            values.push_back(v);
    }
    return values;
}

double medianOf(std::vector<double> values)
{
    return statisticOf(Statistic::Median, std::move(values));
}

// Per registration: the median of its runs on the metric (a rerun counts once).
std::map<std::uint32_t, double> medianByRegistration(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
{
    std::map<std::uint32_t, std::vector<double>> byId;
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    for (const std::uint32_t run : runs) {
        const double v = data.value(run, metric);
        if (ids.code(run) != 0 && !std::isnan(v))
            byId[ids.code(run)].push_back(v);
    }
    std::map<std::uint32_t, double> medians;
    for (auto& [id, values] : byId)
        medians.emplace(id, medianOf(std::move(values)));
    return medians;
}

void collectParts(const TimingDataset& data, int metric, int depth, const std::vector<std::uint32_t>& runsA,
    const std::vector<std::uint32_t>& runsB, std::vector<AbComparison::PartDelta>& out)
{
    for (const int child : data.metric(metric).children) {
        AbComparison::PartDelta part;
        part.path = data.metric(child).path;
        part.depth = depth;
        part.medianA = medianOf(valuesOf(data, runsA, child));
        part.medianB = medianOf(valuesOf(data, runsB, child));
        part.delta = part.medianB - part.medianA;
        out.push_back(part);
        collectParts(data, child, depth + 1, runsA, runsB, out);
    }
}

} // namespace

AbComparison compareGroups(const TimingDataset& data, const std::vector<std::uint32_t>& runsA,
    const std::vector<std::uint32_t>& runsB, int metric, const QString& labelA, const QString& labelB)
{
    AbComparison result;
    result.labelA = labelA;
    result.labelB = labelB;
    result.metric = data.metric(metric).path;
    const std::vector<double> a = valuesOf(data, runsA, metric);
    const std::vector<double> b = valuesOf(data, runsB, metric);
    result.nA = static_cast<std::int64_t>(a.size());
    result.nB = static_cast<std::int64_t>(b.size());
    result.medianA = medianOf(a);
    result.medianB = medianOf(b);
    result.ratioOfMedians = bootstrapRatioOfMedians(a, b);
    result.mannWhitney = mannWhitneyU(a, b);
    collectParts(data, metric, 1, runsA, runsB, result.parts);

    const auto medianA = medianByRegistration(data, runsA, metric);
    const auto medianB = medianByRegistration(data, runsB, metric);
    std::vector<double> pairedA;
    std::vector<double> pairedB;
    for (const auto& [id, value] : medianA) {
        const auto other = medianB.find(id);
        if (other == medianB.end())
            continue;
        pairedA.push_back(value);
        pairedB.push_back(other->second);
    }
    result.pairedRegistrations = static_cast<std::int64_t>(pairedA.size());
    if (!pairedA.empty())
        result.paired = pairedRatios(pairedA, pairedB);
    return result;
}

QStringList slowInEveryGroup(const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groups,
    int metric, double quantile)
{
    // For each registration: in how many groups it ran, and in how many it was slow.
    std::map<std::uint32_t, std::pair<int, int>> tally;
    for (const auto& runs : groups) {
        std::vector<double> values = valuesOf(data, runs, metric);
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end());
        const double limit = percentileOfSorted(values, quantile);
        for (const auto& [id, median] : medianByRegistration(data, runs, metric)) {
            auto& [ran, slow] = tally[id];
            ++ran;
            slow += median > limit ? 1 : 0;
        }
    }
    QStringList ids;
    const FieldColumn& column = data.field(TimingDataset::RegistrationId);
    for (const auto& [id, counts] : tally) {
        if (counts.first >= 2 && counts.second == counts.first)
            ids << column.text(id);
    }
    ids.sort();
    return ids;
}

std::pair<int, int> largestTwoGroups(const std::vector<std::size_t>& groupSizes)
{
    if (groupSizes.size() < 2)
        return { -1, -1 };
    std::vector<int> order(groupSizes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return groupSizes[static_cast<std::size_t>(a)] > groupSizes[static_cast<std::size_t>(b)];
    });
    return { std::min(order[0], order[1]), std::max(order[0], order[1]) };
}

} // namespace te
