#include "regress/trendsteps.h"

#include "data/timingdataset.h"
#include "stats/chartdata.h"

namespace te {

namespace {

// The category of every run on the trend's field axis (-1 for a run not on it),
// built once: a run's category depends on the run alone, so one vector serves every group.
std::vector<int> categoryOfRuns(const TimingDataset& data, const ChartData& chart)
{
    std::vector<int> category(data.runCount(), -1);
    for (const ChartGroup& group : chart.groups)
        for (const std::uint32_t run : group.runs)
            if (const auto x = chart.trendAxis.xOf(data, run))
                category[run] = static_cast<int>(*x);
    return category;
}

bool alongField(const ChartData& chart)
{
    return chart.request.kind == ChartRequest::Kind::Trend && chart.trendAxis.mode == TrendAxis::Mode::Field
        && chart.metric >= 0;
}

} // namespace

std::vector<TrendStep> findTrendSteps(
    const TimingDataset& data, const ChartData& chart, const std::atomic<bool>* cancel)
{
    std::vector<TrendStep> steps;
    if (!alongField(chart))
        return steps;
    ChangePointOptions options;
    options.cancel = cancel;
    const auto positions = static_cast<int>(chart.trendAxis.categories.size());
    const std::vector<int> category = categoryOfRuns(data, chart);
    for (std::size_t g = 0; g < chart.groups.size(); ++g) {
        const std::vector<std::uint32_t>& runs = chart.groups[g].runs;
        for (const ChangePoint& point :
            findChangePointsOfRuns(data, runs, chart.metric, category, positions, options))
            steps.push_back({ static_cast<int>(g), point });
        if (cancel && cancel->load(std::memory_order_relaxed))
            return {};
    }
    return steps;
}

std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> runsAroundStep(
    const TimingDataset& data, const ChartData& chart, const TrendStep& step)
{
    std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> around;
    if (!alongField(chart) || step.group < 0 || static_cast<std::size_t>(step.group) >= chart.groups.size())
        return around;
    for (const std::uint32_t run : chart.groups[static_cast<std::size_t>(step.group)].runs) {
        const auto x = chart.trendAxis.xOf(data, run);
        if (!x)
            continue;
        const auto category = static_cast<int>(*x);
        if (category >= step.point.from && category < step.point.at)
            around.first.push_back(run);
        else if (category >= step.point.at && category < step.point.to)
            around.second.push_back(run);
    }
    return around;
}

} // namespace te
