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

} // namespace

bool RunQuery::isEmpty() const
{
    return text.isEmpty() && allowedValues.empty() && std::isnan(minSeconds) && std::isnan(maxSeconds)
        && !fromMs && !toMs && !onlyProblems && expressions.empty() && !restrictTo;
}

std::vector<std::uint32_t> RunQuery::apply(
    const TimingDataset& data, const std::vector<std::uint32_t>* order) const
{
    const QString needle = text.trimmed();
    std::vector<std::pair<int, CodeTable>> textTables; // any of these fields matching is enough
    if (!needle.isEmpty()) {
        for (int field = 0; field < data.fieldCount(); ++field) {
            textTables.emplace_back(field, codeTable(data.field(field), [&](const QString& value) {
                return value.contains(needle, Qt::CaseInsensitive);
            }));
        }
    }
    std::vector<std::pair<int, CodeTable>> allowedTables; // every one of these must match
    for (const auto& entry : allowedValues) {
        // Not a structured binding: Clang 14 (the fuzz build) cannot capture one in a lambda.
        const int field = entry.first;
        const auto& values = entry.second;
        if (field < 0 || field >= data.fieldCount())
            continue;
        CodeTable table
            = codeTable(data.field(field), [&](const QString& value) { return values.contains(value); });
        table[0] = values.contains(QString()); // "(none)" is chosen as the empty string
        allowedTables.emplace_back(field, std::move(table));
    }
    const bool hasRange = !std::isnan(minSeconds) || !std::isnan(maxSeconds);
    const MetricColumn* rangeColumn = hasRange && rangeMetric >= 0 && rangeMetric < data.metricCount()
        ? &data.values(rangeMetric)
        : nullptr;

    const auto matches = [&](std::uint32_t run) {
        if (onlyProblems && !data.hasWarning(run))
            return false;
        for (const auto& [field, table] : allowedTables) {
            if (!table[data.field(field).code(run)])
                return false;
        }
        if (rangeColumn) {
            const double v = rangeColumn->value(run);
            if (std::isnan(v) || (!std::isnan(minSeconds) && v < minSeconds)
                || (!std::isnan(maxSeconds) && v > maxSeconds))
                return false;
        }
        if (fromMs || toMs) {
            const qint64 ms = data.timestampMs(run);
            if (ms == TimingDataset::kNoTimestamp || (fromMs && ms < *fromMs) || (toMs && ms > *toMs))
                return false;
        }
        if (!textTables.empty()) {
            bool found = false;
            for (const auto& [field, table] : textTables) {
                if (table[data.field(field).code(run)]) {
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        }
        for (const RunFilter& filter : expressions) {
            if (!filter.matches(data, run))
                return false;
        }
        return true;
    };

    std::vector<std::uint32_t> runs;
    if (order) {
        runs.reserve(order->size());
        for (const std::uint32_t run : *order) {
            if (run < data.runCount()
                && (!restrictTo || std::binary_search(restrictTo->begin(), restrictTo->end(), run))
                && matches(run))
                runs.push_back(run);
        }
        return runs;
    }
    if (restrictTo) {
        for (const std::uint32_t run : *restrictTo) {
            if (run < data.runCount() && matches(run))
                runs.push_back(run);
        }
        return runs;
    }
    runs.reserve(data.runCount());
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (matches(run))
            runs.push_back(run);
    }
    return runs;
}

} // namespace te
