#include "query/runquery.h"

#include "data/timingdataset.h"

#include <algorithm>
#include <cmath>

namespace te {

namespace {

// For each field, which dictionary codes satisfy a predicate: decided once per
// distinct value, so a million runs cost one lookup each.
using CodeTable = std::vector<bool>;

template <typename Predicate> CodeTable codeTable(const FieldColumn& column, Predicate&& matches)
{
    CodeTable table(column.dictionary().size(), false);
    for (std::uint32_t code = 1; code < table.size(); ++code)
        table[code] = matches(column.text(code));
    return table;
}

// A query prepared for one dataset: field conditions turned into code tables, so
// testing a run is a few lookups.
class CompiledQuery
{
public:
    CompiledQuery(const RunQuery& query, const TimingDataset& data)
        : m_query(query)
        , m_data(data)
    {
        compileText();
        compileAllowedValues();
        const bool hasRange = !std::isnan(query.minSeconds) || !std::isnan(query.maxSeconds);
        if (hasRange && query.rangeMetric >= 0 && query.rangeMetric < data.metricCount())
            m_rangeColumn = &data.values(query.rangeMetric);
    }

    bool matches(std::uint32_t run) const
    {
        if (m_query.onlyProblems && !m_data.hasWarning(run))
            return false;
        for (const auto& [field, table] : m_allowedTables) {
            if (!table[m_data.field(field).code(run)])
                return false;
        }
        if (!inRange(run) || !inTimeWindow(run) || !matchesText(run))
            return false;
        return std::all_of(m_query.expressions.begin(), m_query.expressions.end(),
            [&](const RunFilter& filter) { return filter.matches(m_data, run); });
    }

private:
    void compileText()
    {
        const QString needle = m_query.text.trimmed();
        if (needle.isEmpty())
            return;
        for (int field = 0; field < m_data.fieldCount(); ++field) {
            m_textTables.emplace_back(field, codeTable(m_data.field(field), [&](const QString& value) {
                return value.contains(needle, Qt::CaseInsensitive);
            }));
        }
    }
    void compileAllowedValues()
    {
        for (const auto& entry : m_query.allowedValues) {
            // Not a structured binding: Clang 14 (the fuzz build) cannot capture one in a lambda.
            const int field = entry.first;
            const auto& values = entry.second;
            if (field < 0 || field >= m_data.fieldCount())
                continue;
            CodeTable table = codeTable(
                m_data.field(field), [&](const QString& value) { return values.contains(value); });
            table[0] = values.contains(QString()); // "(none)" is chosen as the empty string
            m_allowedTables.emplace_back(field, std::move(table));
        }
    }
    bool inRange(std::uint32_t run) const
    {
        if (!m_rangeColumn)
            return true;
        const double v = m_rangeColumn->value(run);
        return !std::isnan(v) && !(v < m_query.minSeconds) && !(v > m_query.maxSeconds);
    }
    bool inTimeWindow(std::uint32_t run) const
    {
        if (!m_query.fromMs && !m_query.toMs)
            return true;
        const qint64 ms = m_data.timestampMs(run);
        return ms != TimingDataset::kNoTimestamp && !(m_query.fromMs && ms < *m_query.fromMs)
            && !(m_query.toMs && ms > *m_query.toMs);
    }
    // Any field containing the text is enough.
    bool matchesText(std::uint32_t run) const
    {
        if (m_textTables.empty())
            return true;
        return std::any_of(m_textTables.begin(), m_textTables.end(),
            [&](const auto& entry) { return entry.second[m_data.field(entry.first).code(run)]; });
    }

    const RunQuery& m_query;
    const TimingDataset& m_data;
    std::vector<std::pair<int, CodeTable>> m_textTables;
    std::vector<std::pair<int, CodeTable>> m_allowedTables; // every one of these must match
    const MetricColumn* m_rangeColumn = nullptr;
};

} // namespace

bool RunQuery::isEmpty() const
{
    return text.isEmpty() && allowedValues.empty() && std::isnan(minSeconds) && std::isnan(maxSeconds)
        && !fromMs && !toMs && !onlyProblems && expressions.empty() && !restrictTo;
}

std::vector<std::uint32_t> RunQuery::apply(
    const TimingDataset& data, const std::vector<std::uint32_t>* order) const
{
    const CompiledQuery query(*this, data);
    std::vector<std::uint32_t> runs;
    if (order) {
        runs.reserve(order->size());
        for (const std::uint32_t run : *order) {
            if (run < data.runCount()
                && (!restrictTo || std::binary_search(restrictTo->begin(), restrictTo->end(), run))
                && query.matches(run))
                runs.push_back(run);
        }
        return runs;
    }
    if (restrictTo) {
        for (const std::uint32_t run : *restrictTo) {
            if (run < data.runCount() && query.matches(run))
                runs.push_back(run);
        }
        return runs;
    }
    runs.reserve(data.runCount());
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (query.matches(run))
            runs.push_back(run);
    }
    return runs;
}

} // namespace te
