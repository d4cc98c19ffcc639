#include "export/chartjson.h"

#include "data/timingdataset.h"
#include "stats/chartdata.h"
#include "util/timestampformat.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te {

namespace {

using Json = nlohmann::ordered_json;

Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

Json axisJson(const ValueAxis& axis)
{
    Json ticks = Json::array();
    for (const AxisTick& tick : axis.ticks)
        ticks.push_back({ { "value", tick.value }, { "label", utf8(tick.label) } });
    return { { "scale", axis.logScale ? "log" : "linear" },
        { "unit", axis.percent ? "%" : utf8(unitSymbol(axis.unit)) }, { "min", number(axis.min) },
        { "max", number(axis.max) }, { "ticks", std::move(ticks) } };
}

Json summaryJson(const SummaryStats& summary)
{
    Json stats = Json::object();
    for (const StatisticInfo& info : allStatistics())
        stats[info.name] = info.isCount ? Json(summary.n) : number(statisticValue(summary, info.id));
    return stats;
}

Json boxJson(const BoxStats& box)
{
    return { { "q1", number(box.q1) }, { "median", number(box.median) }, { "q3", number(box.q3) },
        { "whisker_low", number(box.lowerWhisker) }, { "whisker_high", number(box.upperWhisker) },
        { "outliers", box.outliers } };
}

Json pointsJson(const ChartGroup& group, const TimingDataset& data)
{
    Json points = Json::array();
    for (const ChartPoint& p : group.points) {
        points.push_back({ { "value", p.value },
            { "registration_id", utf8(data.fieldValue(p.run, TimingDataset::RegistrationId)) },
            { "offset", p.offset } });
    }
    return points;
}

Json binsJson(const Histogram& histogram, std::size_t group)
{
    Json bins = Json::array();
    if (group >= histogram.counts.size())
        return bins;
    const auto& counts = histogram.counts[group];
    for (std::size_t b = 0; b < counts.size(); ++b)
        bins.push_back(
            { { "from", histogram.edges[b] }, { "to", histogram.edges[b + 1] }, { "count", counts[b] } });
    return bins;
}

// A point's time when it has one (order and field axes draw runs without).
Json timeJson(qint64 ms)
{
    return ms == TimingDataset::kNoTimestamp ? Json(nullptr) : Json(utf8(formatTimestampIso(ms)));
}

Json trendJson(const ChartGroup& group, const TimingDataset& data)
{
    Json trend = Json::array();
    for (const TrendPoint& p : group.trend)
        trend.push_back({ { "x", p.x }, { "time", timeJson(p.ms) },
            { "registration_id", utf8(data.fieldValue(p.run, TimingDataset::RegistrationId)) },
            { "value", number(p.value) } });
    return trend;
}

const char* trendModeName(TrendAxis::Mode mode)
{
    switch (mode) {
    case TrendAxis::Mode::Order:
        return "order";
    case TrendAxis::Mode::Field:
        return "field";
    case TrendAxis::Mode::Time:
        break;
    }
    return "time";
}

// The trend's x axis: its range and ticks in x, and the compressed gaps both in
// time and in x.
Json trendAxisJson(const TrendAxis& axis)
{
    Json ticks = Json::array();
    for (const AxisTick& tick : axis.ticks)
        ticks.push_back({ { "value", tick.value }, { "label", utf8(tick.label) } });
    Json gaps = Json::array();
    for (const TrendGap& gap : axis.gaps)
        gaps.push_back({ { "from", timeJson(gap.fromMs) }, { "to", timeJson(gap.toMs) },
            { "x_from", gap.xFrom }, { "x_to", gap.xTo } });
    return { { "mode", trendModeName(axis.mode) },
        { "field", axis.mode == TrendAxis::Mode::Field ? Json(utf8(axis.field)) : Json(nullptr) },
        { "min", axis.min }, { "max", axis.max }, { "ticks", std::move(ticks) }, { "gaps", std::move(gaps) },
        { "missing", axis.missing } };
}

// What `group` draws in a chart of `chart`'s kind, added to `out`.
void addKindJson(Json& out, const ChartData& chart, std::size_t index, const TimingDataset& data)
{
    const ChartGroup& group = chart.groups[index];
    switch (chart.request.kind) {
    case ChartRequest::Kind::Box:
        out["box"] = boxJson(group.box);
        out["points"] = pointsJson(group, data);
        break;
    case ChartRequest::Kind::Bar:
        out["bar"] = { { "statistic", utf8(statisticName(chart.request.statistic)) },
            { "value", number(group.statistic.estimate) }, { "ci_low", number(group.statistic.low) },
            { "ci_high", number(group.statistic.high) } };
        break;
    case ChartRequest::Kind::Stacked: {
        Json parts = Json::array();
        const std::vector<double> shares = partShares(group);
        for (qsizetype p = 0; p < chart.parts.size(); ++p)
            parts.push_back({ { "name", utf8(chart.parts[p]) },
                { "mean", number(group.partMeans[static_cast<std::size_t>(p)]) },
                { "percent", number(shares[static_cast<std::size_t>(p)]) } });
        out["parts"] = std::move(parts);
        break;
    }
    case ChartRequest::Kind::Histogram:
        out["bins"] = binsJson(chart.histogram, index);
        break;
    case ChartRequest::Kind::Trend:
        out["trend"] = trendJson(group, data);
        break;
    case ChartRequest::Kind::Ecdf: {
        Json steps = Json::array();
        for (const EcdfStep& step : group.ecdf)
            steps.push_back(Json::array({ step.value, step.fraction }));
        out["ecdf"] = std::move(steps);
        break;
    }
    case ChartRequest::Kind::Paired:
        break; // the pairs are the chart's, not a group's
    }
}

Json pairsJson(const ChartData& chart)
{
    Json pairs = Json::array();
    for (const PairedRegistration& pair : chart.paired.registrations) {
        Json values = Json::object();
        for (std::size_t g = 0; g < pair.values.size(); ++g) {
            if (!std::isnan(pair.values[g]))
                values[utf8(chart.paired.groups.value(static_cast<qsizetype>(g)))] = pair.values[g];
        }
        pairs.push_back({ { "registration_id", utf8(pair.registrationId) }, { "values", std::move(values) },
            { "ratio", number(pair.ratio) } });
    }
    return pairs;
}

Json stepsJson(const ChartData& chart, const std::vector<TrendStep>& steps)
{
    const QStringList& values = chart.trendAxis.categories;
    Json out = Json::array();
    for (const TrendStep& step : steps) {
        const ChangePoint& p = step.point;
        out.push_back({ { "group", utf8(chart.groups[static_cast<std::size_t>(step.group)].label) },
            { "at", utf8(values.value(p.at)) },
            { "before",
                { { "from", utf8(values.value(p.from)) }, { "median", number(p.medianBefore) },
                    { "n", p.nBefore } } },
            { "after",
                { { "to", utf8(values.value(p.to - 1)) }, { "median", number(p.medianAfter) },
                    { "n", p.nAfter } } },
            { "ratio", number(p.ratio.estimate) },
            { "ci95", Json::array({ number(p.ratio.low), number(p.ratio.high) }) }, { "p", number(p.p) } });
    }
    return out;
}

} // namespace

std::string chartDataToJson(
    const ChartData& chart, const TimingDataset& data, const std::vector<TrendStep>& steps)
{
    Json groupBy = Json::array();
    for (const QString& field : chart.request.groupBy)
        groupBy.push_back(utf8(field));
    Json out = { { "kind", utf8(kindName(chart.request.kind)) }, { "metric", utf8(chart.request.metric) },
        { "group_by", std::move(groupBy) }, { "value_axis", axisJson(chart.valueAxis) } };
    if (chart.request.kind == ChartRequest::Kind::Trend)
        out["x_axis"] = trendAxisJson(chart.trendAxis);
    if (chart.request.kind == ChartRequest::Kind::Trend && chart.trendAxis.mode == TrendAxis::Mode::Field)
        out["steps"] = stepsJson(chart, steps);
    Json groups = Json::array();
    for (std::size_t i = 0; i < chart.groups.size(); ++i) {
        const ChartGroup& group = chart.groups[i];
        Json g = { { "name", utf8(group.label) }, { "n", group.runs.size() },
            { "stats", summaryJson(group.summary) },
            { "statistic",
                { { "name", utf8(statisticName(chart.request.statistic)) },
                    { "value", number(group.statistic.estimate) }, { "ci_low", number(group.statistic.low) },
                    { "ci_high", number(group.statistic.high) } } } };
        addKindJson(g, chart, i, data);
        groups.push_back(std::move(g));
    }
    out["groups"] = std::move(groups);
    out["omitted_groups"] = chart.omittedGroups;
    if (chart.request.kind == ChartRequest::Kind::Paired) {
        out["pairs"] = pairsJson(chart);
        out["unpaired_registrations"] = chart.paired.unpairedCount;
    }
    return out.dump(2) + '\n';
}

} // namespace te
