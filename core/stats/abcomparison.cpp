#include "stats/abcomparison.h"

#include "data/timingdataset.h"
#include "stats/summarystats.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace te {

std::vector<double> metricValues(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
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

GroupContrast contrastOf(const std::vector<double>& a, const std::vector<double>& b, Statistic statistic)
{
    return { statisticOf(statistic, a), statisticOf(statistic, b), bootstrapRatio(a, b, statistic),
        mannWhitneyU(a, b) };
}

namespace {

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

struct PartsOf
{
    const TimingDataset& data;
    const std::vector<std::uint32_t>& runsA;
    const std::vector<std::uint32_t>& runsB;
    Statistic statistic;

    void collect(int metric, int depth, std::vector<AbComparison::PartDelta>& out) const
    {
        for (const int child : data.metric(metric).children) {
            const std::vector<double> a = metricValues(data, runsA, child);
            const std::vector<double> b = metricValues(data, runsB, child);
            AbComparison::PartDelta part;
            part.path = data.metric(child).path;
            part.depth = depth;
            part.medianA = medianOf(a);
            part.medianB = medianOf(b);
            part.valueA = statisticOf(statistic, a);
            part.valueB = statisticOf(statistic, b);
            part.delta = part.valueB - part.valueA;
            out.push_back(part);
            collect(child, depth + 1, out);
        }
    }
};

} // namespace

AbComparison compareGroups(const TimingDataset& data, const std::vector<std::uint32_t>& runsA,
    const std::vector<std::uint32_t>& runsB, int metric, const QString& labelA, const QString& labelB,
    Statistic statistic)
{
    AbComparison result;
    result.labelA = labelA;
    result.labelB = labelB;
    result.metric = data.metric(metric).path;
    result.statistic = statistic;
    const std::vector<double> a = metricValues(data, runsA, metric);
    const std::vector<double> b = metricValues(data, runsB, metric);
    result.nA = static_cast<std::int64_t>(a.size());
    result.nB = static_cast<std::int64_t>(b.size());
    result.medianA = medianOf(a);
    result.medianB = medianOf(b);
    const GroupContrast contrast = contrastOf(a, b, statistic);
    result.valueA = contrast.valueA;
    result.valueB = contrast.valueB;
    result.ratio = contrast.ratio;
    result.mannWhitney = contrast.mannWhitney;
    // The medians' bootstrap is the statistic's when that is the median: not run twice.
    result.ratioOfMedians = statistic == Statistic::Median ? contrast.ratio : bootstrapRatioOfMedians(a, b);
    PartsOf { data, runsA, runsB, statistic }.collect(metric, 1, result.parts);

    const auto medianA = medianByRegistration(data, runsA, metric);
    const auto medianB = medianByRegistration(data, runsB, metric);
    std::vector<double> pairedA;
    std::vector<double> pairedB;
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    for (const auto& [id, value] : medianA) {
        const auto other = medianB.find(id);
        if (other == medianB.end())
            continue;
        pairedA.push_back(value);
        pairedB.push_back(other->second);
        result.pairedIds << ids.text(id);
    }
    result.pairedRegistrations = static_cast<std::int64_t>(pairedA.size());
    if (!pairedA.empty())
        result.paired = pairedRatios(pairedA, pairedB);
    return result;
}

SlowEverywhere findSlowEverywhere(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, int metric, double quantile)
{
    // For each registration: in how many groups it ran (any, and those with enough
    // runs), and in how many of the latter it was slow.
    struct Tally
    {
        int ran = 0;
        int ranCounted = 0;
        int slow = 0;
    };
    std::map<std::uint32_t, Tally> tally;
    int counted = 0;
    for (const auto& runs : groups) {
        std::vector<double> values = metricValues(data, runs, metric);
        const bool enough = static_cast<std::int64_t>(values.size()) >= kMinRunsToCallSlow;
        counted += enough ? 1 : 0;
        std::sort(values.begin(), values.end());
        const double limit = percentileOfSorted(values, quantile);
        for (const auto& [id, median] : medianByRegistration(data, runs, metric)) {
            Tally& t = tally[id];
            ++t.ran;
            t.ranCounted += enough ? 1 : 0;
            t.slow += enough && median > limit ? 1 : 0;
        }
    }
    SlowEverywhere result;
    const bool shared
        = std::any_of(tally.begin(), tally.end(), [](const auto& t) { return t.second.ran >= 2; });
    if (!shared)
        return result; // NoSharedRegistration
    if (counted < 2) {
        result.why = SlowEverywhere::Empty::TooFewRuns;
        return result;
    }
    const FieldColumn& column = data.field(TimingDataset::RegistrationId);
    for (const auto& [id, t] : tally) {
        if (t.ranCounted >= 2 && t.slow == t.ranCounted)
            result.ids << column.text(id);
    }
    result.ids.sort();
    result.why
        = result.ids.isEmpty() ? SlowEverywhere::Empty::NoneSlowEverywhere : SlowEverywhere::Empty::NotEmpty;
    return result;
}

QStringList slowInEveryGroup(const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groups,
    int metric, double quantile)
{
    return findSlowEverywhere(data, groups, metric, quantile).ids;
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
