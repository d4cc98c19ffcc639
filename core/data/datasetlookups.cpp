#include "data/datasetlookups.h"

#include "data/timingdataset.h"

#include <numeric>

namespace te {

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

QStringList usefulGroupFields(const TimingDataset& data)
{
    // A field's dictionary holds its distinct values after the "no value" at 0.
    const auto distinct = [&](int field) { return data.field(field).dictionary().size() - 1; };
    if (distinct(TimingDataset::Model) >= 2)
        return { QStringLiteral("model") };
    if (distinct(TimingDataset::Source) >= 2)
        return { QStringLiteral("source") };
    return {};
}

QStringList groupFieldsFor(const TimingDataset& data, const QStringList& chosen)
{
    if (chosen.isEmpty())
        return usefulGroupFields(data);
    for (const QString& field : chosen) {
        if (data.fieldId(field) < 0)
            return usefulGroupFields(data);
    }
    return chosen;
}

} // namespace te
