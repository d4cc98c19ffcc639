#include "stats/paireddata.h"

#include "data/timingdataset.h"
#include "stats/summarystats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

namespace {

constexpr std::uint32_t kNoRun = std::numeric_limits<std::uint32_t>::max();

/// One run of a registration, with the group it is in.
struct GroupRun
{
    std::uint32_t group;
    std::uint32_t run;
};

/// The runs of every registration, contiguous by registration code: a counting sort,
/// since codes are dense, and allocation-free per registration, which a map of
/// vectors was not (a million runs of 100,000 registrations took 0.7 s). Within a
/// registration, runs are in group order, then in the order of their group's list.
struct RunsByRegistration
{
    std::vector<std::uint32_t> begin; ///< begin[code] .. begin[code + 1] index `runs`
    std::vector<GroupRun> runs;
};

RunsByRegistration collectRuns(
    const TimingDataset& data, const std::vector<std::vector<std::uint32_t>>& groupRuns, int metric)
{
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    const MetricColumn& values = data.values(metric);
    const std::size_t codes = ids.dictionary().size();
    RunsByRegistration byRegistration;
    byRegistration.begin.assign(codes + 1, 0);
    const auto counted = [&](std::uint32_t run) {
        const std::uint32_t code = ids.code(run);
        return code != 0 && code < codes && values.has(run) ? code : 0;
    };
    for (const auto& runs : groupRuns) {
        for (const std::uint32_t run : runs) {
            if (const std::uint32_t code = counted(run))
                ++byRegistration.begin[code + 1];
        }
    }
    for (std::size_t code = 1; code <= codes; ++code)
        byRegistration.begin[code] += byRegistration.begin[code - 1];
    byRegistration.runs.resize(byRegistration.begin[codes]);
    std::vector<std::uint32_t> next(byRegistration.begin.begin(), byRegistration.begin.end() - 1);
    for (std::size_t group = 0; group < groupRuns.size(); ++group) {
        for (const std::uint32_t run : groupRuns[group]) {
            if (const std::uint32_t code = counted(run))
                byRegistration.runs[next[code]++] = { static_cast<std::uint32_t>(group), run };
        }
    }
    return byRegistration;
}

// The median of one group's runs of a registration, and the run nearest it (the
// earlier on a tie). `scratch` is reused from call to call.
std::pair<double, std::uint32_t> medianRun(const TimingDataset& data, const GroupRun* first,
    const GroupRun* last, int metric, std::vector<double>& scratch)
{
    scratch.clear();
    for (const GroupRun* r = first; r != last; ++r)
        scratch.push_back(data.value(r->run, metric));
    const GroupRun* nearest = first;
    if (scratch.size() == 1)
        return { scratch.front(), first->run };
    std::vector<double> sorted = scratch;
    std::sort(sorted.begin(), sorted.end());
    const double median = percentileOfSorted(sorted, 0.5);
    for (const GroupRun* r = first + 1; r != last; ++r) {
        if (std::fabs(scratch[static_cast<std::size_t>(r - first)] - median)
            < std::fabs(scratch[static_cast<std::size_t>(nearest - first)] - median))
            nearest = r;
    }
    return { median, nearest->run };
}

// The pair of one registration whose runs (in group order) are [first, last).
PairedRegistration pairOne(const TimingDataset& data, const GroupRun* first, const GroupRun* last,
    std::size_t groupCount, int metric, std::vector<double>& scratch)
{
    PairedRegistration pair;
    pair.values.assign(groupCount, std::numeric_limits<double>::quiet_NaN());
    pair.runs.assign(groupCount, kNoRun);
    while (first != last) {
        const std::uint32_t group = first->group;
        const GroupRun* end = first;
        while (end != last && end->group == group)
            ++end;
        std::tie(pair.values[group], pair.runs[group]) = medianRun(data, first, end, metric, scratch);
        const auto index = static_cast<int>(group);
        if (pair.fastestGroup < 0
            || pair.values[group] < pair.values[static_cast<std::size_t>(pair.fastestGroup)])
            pair.fastestGroup = index;
        if (pair.slowestGroup < 0
            || pair.values[group] > pair.values[static_cast<std::size_t>(pair.slowestGroup)])
            pair.slowestGroup = index;
        first = end;
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
    const RunsByRegistration byRegistration = collectRuns(data, groupRuns, metric);
    std::vector<double> scratch;
    for (std::size_t code = 1; code + 1 < byRegistration.begin.size(); ++code) {
        const GroupRun* first = byRegistration.runs.data() + byRegistration.begin[code];
        const GroupRun* last = byRegistration.runs.data() + byRegistration.begin[code + 1];
        if (first == last)
            continue; // not in these groups
        if (first->group == (last - 1)->group) { // sorted by group: one group only
            ++paired.unpairedCount;
            continue;
        }
        paired.registrations.push_back(pairOne(data, first, last, groupRuns.size(), metric, scratch));
        paired.registrations.back().registrationId = ids.text(static_cast<std::uint32_t>(code));
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
