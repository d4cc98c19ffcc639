#include "stats/paireddata.h"

#include "data/timingdataset.h"
#include "stats/summarystats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace te {

namespace {

constexpr std::uint32_t kNoRun = std::numeric_limits<std::uint32_t>::max();

// The runs of each registration (by field code) in each group.
using RunsByRegistration = std::unordered_map<std::uint32_t, std::vector<std::vector<std::uint32_t>>>;

RunsByRegistration collectRuns(
    const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groupRuns, int metric)
{
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    RunsByRegistration byRegistration;
    for (std::size_t group = 0; group < groupRuns.size(); ++group) {
        for (const std::uint32_t run : groupRuns[group]) {
            const std::uint32_t code = ids.code(run);
            if (code == 0 || !data.values(metric).has(run))
                continue;
            auto& perGroup = byRegistration[code];
            perGroup.resize(groupRuns.size());
            perGroup[group].push_back(run);
        }
    }
    return byRegistration;
}

// The median of `runs` and the run nearest it.
std::pair<double, std::uint32_t> medianRun(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const std::uint32_t run : runs)
        values.push_back(data.value(run, metric));
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const double median = percentileOfSorted(sorted, 0.5);
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (std::fabs(values[i] - median) < std::fabs(values[nearest] - median))
            nearest = i;
    }
    return { median, runs[nearest] };
}

PairedRegistration pairOne(const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& perGroup,
    int metric, QString registrationId)
{
    PairedRegistration pair;
    pair.registrationId = std::move(registrationId);
    pair.values.assign(perGroup.size(), std::numeric_limits<double>::quiet_NaN());
    pair.runs.assign(perGroup.size(), kNoRun);
    for (std::size_t group = 0; group < perGroup.size(); ++group) {
        if (perGroup[group].empty())
            continue;
        std::tie(pair.values[group], pair.runs[group]) = medianRun(data, perGroup[group], metric);
        const auto index = static_cast<int>(group);
        if (pair.fastestGroup < 0
            || pair.values[group] < pair.values[static_cast<std::size_t>(pair.fastestGroup)])
            pair.fastestGroup = index;
        if (pair.slowestGroup < 0
            || pair.values[group] > pair.values[static_cast<std::size_t>(pair.slowestGroup)])
            pair.slowestGroup = index;
    }
    const double fastest = pair.values[static_cast<std::size_t>(pair.fastestGroup)];
    const double slowest = pair.values[static_cast<std::size_t>(pair.slowestGroup)];
    pair.ratio = fastest > 0 ? slowest / fastest : std::numeric_limits<double>::quiet_NaN();
    return pair;
}

} // namespace

PairedData pairRegistrations(const TimingDataset& data, const QStringList& groupLabels,
    const std::vector<std::vector<std::uint32_t>>& groupRuns, int metric)
{
    PairedData paired;
    paired.groups = groupLabels;
    if (metric < 0 || metric >= data.metricCount())
        return paired;
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    for (const auto& [code, perGroup] : collectRuns(data, groupRuns, metric)) {
        const auto groupsRun
            = std::count_if(perGroup.begin(), perGroup.end(), [](const auto& r) { return !r.empty(); });
        if (groupsRun < 2) {
            ++paired.unpairedCount;
            continue;
        }
        paired.registrations.push_back(pairOne(data, perGroup, metric, ids.text(code)));
    }
    std::sort(paired.registrations.begin(), paired.registrations.end(),
        [](const PairedRegistration& a, const PairedRegistration& b) {
            const double ra = std::isnan(a.ratio) ? -1 : a.ratio;
            const double rb = std::isnan(b.ratio) ? -1 : b.ratio;
            if (ra != rb)
                return ra > rb;
            return a.registrationId < b.registrationId;
        });
    return paired;
}

} // namespace te
