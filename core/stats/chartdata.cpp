#include "stats/chartdata.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "stats/groupstats.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace te {

namespace {

constexpr int kTrendBuckets = 400;

struct KindName
{
    ChartRequest::Kind kind;
    const char* name;
};
constexpr KindName kKinds[] = { { ChartRequest::Kind::Box, "box" }, { ChartRequest::Kind::Bar, "bar" },
    { ChartRequest::Kind::Stacked, "stacked" }, { ChartRequest::Kind::Histogram, "histogram" },
    { ChartRequest::Kind::Trend, "trend" } };

std::vector<double> valuesOf(const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const std::uint32_t run : runs)
        values.push_back(data.value(run, metric));
    return values;
}

// Everything one group of a chart needs; returns its values (for the histogram).
std::vector<double> computeGroup(const TimingDataset& data, const ChartRequest& request, int metric,
    const std::vector<int>& parts, RunGroup group, ChartGroup& g)
{
    g.label = group.label();
    g.runs = std::move(group.runs);
    std::vector<double> values = valuesOf(data, g.runs, metric);
    g.box = boxStats(values);
    std::vector<double> scratch = values;
    g.summary = summarize(scratch);
    if (request.targetSeconds) {
        const auto under = std::count_if(
            values.begin(), values.end(), [&](double v) { return v <= *request.targetSeconds; });
        g.shareUnderTarget
            = values.empty() ? std::nan("") : static_cast<double>(under) / static_cast<double>(values.size());
    }
    if (request.kind == ChartRequest::Kind::Bar)
        g.statistic = bootstrapCI(values, request.statistic, request.bootstrapResamples);
    else
        g.statistic = { statisticOf(request.statistic, values), std::nan(""), std::nan(""), 0 };
    if (request.kind == ChartRequest::Kind::Stacked) {
        // Means, not medians: the means of the parts add up to the mean of the whole.
        for (const int part : parts) {
            double sum = 0;
            for (const std::uint32_t run : g.runs) {
                const double v = data.value(run, part);
                sum += std::isnan(v) ? 0.0 : v;
            }
            g.partMeans.push_back(g.runs.empty() ? 0.0 : sum / static_cast<double>(g.runs.size()));
        }
    }
    if (request.kind == ChartRequest::Kind::Trend) {
        std::vector<TrendPoint> points;
        for (const std::uint32_t run : g.runs) {
            if (data.timestampMs(run) != TimingDataset::kNoTimestamp)
                points.push_back({ data.timestampMs(run), data.value(run, metric) });
        }
        std::sort(points.begin(), points.end(),
            [](const TrendPoint& a, const TrendPoint& b) { return a.ms < b.ms; });
        const int window = std::clamp(static_cast<int>(points.size() / 20), 5, 501);
        g.trendMedian = decimateForDisplay(rollingMedian(points, window), kTrendBuckets);
        g.trend = decimateForDisplay(points, kTrendBuckets);
    }
    return values;
}

} // namespace

QString kindName(ChartRequest::Kind kind)
{
    for (const auto& k : kKinds) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

std::optional<ChartRequest::Kind> kindFromName(const QString& name)
{
    for (const auto& k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

ChartData computeChartData(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const ChartRequest& request)
{
    ChartData chart;
    chart.request = request;
    const auto fields = resolveFields(data, request.groupBy, &chart.error);
    const auto metrics = resolveMetrics(data, { request.metric }, &chart.error);
    if (!fields || !metrics)
        return chart;
    chart.metric = metrics->front();
    const MetricColumn& column = data.values(chart.metric);

    std::vector<std::uint32_t> withValue;
    withValue.reserve(runs.size());
    for (const std::uint32_t run : runs) {
        if (column.has(run))
            withValue.push_back(run);
    }
    // The parts of the metric: its children, one level down (phases of total).
    std::vector<int> parts = data.metric(chart.metric).children;
    for (const int part : parts)
        chart.parts << data.metric(part).name;

    std::vector<RunGroup> groups = groupRuns(data, withValue, *fields);
    chart.groups.resize(groups.size());
    std::vector<std::vector<double>> seriesValues(groups.size());
    // Groups are independent: each core takes the next one (a million runs in six
    // groups then redraw in about half the time).
    std::atomic<std::size_t> next { 0 };
    const auto work = [&] {
        for (std::size_t i = next++; i < groups.size(); i = next++)
            seriesValues[i]
                = computeGroup(data, request, chart.metric, parts, std::move(groups[i]), chart.groups[i]);
    };
    const unsigned threads = std::min<unsigned>(
        std::max(1u, std::thread::hardware_concurrency()), static_cast<unsigned>(groups.size()));
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (auto& worker : workers)
        worker.join();
    if (request.kind != ChartRequest::Kind::Histogram)
        seriesValues.clear();
    if (request.kind == ChartRequest::Kind::Histogram)
        chart.histogram = histogram(seriesValues, request.bins, request.logScale);
    return chart;
}

std::vector<std::uint32_t> runsInBin(const TimingDataset& data, const ChartData& chart, int group, int bin)
{
    if (group < 0 || group >= static_cast<int>(chart.groups.size()))
        return {};
    const ChartGroup& g = chart.groups[static_cast<std::size_t>(group)];
    const auto& edges = chart.histogram.edges;
    if (bin < 0 || bin + 1 >= static_cast<int>(edges.size()))
        return g.runs;
    const double low = edges[static_cast<std::size_t>(bin)];
    const double high = edges[static_cast<std::size_t>(bin) + 1];
    const bool lastBin = bin + 2 == static_cast<int>(edges.size());
    std::vector<std::uint32_t> runs;
    for (const std::uint32_t run : g.runs) {
        const double v = data.value(run, chart.metric);
        // numpy's bins: half-open, except the last, which is closed.
        if (v >= low && (v < high || (lastBin && v <= high)))
            runs.push_back(run);
    }
    return runs;
}

int histogramBinAt(const ChartData& chart, double x)
{
    const auto& edges = chart.histogram.edges;
    const int bin = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin()) - 1;
    return bin >= 0 && bin + 1 < static_cast<int>(edges.size()) ? bin : -1;
}

std::vector<std::uint32_t> runsAroundTime(
    const TimingDataset& data, const ChartData& chart, int group, double ms)
{
    if (group < 0 || group >= static_cast<int>(chart.groups.size()))
        return {};
    const ChartGroup& g = chart.groups[static_cast<std::size_t>(group)];
    const double span = g.trend.size() > 1
        ? static_cast<double>(g.trend.back().ms - g.trend.front().ms) / kTrendBuckets
        : 1.0;
    std::vector<std::uint32_t> runs;
    for (const std::uint32_t run : g.runs) {
        const qint64 at = data.timestampMs(run);
        if (at != TimingDataset::kNoTimestamp && std::abs(static_cast<double>(at) - ms) <= span)
            runs.push_back(run);
    }
    return runs;
}

} // namespace te
