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

namespace {

/// The order of sortRuns: numbers, or text case-insensitively (then as written, then
/// by code, so that distinct values never tie), missing values last in either
/// direction, ties in file order. Text reads through dictionary ranks when many runs
/// are compared, or through the dictionary itself when few are.
class RunOrder
{
public:
    RunOrder(
        const TimingDataset& data, const GroupReference* reference, const RunColumn& column, bool descending)
        : m_data(data)
        , m_reference(reference)
        , m_resolved(ResolvedRunColumn::resolve(column, data))
        , m_descending(descending)
    {
        if (column.kind == RunColumn::Kind::Field && m_resolved.id != TimingDataset::Timestamp
            && m_resolved.id >= 0)
            m_text = &data.field(m_resolved.id);
    }

    bool isText() const { return m_text != nullptr; }

    /// Each dictionary code's place in the text order (NaN for "no value").
    std::vector<double> textRanks() const
    {
        std::vector<std::uint32_t> order(m_text->dictionary().size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(
            order.begin() + 1, order.end(), [&](std::uint32_t a, std::uint32_t b) { return textLess(a, b); });
        std::vector<double> rank(order.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t i = 1; i < order.size(); ++i)
            rank[order[i]] = static_cast<double>(i);
        return rank;
    }

    double numericKey(std::uint32_t run) const { return m_resolved.numericValue(m_data, m_reference, run); }

    /// The order of two keys of runs `a` and `b`; for text, keys are ranks.
    bool keyLess(double aKey, std::uint32_t a, double bKey, std::uint32_t b) const
    {
        const bool aMissing = std::isnan(aKey);
        const bool bMissing = std::isnan(bKey);
        if (aMissing != bMissing)
            return bMissing;
        if (!aMissing && aKey != bKey)
            return m_descending ? aKey > bKey : aKey < bKey;
        return a < b;
    }

    /// The order of two runs, reading the dictionary for text.
    bool runLess(std::uint32_t a, std::uint32_t b) const
    {
        if (!m_text)
            return keyLess(numericKey(a), a, numericKey(b), b);
        const std::uint32_t aCode = m_text->code(a);
        const std::uint32_t bCode = m_text->code(b);
        if ((aCode == 0) != (bCode == 0))
            return bCode == 0;
        if (aCode != 0 && aCode != bCode)
            return m_descending ? textLess(bCode, aCode) : textLess(aCode, bCode);
        return a < b;
    }

private:
    bool textLess(std::uint32_t a, std::uint32_t b) const
    {
        const QString& aText = m_text->text(a);
        const QString& bText = m_text->text(b);
        if (const int order = QString::compare(aText, bText, Qt::CaseInsensitive))
            return order < 0;
        if (const int order = QString::compare(aText, bText, Qt::CaseSensitive))
            return order < 0;
        return a < b;
    }

    const TimingDataset& m_data;
    const GroupReference* m_reference;
    ResolvedRunColumn m_resolved;
    bool m_descending;
    const FieldColumn* m_text = nullptr;
};

} // namespace

void sortRuns(const TimingDataset& data, const GroupReference* reference, const RunColumn& column,
    bool descending, std::vector<std::uint32_t>& runs)
{
    const RunOrder order(data, reference, column, descending);
    std::vector<std::pair<double, std::uint32_t>> keys;
    keys.reserve(runs.size());
    if (order.isText()) {
        const std::vector<double> rank = order.textRanks();
        const FieldColumn& field = data.field(ResolvedRunColumn::resolve(column, data).id);
        for (const std::uint32_t run : runs)
            keys.emplace_back(rank[field.code(run)], run);
    } else {
        for (const std::uint32_t run : runs)
            keys.emplace_back(order.numericKey(run), run);
    }
    std::sort(keys.begin(), keys.end(), [&order](const auto& a, const auto& b) {
        return order.keyLess(a.first, a.second, b.first, b.second);
    });
    for (std::size_t i = 0; i < keys.size(); ++i)
        runs[i] = keys[i].second;
}

bool orderDependsOnReference(const RunColumn& column)
{
    return column.kind == RunColumn::Kind::RatioToMedian;
}

std::vector<std::uint32_t> sortAppendedRuns(const TimingDataset& data, const GroupReference* reference,
    const RunColumn& column, bool descending, const std::vector<std::uint32_t>& sorted,
    std::uint32_t firstNew)
{
    std::vector<std::uint32_t> appended(data.runCount() - firstNew);
    std::iota(appended.begin(), appended.end(), firstNew);
    sortRuns(data, reference, column, descending, appended);
    // Each new run goes before the first earlier run it sorts before: a binary search
    // a run, then the runs in between are copied in one go.
    const RunOrder order(data, reference, column, descending);
    const auto less = [&order](std::uint32_t a, std::uint32_t b) { return order.runLess(a, b); };
    std::vector<std::uint32_t> merged;
    merged.reserve(sorted.size() + appended.size());
    auto from = sorted.begin();
    for (const std::uint32_t run : appended) {
        const auto at = std::lower_bound(from, sorted.end(), run, less);
        merged.insert(merged.end(), from, at);
        merged.push_back(run);
        from = at;
    }
    merged.insert(merged.end(), from, sorted.end());
    return merged;
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
