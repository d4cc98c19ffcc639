#include "stats/groupstats.h"

#include "data/timingdataset.h"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>

namespace te {

QString RunGroup::label() const
{
    return key.isEmpty() ? QStringLiteral("all") : key.join(QStringLiteral(" × "));
}

QStringList groupKeyOf(
    const TimingDataset& data, const std::vector<int>& fieldIds, const std::vector<std::uint32_t>& codes)
{
    QStringList key;
    for (std::size_t f = 0; f < fieldIds.size(); ++f)
        key.append(codes[f] == 0 ? QStringLiteral("(none)") : data.field(fieldIds[f]).text(codes[f]));
    return key;
}

namespace {

/// The runs 0..count-1, iterated as a list of run indices is, without holding one.
struct AllRuns
{
    std::uint32_t count = 0;
    struct Iterator
    {
        std::uint32_t run;
        std::uint32_t operator*() const { return run; }
        Iterator& operator++()
        {
            ++run;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return run != other.run; }
    };
    Iterator begin() const { return { 0 }; }
    Iterator end() const { return { count }; }
};

std::vector<std::uint32_t> listOf(const std::vector<std::uint32_t>& runs)
{
    return runs;
}

std::vector<std::uint32_t> listOf(const AllRuns& runs)
{
    std::vector<std::uint32_t> list(runs.count);
    std::iota(list.begin(), list.end(), 0u);
    return list;
}

/// The runs of each code of `column`. Counted first, so that each list is sized
/// once: growing millions of runs by doubling would leave up to half unused.
template <typename Runs>
std::vector<std::vector<std::uint32_t>> runsByCode(const FieldColumn& column, const Runs& runs)
{
    std::vector<std::size_t> counts(column.dictionary().size(), 0);
    for (const std::uint32_t run : runs)
        ++counts[column.code(run)];
    std::vector<std::vector<std::uint32_t>> byCode(counts.size());
    for (std::size_t code = 0; code < counts.size(); ++code)
        byCode[code].reserve(counts[code]);
    for (const std::uint32_t run : runs)
        byCode[column.code(run)].push_back(run);
    return byCode;
}

template <typename Runs>
std::vector<RunGroup> groupRunsOf(
    const TimingDataset& data, const Runs& runs, const std::vector<int>& fieldIds)
{
    if (fieldIds.empty())
        return { RunGroup { {}, listOf(runs) } };
    std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>> byCodes;
    if (fieldIds.size() == 1) {
        // The common case (group by model): index by dictionary code, no lookups.
        auto byCode = runsByCode(data.field(fieldIds.front()), runs);
        for (std::uint32_t code = 0; code < byCode.size(); ++code) {
            if (!byCode[code].empty())
                byCodes.emplace(std::vector<std::uint32_t> { code }, std::move(byCode[code]));
        }
    } else {
        std::vector<std::uint32_t> codes(fieldIds.size());
        for (const std::uint32_t run : runs) {
            for (std::size_t f = 0; f < fieldIds.size(); ++f)
                codes[f] = data.field(fieldIds[f]).code(run);
            auto it = byCodes.find(codes);
            if (it == byCodes.end())
                it = byCodes.emplace(codes, std::vector<std::uint32_t>()).first;
            it->second.push_back(run);
        }
    }
    std::vector<RunGroup> groups;
    groups.reserve(byCodes.size());
    for (auto& [groupCodes, groupRuns] : byCodes) {
        RunGroup group;
        group.key = groupKeyOf(data, fieldIds, groupCodes);
        group.runs = std::move(groupRuns);
        groups.push_back(std::move(group));
    }
    std::sort(
        groups.begin(), groups.end(), [](const RunGroup& a, const RunGroup& b) { return a.key < b.key; });
    return groups;
}

} // namespace

std::vector<RunGroup> groupRuns(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const std::vector<int>& fieldIds)
{
    return groupRunsOf(data, runs, fieldIds);
}

std::vector<RunGroup> groupAllRuns(const TimingDataset& data, const std::vector<int>& fieldIds)
{
    return groupRunsOf(data, AllRuns { data.runCount() }, fieldIds);
}

void forEachGroupOfAllRuns(const TimingDataset& data, const std::vector<int>& fieldIds,
    const std::function<void(const RunGroup&)>& visit)
{
    // One scan of the codes per group beats holding every group's list only while
    // the groups are few (a grouping by model, not by registration_id).
    constexpr std::size_t kMaxScannedGroups = 64;
    const FieldColumn* column = fieldIds.size() == 1 ? &data.field(fieldIds.front()) : nullptr;
    if (!column || column->dictionary().size() > kMaxScannedGroups) {
        for (const RunGroup& group : groupAllRuns(data, fieldIds))
            visit(group);
        return;
    }
    std::vector<std::size_t> counts(column->dictionary().size(), 0);
    for (std::uint32_t run = 0; run < data.runCount(); ++run)
        ++counts[column->code(run)];
    std::vector<RunGroup> groups; // keys only, in groupRuns()'s order
    std::vector<std::uint32_t> codes;
    for (std::uint32_t code = 0; code < counts.size(); ++code) {
        if (counts[code] > 0)
            codes.push_back(code);
    }
    const auto keyOf
        = [&](std::uint32_t code) { return code == 0 ? QStringLiteral("(none)") : column->text(code); };
    std::sort(
        codes.begin(), codes.end(), [&](std::uint32_t a, std::uint32_t b) { return keyOf(a) < keyOf(b); });
    for (const std::uint32_t code : codes) {
        RunGroup group { { keyOf(code) }, {} };
        group.runs.reserve(counts[code]);
        for (std::uint32_t run = 0; run < data.runCount(); ++run) {
            if (column->code(run) == code)
                group.runs.push_back(run);
        }
        visit(group);
    }
}

int keepLargestGroups(std::vector<RunGroup>& groups, std::size_t maxGroups)
{
    if (groups.size() <= maxGroups)
        return 0;
    std::vector<std::size_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return groups[a].runs.size() > groups[b].runs.size(); });
    order.resize(maxGroups);
    std::sort(order.begin(), order.end());
    std::vector<RunGroup> kept;
    kept.reserve(order.size());
    for (const std::size_t i : order)
        kept.push_back(std::move(groups[i]));
    const auto omitted = static_cast<int>(groups.size() - kept.size());
    groups = std::move(kept);
    return omitted;
}

void appendGroupStats(const TimingDataset& data, const RunGroup& group, const std::vector<int>& metricIds,
    std::vector<GroupMetricStats>& rows)
{
    std::vector<double> values;
    values.reserve(group.runs.size()); // sized once: a group may hold millions of runs
    for (const int metric : metricIds) {
        values.clear();
        const MetricColumn& column = data.values(metric);
        for (const std::uint32_t run : group.runs) {
            const double v = column.value(run);
            if (v == v)
                values.push_back(v);
        }
        rows.push_back({ group.key, group.label(), data.metric(metric).path, summarize(values) });
    }
}

std::vector<GroupMetricStats> computeGroupStats(
    const TimingDataset& data, const std::vector<RunGroup>& groups, const std::vector<int>& metricIds)
{
    std::vector<GroupMetricStats> rows;
    for (const RunGroup& group : groups)
        appendGroupStats(data, group, metricIds, rows);
    return rows;
}

} // namespace te
