#include "query/runcolumn.h"

#include "data/timingdataset.h"
#include "stats/groupreference.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace te {

QString RunColumn::id() const
{
    switch (kind) {
    case Kind::Field:
        return QStringLiteral("field:") + key;
    case Kind::Metric:
        return QStringLiteral("metric:") + key;
    case Kind::RatioToMedian:
        return QStringLiteral("ratio");
    case Kind::Line:
        return QStringLiteral("line");
    }
    return {};
}

RunColumn RunColumn::fromId(const QString& id)
{
    if (id.startsWith(QStringLiteral("field:")))
        return { Kind::Field, id.mid(6) };
    if (id.startsWith(QStringLiteral("metric:")))
        return { Kind::Metric, id.mid(7) };
    if (id == QStringLiteral("ratio"))
        return { Kind::RatioToMedian, {} };
    return { Kind::Line, {} };
}

ResolvedRunColumn ResolvedRunColumn::resolve(const RunColumn& column, const TimingDataset& data)
{
    ResolvedRunColumn resolved { column, -1 };
    if (column.kind == RunColumn::Kind::Field)
        resolved.id = data.fieldId(column.key);
    else if (column.kind == RunColumn::Kind::Metric)
        resolved.id = data.metricId(column.key);
    return resolved;
}

double ResolvedRunColumn::numericValue(
    const TimingDataset& data, const GroupReference* reference, std::uint32_t run) const
{
    constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    switch (column.kind) {
    case RunColumn::Kind::Metric:
        return id < 0 ? missing : data.value(run, id);
    case RunColumn::Kind::RatioToMedian:
        return reference ? reference->ratioToMedian(data, run, TimingDataset::kRootMetric) : missing;
    case RunColumn::Kind::Line:
        return static_cast<double>(data.line(run));
    case RunColumn::Kind::Field:
        if (id == TimingDataset::Timestamp && data.timestampMs(run) != TimingDataset::kNoTimestamp)
            return static_cast<double>(data.timestampMs(run));
        break;
    }
    return missing;
}

void sortRuns(const TimingDataset& data, const GroupReference* reference, const RunColumn& column,
    bool descending, std::vector<std::uint32_t>& runs)
{
    const ResolvedRunColumn resolved = ResolvedRunColumn::resolve(column, data);
    std::vector<std::pair<double, std::uint32_t>> keys;
    keys.reserve(runs.size());
    if (column.kind == RunColumn::Kind::Field && resolved.id != TimingDataset::Timestamp
        && resolved.id >= 0) {
        const FieldColumn& field = data.field(resolved.id);
        std::vector<std::uint32_t> order(field.dictionary().size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return QString::compare(field.text(a), field.text(b), Qt::CaseInsensitive) < 0;
        });
        std::vector<double> rank(order.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t i = 1; i < order.size(); ++i)
            rank[order[i]] = static_cast<double>(i);
        for (const std::uint32_t run : runs)
            keys.emplace_back(rank[field.code(run)], run);
    } else {
        for (const std::uint32_t run : runs)
            keys.emplace_back(resolved.numericValue(data, reference, run), run);
    }
    std::sort(keys.begin(), keys.end(), [descending](const auto& a, const auto& b) {
        const bool aMissing = std::isnan(a.first);
        const bool bMissing = std::isnan(b.first);
        if (aMissing != bMissing)
            return bMissing;
        if (!aMissing && a.first != b.first)
            return descending ? a.first > b.first : a.first < b.first;
        return a.second < b.second;
    });
    for (std::size_t i = 0; i < keys.size(); ++i)
        runs[i] = keys[i].second;
}

std::vector<RunColumn> defaultRunColumns(const TimingDataset& data)
{
    const std::vector<int>& phases = data.metric(TimingDataset::kRootMetric).children;
    std::vector<RunColumn> columns;
    // the well-known fields, "total", the phases and the ratio to the median
    columns.reserve(static_cast<std::size_t>(TimingDataset::WellKnownFieldCount) + phases.size() + 2);
    for (int field = 0; field < TimingDataset::WellKnownFieldCount; ++field)
        columns.push_back({ RunColumn::Kind::Field, data.fieldName(field) });
    columns.push_back({ RunColumn::Kind::Metric, QStringLiteral("total") });
    for (const int phase : phases)
        columns.push_back({ RunColumn::Kind::Metric, data.metric(phase).path });
    columns.push_back({ RunColumn::Kind::RatioToMedian, {} });
    return columns;
}

std::vector<RunColumn> availableRunColumns(const TimingDataset& data)
{
    std::vector<RunColumn> columns;
    for (const QString& field : data.fieldNames())
        columns.push_back({ RunColumn::Kind::Field, field });
    for (const QString& path : data.metricPaths())
        columns.push_back({ RunColumn::Kind::Metric, path });
    columns.push_back({ RunColumn::Kind::RatioToMedian, {} });
    columns.push_back({ RunColumn::Kind::Line, {} });
    return columns;
}

} // namespace te
