#include "stats/trendaxis.h"

#include "data/timingdataset.h"
#include "stats/fieldorder.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <limits>

namespace te {

namespace {

constexpr double kGapMedianFactor = 20.0;
constexpr double kGapSpanShare = 1.0 / 50.0;
constexpr std::size_t kMaxGaps = 40;
constexpr double kGapWidthShare = 0.05;
constexpr double kAllGapsWidthShare = 0.25;
constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 1440 * kMinute;
constexpr double kPadShare = 0.02;
constexpr qsizetype kMaxLabelLength = 20;

// The spacings between consecutive distinct times that are long gaps, as indices
// into `distinct` (gap i lies between distinct[i] and distinct[i + 1]), ascending.
std::vector<std::size_t> longGaps(const std::vector<qint64>& distinct)
{
    if (distinct.size() < 3)
        return {}; // one spacing is its own median
    std::vector<qint64> spacings;
    spacings.reserve(distinct.size() - 1);
    for (std::size_t i = 0; i + 1 < distinct.size(); ++i)
        spacings.push_back(distinct[i + 1] - distinct[i]);
    std::vector<qint64> sorted = spacings;
    const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>((sorted.size() - 1) / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    const auto span = static_cast<double>(distinct.back() - distinct.front());
    const double threshold = std::max(kGapMedianFactor * static_cast<double>(*middle), span * kGapSpanShare);
    std::vector<std::size_t> gaps;
    for (std::size_t i = 0; i < spacings.size(); ++i) {
        if (static_cast<double>(spacings[i]) > threshold)
            gaps.push_back(i);
    }
    if (gaps.size() > kMaxGaps) {
        std::stable_sort(gaps.begin(), gaps.end(),
            [&](std::size_t a, std::size_t b) { return spacings[a] > spacings[b]; });
        gaps.resize(kMaxGaps);
        std::sort(gaps.begin(), gaps.end());
    }
    return gaps;
}

// The label of a time no round tick falls near: a lone segment's.
QString timeLabel(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("MMM d HH:mm"));
}

// Labels of timeAxisTicks without a date: "10:30", "10:30:15".
bool isTimeOfDay(const QString& label)
{
    return !label.contains(QLatin1Char(' ')) && !label.contains(QLatin1Char('-'));
}

QString dateOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("MMM d"));
}

QString shortened(const QString& label)
{
    return label.size() <= kMaxLabelLength ? label : label.left(kMaxLabelLength - 1) + QChar(0x2026);
}

std::vector<AxisTick> timeTicks(const TrendAxis& axis, double lo, double hi, int maxTicks)
{
    std::vector<AxisTick> ticks;
    const double width = hi - lo;
    for (std::size_t s = 0; s < axis.segments.size(); ++s) {
        const TrendAxis::Segment& seg = axis.segments[s];
        // The outer segments reach on into the axis's padding.
        const double from = s == 0 ? lo : std::max(lo, seg.x);
        const double segEnd = seg.x + static_cast<double>(seg.toMs - seg.fromMs);
        const double to = s + 1 == axis.segments.size() ? hi : std::min(hi, segEnd);
        if (to < from)
            continue;
        const int share = static_cast<int>(std::lround(maxTicks * (to - from) / width));
        const qint64 fromMs = seg.fromMs + std::llround(from - seg.x);
        const qint64 toMs = seg.fromMs + std::llround(to - seg.x);
        const std::size_t before = ticks.size();
        for (const AxisTick& tick : timeAxisTicks(fromMs, toMs, std::max(share, 2)))
            ticks.push_back({ seg.x + (tick.value - static_cast<double>(seg.fromMs)), tick.label });
        if (ticks.size() == before && seg.x >= lo && seg.x <= hi)
            ticks.push_back({ seg.x, timeLabel(seg.fromMs) });
    }
    // Keep labels apart where a compressed gap brings two segments' ticks together;
    // a kept time of day on another day than the last kept tick's gets its date.
    std::vector<AxisTick> kept;
    const double minDistance = width / (1.5 * maxTicks);
    qint64 lastDay = std::numeric_limits<qint64>::min();
    for (AxisTick& tick : ticks) {
        if (!kept.empty() && tick.value - kept.back().value < minDistance)
            continue;
        const qint64 ms = axis.msAt(tick.value).value_or(0);
        const qint64 day = ms / kDay - (ms % kDay < 0 ? 1 : 0);
        if (day != lastDay && isTimeOfDay(tick.label))
            tick.label = dateOf(ms) + QLatin1Char(' ') + tick.label;
        lastDay = day;
        kept.push_back(std::move(tick));
    }
    return kept;
}

std::vector<AxisTick> orderTicks(double lo, double hi, int maxTicks)
{
    double step = std::max(1.0, niceStep((hi - lo) / std::max(maxTicks - 1, 1)));
    if (step != std::floor(step))
        step = niceStep(step * 1.01); // 2.5 runs is no run: 5
    std::vector<AxisTick> ticks;
    for (double k = std::ceil(lo / step); k * step <= hi; k += 1.0) {
        const auto index = static_cast<qint64>(std::llround(k * step));
        if (index >= 1)
            ticks.push_back({ static_cast<double>(index), QStringLiteral("%L1").arg(index) });
    }
    return ticks;
}

std::vector<AxisTick> fieldTicks(const TrendAxis& axis, double lo, double hi, int maxTicks)
{
    const auto first = static_cast<qsizetype>(std::max(0.0, std::ceil(lo)));
    const auto last = std::min(static_cast<qsizetype>(std::floor(hi)), axis.categories.size() - 1);
    if (last < first)
        return {};
    const qsizetype maxLabels = std::max<qsizetype>(1, std::lround(1.5 * maxTicks));
    const qsizetype step = (last - first + maxLabels) / maxLabels;
    std::vector<AxisTick> ticks;
    // Every step-th from the first category of all, so panning keeps the same ones.
    for (qsizetype i = (first + step - 1) / step * step; i <= last; i += step)
        ticks.push_back({ static_cast<double>(i), shortened(axis.categories[i]) });
    return ticks;
}

TrendAxis orderTrendAxis(const std::vector<std::uint32_t>& runs)
{
    TrendAxis axis;
    axis.mode = TrendAxis::Mode::Order;
    const auto [low, high] = std::minmax_element(runs.begin(), runs.end());
    axis.min = (low == runs.end() ? 1.0 : *low + 1.0) - 0.5;
    axis.max = (high == runs.end() ? 1.0 : *high + 1.0) + 0.5;
    return axis;
}

std::optional<TrendAxis> fieldTrendAxis(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const QString& name)
{
    const int id = data.fieldId(name);
    if (id < 0)
        return std::nullopt;
    TrendAxis axis;
    axis.mode = TrendAxis::Mode::Field;
    axis.field = name;
    axis.fieldId = id;
    // The order `changes` uses, so a step marked on the chart is where it reports it.
    std::vector<std::uint32_t> inFileOrder = runs;
    if (!std::is_sorted(inFileOrder.begin(), inFileOrder.end()))
        std::sort(inFileOrder.begin(), inFileOrder.end());
    const OrderedFieldValues ordered = orderFieldValues(data, inFileOrder, id);
    const FieldColumn& column = data.field(id);
    axis.categoryOfCode.assign(column.dictionary().size(), -1);
    axis.categories = ordered.values;
    axis.fieldByTime = ordered.byTime;
    axis.missing = static_cast<std::size_t>(ordered.runsWithoutValue);
    for (std::size_t v = 0; v < ordered.runs.size(); ++v)
        axis.categoryOfCode[column.code(ordered.runs[v].front())] = static_cast<int>(v);
    axis.min = -0.5;
    axis.max = std::max<double>(static_cast<double>(axis.categories.size()) - 0.5, 0.5);
    return axis;
}

} // namespace

std::optional<double> TrendAxis::xOf(const TimingDataset& data, std::uint32_t run) const
{
    switch (mode) {
    case Mode::Order:
        return static_cast<double>(run) + 1.0;
    case Mode::Field: {
        const std::uint32_t code = data.field(fieldId).code(run);
        const int category = code < categoryOfCode.size() ? categoryOfCode[code] : -1;
        return category < 0 ? std::nullopt : std::optional<double>(category);
    }
    case Mode::Time: {
        const qint64 ms = data.timestampMs(run);
        if (ms == TimingDataset::kNoTimestamp || segments.empty())
            return std::nullopt;
        return xOfTime(ms);
    }
    }
    return std::nullopt;
}

double TrendAxis::xOfTime(qint64 ms) const
{
    auto after = std::upper_bound(
        segments.begin(), segments.end(), ms, [](qint64 t, const Segment& s) { return t < s.fromMs; });
    const Segment& seg = after == segments.begin() ? segments.front() : *std::prev(after);
    return seg.x + static_cast<double>(ms - seg.fromMs);
}

std::optional<qint64> TrendAxis::msAt(double x) const
{
    if (mode != Mode::Time || segments.empty())
        return std::nullopt;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const Segment& seg = segments[s];
        const double end = seg.x + static_cast<double>(seg.toMs - seg.fromMs);
        const bool last = s + 1 == segments.size();
        if ((x >= seg.x || s == 0) && (x <= end || last))
            return seg.fromMs + std::llround(x - seg.x);
    }
    return std::nullopt;
}

TrendAxis timeTrendAxis(std::vector<qint64> times)
{
    TrendAxis axis;
    if (!std::is_sorted(times.begin(), times.end()))
        std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.empty())
        return axis;
    const std::vector<std::size_t> gaps = longGaps(times);
    // The segments between the gaps, laid end to end.
    double shown = 0;
    std::size_t begin = 0;
    for (std::size_t g = 0; g <= gaps.size(); ++g) {
        const std::size_t end = g < gaps.size() ? gaps[g] : times.size() - 1;
        axis.segments.push_back({ times[begin], times[end], 0 });
        shown += static_cast<double>(times[end] - times[begin]);
        begin = end + 1;
    }
    double gapWidth = shown > 0 ? shown
            * std::min(
                kGapWidthShare, kAllGapsWidthShare / std::max<double>(1, static_cast<double>(gaps.size())))
                                : static_cast<double>(kMinute);
    for (const std::size_t g : gaps)
        gapWidth = std::min(gapWidth, static_cast<double>(times[g + 1] - times[g]));
    double x = 0;
    for (std::size_t s = 0; s < axis.segments.size(); ++s) {
        TrendAxis::Segment& seg = axis.segments[s];
        if (s > 0) {
            const TrendAxis::Segment& previous = axis.segments[s - 1];
            axis.gaps.push_back({ previous.toMs, seg.fromMs, x, x + gapWidth });
            x += gapWidth;
        }
        seg.x = x;
        x += static_cast<double>(seg.toMs - seg.fromMs);
    }
    const double pad = std::max(x * kPadShare, (static_cast<double>(kMinute) - x) / 2);
    axis.min = -pad;
    axis.max = x + pad;
    axis.ticks = trendTicks(axis, axis.min, axis.max);
    return axis;
}

std::optional<TrendAxis> trendAxis(
    const TimingDataset& data, const std::vector<std::uint32_t>& runs, const QString& trendX)
{
    if (trendX == QLatin1String(kTrendXOrder)) {
        TrendAxis axis = orderTrendAxis(runs);
        axis.ticks = trendTicks(axis, axis.min, axis.max);
        return axis;
    }
    if (!trendX.isEmpty() && trendX != QLatin1String(kTrendXTime)) {
        auto axis = fieldTrendAxis(data, runs, trendX);
        if (axis)
            axis->ticks = trendTicks(*axis, axis->min, axis->max);
        return axis;
    }
    std::vector<qint64> times;
    times.reserve(runs.size());
    std::size_t missing = 0;
    for (const std::uint32_t run : runs) {
        const qint64 ms = data.timestampMs(run);
        if (ms == TimingDataset::kNoTimestamp)
            ++missing;
        else
            times.push_back(ms);
    }
    TrendAxis axis = timeTrendAxis(std::move(times));
    axis.missing = missing;
    return axis;
}

std::vector<AxisTick> trendTicks(const TrendAxis& axis, double lo, double hi, int maxTicks)
{
    if (!(hi > lo))
        return {};
    maxTicks = std::max(maxTicks, 2);
    switch (axis.mode) {
    case TrendAxis::Mode::Time:
        return timeTicks(axis, lo, hi, maxTicks);
    case TrendAxis::Mode::Order:
        return orderTicks(lo, hi, maxTicks);
    case TrendAxis::Mode::Field:
        return fieldTicks(axis, lo, hi, maxTicks);
    }
    return {};
}

} // namespace te
