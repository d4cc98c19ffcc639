#include "groupstats.h"

#include "timingdataset.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace te {

QString RunGroup::label() const
{
    return key.isEmpty() ? QStringLiteral("all") : key.join(QStringLiteral(" × "));
}

std::vector<RunGroup> groupRuns(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const std::vector<int>& fieldIds)
{
    if (fieldIds.empty())
        return { RunGroup { {}, runs } };
    std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>> byCodes;
    if (fieldIds.size() == 1) {
        // The common case (group by model): index by dictionary code, no lookups.
        const FieldColumn& column = data.field(fieldIds.front());
        std::vector<std::vector<std::uint32_t>> byCode(column.dictionary().size());
        for (const std::uint32_t run : runs)
            byCode[column.code(run)].push_back(run);
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
        for (std::size_t f = 0; f < fieldIds.size(); ++f) {
            const QString& value = data.field(fieldIds[f]).text(groupCodes[f]);
            group.key.append(groupCodes[f] == 0 ? QStringLiteral("(none)") : value);
        }
        group.runs = std::move(groupRuns);
        groups.push_back(std::move(group));
    }
    std::sort(
        groups.begin(), groups.end(), [](const RunGroup& a, const RunGroup& b) { return a.key < b.key; });
    return groups;
}

std::vector<GroupMetricStats> computeGroupStats(
    const TimingDataset& data, const std::vector<RunGroup>& groups, const std::vector<int>& metricIds)
{
    std::vector<GroupMetricStats> rows;
    std::vector<double> values;
    for (const RunGroup& group : groups) {
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
    return rows;
}

std::optional<std::vector<int>> resolveFields(
    const TimingDataset& data, const QStringList& names, QString* error)
{
    std::vector<int> ids;
    for (const QString& name : names) {
        const int id = data.fieldId(name.trimmed());
        if (id < 0) {
            if (error)
                *error = QStringLiteral("unknown field \"%1\"; the fields are: %2")
                             .arg(name, data.fieldNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        ids.push_back(id);
    }
    return ids;
}

std::optional<std::vector<int>> resolveMetrics(
    const TimingDataset& data, const QStringList& paths, QString* error)
{
    std::vector<int> ids;
    for (const QString& path : paths) {
        QString normalized = path.trimmed();
        if (normalized.startsWith(QStringLiteral("total/")))
            normalized.remove(0, 6);
        const int id = data.metricId(normalized);
        if (id < 0) {
            if (error)
                *error = QStringLiteral("unknown metric \"%1\"; the metrics are: %2")
                             .arg(path, data.metricPaths().join(QStringLiteral(", ")));
            return std::nullopt;
        }
        ids.push_back(id);
    }
    return ids;
}

std::vector<int> defaultMetrics(const TimingDataset& data)
{
    std::vector<int> ids { TimingDataset::kRootMetric };
    const auto& phases = data.metric(TimingDataset::kRootMetric).children;
    ids.insert(ids.end(), phases.begin(), phases.end());
    std::sort(
        ids.begin() + 1, ids.end(), [&](int a, int b) { return data.metric(a).path < data.metric(b).path; });
    return ids;
}

std::vector<std::uint32_t> allRuns(const TimingDataset& data)
{
    std::vector<std::uint32_t> runs(data.runCount());
    std::iota(runs.begin(), runs.end(), 0u);
    return runs;
}

} // namespace te
