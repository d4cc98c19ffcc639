#include "ui/charts/charttips.h"

#include "data/timingdataset.h"
#include "stats/chartdata.h"
#include "util/durationformat.h"
#include "util/timestampformat.h"
#include "util/timeunit.h"

#include <QCoreApplication>
#include <QStringList>
#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace te::charttips {

namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("ChartTips", text, nullptr, n);
}

// One unit for every duration of one tip, with a decimal more than a table
// column would show: a tip is where a user reads a figure exactly.
ColumnFormat formatFor(std::initializer_list<double> seconds)
{
    ColumnFormatter formatter;
    for (const double s : seconds)
        formatter.add(s);
    ColumnFormat format = formatter.format();
    format.decimals = std::min(format.decimals + 1, 3);
    return format;
}

// One value as the chart's table would show it: "150.2 s".
QString formatOne(double seconds)
{
    return columnFormatFor(seconds, seconds).format(seconds);
}

const ChartGroup* groupAt(const ChartData& chart, int group)
{
    if (group < 0 || group >= static_cast<int>(chart.groups.size()))
        return nullptr;
    return &chart.groups[static_cast<std::size_t>(group)];
}

QString groupLine(const ChartGroup& g)
{
    return QStringLiteral("%1 (n=%2)").arg(g.label).arg(g.runs.size());
}

} // namespace

QString boxTip(const ChartData& chart, int group)
{
    const ChartGroup* g = groupAt(chart, group);
    if (!g)
        return {};
    const BoxStats& b = g->box;
    const ColumnFormat f = formatFor({ b.min, b.max });
    QStringList lines { groupLine(*g) };
    lines << tr("max %1").arg(f.format(b.max)) << tr("upper whisker %1").arg(f.format(b.upperWhisker))
          << tr("Q3 %1").arg(f.format(b.q3)) << tr("median %1").arg(f.format(b.median))
          << tr("Q1 %1").arg(f.format(b.q1)) << tr("lower whisker %1").arg(f.format(b.lowerWhisker))
          << tr("min %1").arg(f.format(b.min));
    if (!b.outliers.empty())
        lines << tr("%n outlier(s) beyond the whiskers", static_cast<int>(b.outliers.size()));
    return lines.join(u'\n');
}

QString statisticTip(const ChartData& chart, int group)
{
    const ChartGroup* g = groupAt(chart, group);
    if (!g)
        return {};
    const ConfidenceInterval& ci = g->statistic;
    const ColumnFormat f = formatFor({ ci.estimate, ci.low, ci.high });
    QStringList lines { groupLine(*g),
        QStringLiteral("%1 %2").arg(statisticName(chart.request.statistic), f.format(ci.estimate)) };
    if (std::isnan(ci.low) || std::isnan(ci.high))
        lines << tr("95 % CI: not computed");
    else
        lines << tr("95 % CI %1 – %2 (bootstrap, %L3 resamples)")
                     .arg(f.format(ci.low), f.format(ci.high))
                     .arg(ci.resamples);
    return lines.join(u'\n');
}

QString partTip(const ChartData& chart, int group, int part)
{
    const ChartGroup* g = groupAt(chart, group);
    if (!g || part < 0 || part >= static_cast<int>(g->partMeans.size()))
        return {};
    const auto p = static_cast<std::size_t>(part);
    const std::vector<double> shares = partShares(*g);
    return QStringList { groupLine(*g),
        tr("%1: mean %2, %3 of the parts")
            .arg(chart.parts.value(part), formatOne(g->partMeans[p]), formatPercent(shares[p] / 100.0)) }
        .join(u'\n');
}

QString binTip(const ChartData& chart, int bin)
{
    const auto& edges = chart.histogram.edges;
    if (bin < 0 || bin + 1 >= static_cast<int>(edges.size()))
        return {};
    const auto b = static_cast<std::size_t>(bin);
    const ColumnFormat f = formatFor({ edges[b], edges[b + 1] });
    const bool last = b + 2 == edges.size();
    // numpy's bins: half-open, the last one closed.
    QStringList lines { tr("%1 to %2 %3")
                            .arg(f.format(edges[b]), f.format(edges[b + 1]),
                                last ? tr("(both included)") : tr("(upper end excluded)")) };
    for (std::size_t g = 0; g < chart.groups.size() && g < chart.histogram.counts.size(); ++g)
        lines << tr("%1: %L2 runs").arg(chart.groups[g].label).arg(chart.histogram.counts[g][b]);
    return lines.join(u'\n');
}

QString runTip(const TimingDataset& data, const ChartData& chart, int group, std::uint32_t run)
{
    const ChartGroup* g = groupAt(chart, group);
    if (!g || run >= data.runCount() || chart.metric < 0)
        return {};
    QString registration = data.fieldValue(run, TimingDataset::RegistrationId);
    if (registration.isEmpty())
        registration = tr("(no registration id)");
    QStringList lines { registration, g->label,
        QStringLiteral("%1 %2").arg(chart.request.metric, formatOne(data.value(run, chart.metric))) };
    if (data.timestampMs(run) != TimingDataset::kNoTimestamp)
        lines << formatTimestampIso(data.timestampMs(run));
    lines << tr("Click to show this run");
    return lines.join(u'\n');
}

QString ecdfTip(const ChartData& chart, int group, double seconds)
{
    const ChartGroup* g = groupAt(chart, group);
    if (!g || g->ecdf.empty())
        return {};
    // The last step at or below `seconds`: the share of runs that took no longer.
    const auto after = std::upper_bound(g->ecdf.begin(), g->ecdf.end(), seconds,
        [](double s, const EcdfStep& step) { return s < step.value; });
    const double share = after == g->ecdf.begin() ? 0.0 : std::prev(after)->fraction;
    return QStringList { groupLine(*g),
        tr("%1 of runs took %2 or less").arg(formatPercent(share), formatOne(seconds)) }
        .join(u'\n');
}

QString pairTip(const ChartData& chart, int pair)
{
    const auto& registrations = chart.paired.registrations;
    if (pair < 0 || pair >= static_cast<int>(registrations.size()))
        return {};
    const PairedRegistration& r = registrations[static_cast<std::size_t>(pair)];
    ColumnFormatter formatter;
    for (const double v : r.values) {
        if (!std::isnan(v))
            formatter.add(v);
    }
    const ColumnFormat f = formatter.format();
    QStringList lines { r.registrationId };
    for (std::size_t g = 0; g < r.values.size(); ++g) {
        if (!std::isnan(r.values[g]))
            lines << QStringLiteral("%1: %2").arg(
                chart.paired.groups.value(static_cast<qsizetype>(g)), f.format(r.values[g]));
    }
    lines << tr("slowest ÷ fastest: %1×").arg(r.ratio, 0, 'f', 2) << tr("Click to compare across models");
    return lines.join(u'\n');
}

} // namespace te::charttips
