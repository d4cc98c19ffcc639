#include "stats/baselinecomparison.h"

#include <cmath>

namespace te {

Verdict verdictOf(const ConfidenceInterval& ratio)
{
    if (ratio.high < 1)
        return Verdict::Faster;
    if (ratio.low > 1)
        return Verdict::Slower;
    return Verdict::Unclear; // contains 1, or NaN: the data cannot tell
}

BaselineComparison compareWithBaseline(const TimingDataset& data,
    const std::vector<std::vector<std::uint32_t>>& groups, const QStringList& labels, int baseline,
    int metric, Statistic statistic)
{
    BaselineComparison result;
    result.statistic = statistic;
    if (baseline < 0 || static_cast<std::size_t>(baseline) >= groups.size() || baseline >= labels.size())
        return result;
    const std::vector<double> base = metricValues(data, groups[static_cast<std::size_t>(baseline)], metric);
    result.baseline = labels[baseline];
    result.baselineN = static_cast<std::int64_t>(base.size());
    result.baselineValue = statisticOf(statistic, base);
    for (std::size_t g = 0; g < groups.size() && static_cast<qsizetype>(g) < labels.size(); ++g) {
        if (static_cast<int>(g) == baseline)
            continue;
        const std::vector<double> values = metricValues(data, groups[g], metric);
        BaselineRow row;
        row.label = labels[static_cast<qsizetype>(g)];
        row.n = static_cast<std::int64_t>(values.size());
        row.contrast = contrastOf(base, values, statistic);
        row.verdict = verdictOf(row.contrast.ratio);
        result.rows.push_back(std::move(row));
    }
    return result;
}

} // namespace te
