#include "stats/chartdata.h"

#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "stats/groupstats.h"
#include "util/parallelfor.h"

#include <algorithm>
#include <cmath>
#include <limits>

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
    { ChartRequest::Kind::Trend, "trend" }, { ChartRequest::Kind::Ecdf, "ecdf" },
    { ChartRequest::Kind::Paired, "paired" } };

// A deterministic offset in [-0.3, 0.3] for a run's point (splitmix64 of its index).
double jitterOf(std::uint32_t run)
{
    std::uint64_t z = run + 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    return (static_cast<double>(z >> 11) / static_cast<double>(1ull << 53) - 0.5) * 0.6;
}

std::vector<ChartPoint> pointsOf(const std::vector<std::uint32_t>& runs, const std::vector<double>& values)
{
    if (runs.size() > kMaxPointsPerGroup)
        return {};
    std::vector<ChartPoint> points;
    points.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        points.push_back({ runs[i], values[i], jitterOf(runs[i]) });
    std::sort(points.begin(), points.end(), [](const ChartPoint& a, const ChartPoint& b) {
        return a.value < b.value || (a.value == b.value && a.run < b.run);
    });
    return points;
}

std::vector<double> valuesOf(const TimingDataset& data, const std::vector<std::uint32_t>& runs, int metric)
{
    std::vector<double> values;
    values.reserve(runs.size());
    for (const std::uint32_t run : runs)
        values.push_back(data.value(run, metric));
    return values;
}

// Where `run` is drawn on a trend: its place on the axis, spread over a strip (as
// a box plot's points are) on a field's categories, where runs share their x.
std::optional<double> drawnTrendX(const TimingDataset& data, const TrendAxis& axis, std::uint32_t run)
{
    auto x = axis.xOf(data, run);
    if (x && axis.mode == TrendAxis::Mode::Field)
        *x += jitterOf(run) * 0.5;
    return x;
}

// The points of `runs` the trend `axis` places, ascending by x (then time): where
// they are drawn (`spread`), or their place on the axis.
std::vector<TrendPoint> trendPointsOf(const TimingDataset& data, const std::vector<std::uint32_t>& runs,
    int metric, const TrendAxis& axis, bool spread)
{
    std::vector<TrendPoint> points;
    points.reserve(runs.size());
    for (const std::uint32_t run : runs) {
        if (const auto x = spread ? drawnTrendX(data, axis, run) : axis.xOf(data, run))
            points.push_back({ data.timestampMs(run), data.value(run, metric), *x, run });
    }
    const auto before
        = [](const TrendPoint& a, const TrendPoint& b) { return a.x < b.x || (a.x == b.x && a.ms < b.ms); };
    // Runs in file order are usually in time order already: a check, not a sort.
    if (!std::is_sorted(points.begin(), points.end(), before))
        std::sort(points.begin(), points.end(), before);
    return points;
}

// Everything one group of a chart needs; returns its values ascending (for the
// histogram). The values are sorted once here: every statistic below then only
// checks that they are.
std::vector<double> computeGroup(const TimingDataset& data, const ChartData& chart,
    const std::vector<int>& parts, RunGroup group, ChartGroup& g)
{
    const ChartRequest& request = chart.request;
    const int metric = chart.metric;
    g.label = group.label();
    g.runs = std::move(group.runs);
    const std::vector<double> values = valuesOf(data, g.runs, metric); // in run order
    std::vector<double> sorted = values;
    g.summary = summarize(sorted); // the moments in run order, as pandas sums them
    std::erase_if(sorted, [](double v) { return std::isnan(v); });
    sortIfNeeded(sorted);
    g.box = boxStats(sorted);
    if (request.targetSeconds) {
        const auto under = std::count_if(
            values.begin(), values.end(), [&](double v) { return v <= *request.targetSeconds; });
        g.shareUnderTarget
            = values.empty() ? std::nan("") : static_cast<double>(under) / static_cast<double>(values.size());
    }
    g.statistic = bootstrapCI(sorted, request.statistic, request.bootstrapResamples);
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
    if (request.kind == ChartRequest::Kind::Box)
        g.points = pointsOf(g.runs, values);
    if (request.kind == ChartRequest::Kind::Ecdf)
        g.ecdf = ecdfSteps(sorted);
    if (request.kind == ChartRequest::Kind::Trend) {
        const TrendAxis& axis = chart.trendAxis;
        const std::vector<TrendPoint> points = trendPointsOf(data, g.runs, metric, axis, false);
        const int window = std::clamp(static_cast<int>(points.size() / 20), 5, 501);
        g.trendMedian = decimateForDisplay(rollingMedian(points, window), kTrendBuckets);
        g.trend = axis.mode == TrendAxis::Mode::Field
            ? decimateForDisplay(trendPointsOf(data, g.runs, metric, axis, true), kTrendBuckets)
            : decimateForDisplay(points, kTrendBuckets);
    }
    return sorted;
}

// The range of seconds a chart of `chart`'s kind draws on its value axis.
std::pair<double, double> drawnRange(const ChartData& chart)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const auto include = [&](double v) {
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    };
    for (const ChartGroup& g : chart.groups) {
        switch (chart.request.kind) {
        case ChartRequest::Kind::Bar:
            include(g.statistic.estimate);
            include(g.statistic.high);
            if (chart.request.logScale)
                include(g.statistic.low); // points with whiskers: no baseline
            break;
        case ChartRequest::Kind::Stacked: {
            double sum = 0;
            for (const double part : g.partMeans)
                sum += part;
            include(sum);
            break;
        }
        default:
            include(g.summary.min);
            include(g.summary.max);
        }
    }
    if (chart.request.targetSeconds)
        include(*chart.request.targetSeconds);
    return { low, high };
}

ValueAxis valueAxisFor(const ChartData& chart)
{
    auto [low, high] = drawnRange(chart);
    if (!std::isfinite(low))
        return linearTimeAxis(0, 1);
    const ChartRequest::Kind kind = chart.request.kind;
    if (kind == ChartRequest::Kind::Stacked && chart.request.percent)
        return percentAxis();
    if (chart.request.logScale && kind != ChartRequest::Kind::Stacked)
        return logTimeAxis(low, high);
    // Bars and stacked parts need their baseline; boxes, points, pairs and trends
    // read best from zero too; histogram and ECDF x axes span the values.
    const bool fromZero = kind != ChartRequest::Kind::Histogram && kind != ChartRequest::Kind::Ecdf;
    return linearTimeAxis(fromZero ? std::min(0.0, low) : low, high);
}

} // namespace

QString kindNameList()
{
    QStringList names;
    for (const auto& k : kKinds)
        names << QString::fromLatin1(k.name);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

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

    if (request.kind == ChartRequest::Kind::Trend) {
        auto axis = trendAxis(data, withValue, request.trendX);
        if (!axis) {
            chart.error = QStringLiteral("unknown x axis \"%1\"; it must be time, order or one of the "
                                         "fields: %2")
                              .arg(request.trendX, data.fieldNames().join(QStringLiteral(", ")));
            return chart;
        }
        chart.trendAxis = std::move(*axis);
    }
    std::vector<RunGroup> groups = groupRuns(data, withValue, *fields);
    chart.omittedGroups = keepLargestGroups(groups, kMaxChartGroups);
    std::vector<std::vector<std::uint32_t>> groupRunLists;
    if (request.kind == ChartRequest::Kind::Paired) {
        for (const RunGroup& group : groups)
            groupRunLists.push_back(group.runs);
    }
    chart.groups.resize(groups.size());
    std::vector<std::vector<double>> seriesValues(groups.size());
    // Groups are independent: each core takes the next one (a million runs in six
    // groups then redraw in about half the time).
    parallelFor(groups.size(), [&](std::size_t i) {
        seriesValues[i] = computeGroup(data, chart, parts, std::move(groups[i]), chart.groups[i]);
    });
    if (request.kind == ChartRequest::Kind::Histogram) {
        const int bins = request.bins > 0 ? request.bins : fairBinCount(seriesValues, request.logScale);
        chart.histogram = histogram(seriesValues, bins, request.logScale);
    }
    if (request.kind == ChartRequest::Kind::Paired) {
        QStringList labels;
        for (const ChartGroup& g : chart.groups)
            labels << g.label;
        chart.paired = pairRegistrations(data, labels, groupRunLists, chart.metric);
    }
    chart.valueAxis = valueAxisFor(chart);
    return chart;
}

std::vector<double> partShares(const ChartGroup& group)
{
    double sum = 0;
    for (const double part : group.partMeans)
        sum += part;
    std::vector<double> shares;
    shares.reserve(group.partMeans.size());
    for (const double part : group.partMeans)
        shares.push_back(sum > 0 ? part / sum * 100.0 : 0.0);
    return shares;
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

std::vector<std::uint32_t> runsNearTrendX(
    const TimingDataset& data, const ChartData& chart, int group, double x, double halfWidth)
{
    if (group < 0 || group >= static_cast<int>(chart.groups.size()))
        return {};
    std::vector<std::uint32_t> runs;
    for (const std::uint32_t run : chart.groups[static_cast<std::size_t>(group)].runs) {
        const auto at = drawnTrendX(data, chart.trendAxis, run);
        if (at && std::abs(*at - x) <= halfWidth)
            runs.push_back(run);
    }
    return runs;
}

std::vector<TrendPoint> trendPointsIn(
    const TimingDataset& data, const ChartData& chart, int group, double lo, double hi)
{
    if (group < 0 || group >= static_cast<int>(chart.groups.size()))
        return {};
    const ChartGroup& g = chart.groups[static_cast<std::size_t>(group)];
    if (g.runs.size() <= 2 * static_cast<std::size_t>(kTrendBuckets))
        return g.trend; // not decimated: every point is drawn already
    std::vector<std::uint32_t> inRange;
    for (const std::uint32_t run : g.runs) {
        const auto at = drawnTrendX(data, chart.trendAxis, run);
        if (at && *at >= lo && *at <= hi)
            inRange.push_back(run);
    }
    return decimateForDisplay(
        trendPointsOf(data, inRange, chart.metric, chart.trendAxis, true), kTrendBuckets);
}

} // namespace te
