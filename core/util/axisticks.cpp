#include "util/axisticks.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>
#include <array>
#include <cmath>

namespace te {

namespace {

// Decimals a label needs to show multiples of `step` exactly (2.5 → 1, 0.25 → 2).
int decimalsForStep(double step)
{
    for (int decimals = 0; decimals < 6; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return decimals;
    }
    return 6;
}

// How far each unit's own ticks go before the next unit takes over (in that unit).
double unitCeiling(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Milliseconds:
        return 1000.0;
    case TimeUnit::Seconds:
    case TimeUnit::Minutes:
        return 60.0;
    case TimeUnit::Hours:
        return 1e9;
    }
    return 1e9;
}

// Log ticks in [lo, hi]: mantissa × 10^k in each unit, below that unit's ceiling.
std::vector<AxisTick> logTicks(double lo, double hi, const std::vector<double>& mantissas)
{
    std::vector<AxisTick> ticks;
    for (const TimeUnit unit :
        { TimeUnit::Milliseconds, TimeUnit::Seconds, TimeUnit::Minutes, TimeUnit::Hours }) {
        const double perUnit = secondsPerUnit(unit);
        const int firstDecade = unit == TimeUnit::Milliseconds ? -6 : 0;
        for (int decade = firstDecade; decade <= 9; ++decade) {
            for (const double mantissa : mantissas) {
                const double inUnit = mantissa * std::pow(10.0, decade);
                if (inUnit >= unitCeiling(unit))
                    break;
                const double seconds = inUnit * perUnit;
                if (seconds < lo * (1 - 1e-9) || seconds > hi * (1 + 1e-9))
                    continue;
                ticks.push_back({ seconds, formatInUnit(seconds, unit, decimalsForStep(inUnit)) });
            }
        }
    }
    std::sort(
        ticks.begin(), ticks.end(), [](const AxisTick& a, const AxisTick& b) { return a.value < b.value; });
    return ticks;
}

} // namespace

double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double mantissa : { 1.0, 2.0, 2.5, 5.0 }) {
        if (mantissa * magnitude >= raw * (1 - 1e-9))
            return mantissa * magnitude;
    }
    return 10.0 * magnitude;
}

ValueAxis linearTimeAxis(double lo, double hi, int targetTicks)
{
    ValueAxis axis;
    if (std::isnan(lo) || std::isnan(hi) || std::isinf(lo) || std::isinf(hi)) {
        lo = 0;
        hi = 1;
    }
    if (lo > hi)
        std::swap(lo, hi);
    if (hi - lo <= std::fabs(hi) * 1e-12) {
        const double pad = std::max(std::fabs(hi) * 0.1, 0.001);
        lo -= pad;
        hi += pad;
    }
    axis.unit = unitForMagnitude(std::max(std::fabs(lo), std::fabs(hi)));
    const double perUnit = secondsPerUnit(axis.unit);
    const double step = niceStep((hi - lo) / perUnit / std::max(targetTicks - 1, 1));
    const double first = std::floor(lo / perUnit / step + 1e-9);
    const double last = std::ceil(hi / perUnit / step - 1e-9);
    axis.min = first * step * perUnit;
    axis.max = last * step * perUnit;
    const int decimals = decimalsForStep(step);
    for (double k = first; k <= last + 1e-9; k += 1.0) {
        const double seconds = k * step * perUnit;
        axis.ticks.push_back({ seconds, formatInUnit(seconds, axis.unit, decimals) });
    }
    return axis;
}

ValueAxis percentAxis()
{
    ValueAxis axis;
    axis.percent = true;
    axis.min = 0;
    axis.max = 100;
    for (int share = 0; share <= 100; share += 20)
        axis.ticks.push_back({ static_cast<double>(share), QStringLiteral("%1 %").arg(share) });
    return axis;
}

ValueAxis logTimeAxis(double lo, double hi)
{
    ValueAxis axis;
    axis.logScale = true;
    if (!(hi > 0) || std::isinf(hi))
        hi = 1;
    if (!(lo > 0) || lo > hi)
        lo = std::min(hi / 1000.0, lo > 0 ? lo : hi / 1000.0);
    if (hi / lo < 1.0 + 1e-9) {
        lo /= std::sqrt(10.0);
        hi *= std::sqrt(10.0);
    }
    const double pad = std::pow(hi / lo, 0.05);
    axis.min = lo / pad;
    axis.max = hi * pad;
    axis.unit = unitForMagnitude(hi);
    static const std::array<std::vector<double>, 3> kMantissas { std::vector<double> { 1, 2, 5 },
        std::vector<double> { 1, 1.5, 2, 3, 5, 7 }, std::vector<double> { 1, 2, 3, 4, 5, 6, 7, 8, 9 } };
    for (const auto& mantissas : kMantissas) {
        axis.ticks = logTicks(axis.min, axis.max, mantissas);
        if (axis.ticks.size() >= 4)
            return axis;
    }
    // Narrower than a factor of about 2: nice linear ticks within the range, as
    // dense as it takes to have 4.
    for (int target = 5; target <= 12; ++target) {
        const ValueAxis linear = linearTimeAxis(axis.min, axis.max, target);
        axis.ticks.clear();
        for (const AxisTick& tick : linear.ticks) {
            if (tick.value >= axis.min && tick.value <= axis.max && tick.value > 0)
                axis.ticks.push_back(tick);
        }
        if (axis.ticks.size() >= 4)
            break;
    }
    return axis;
}

std::vector<AxisTick> timeAxisTicks(qint64 loMs, qint64 hiMs, int maxTicks)
{
    constexpr qint64 kSecond = 1000;
    constexpr qint64 kMinute = 60 * kSecond;
    constexpr qint64 kHour = 60 * kMinute;
    constexpr qint64 kDay = 24 * kHour;
    static constexpr std::array<qint64, 20> kSteps { kSecond, 2 * kSecond, 5 * kSecond, 10 * kSecond,
        15 * kSecond, 30 * kSecond, kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute,
        30 * kMinute, kHour, 2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay, 2 * kDay, 7 * kDay };
    if (hiMs < loMs)
        std::swap(loMs, hiMs);
    qint64 step = kSteps.back();
    for (const qint64 candidate : kSteps) {
        if ((hiMs - loMs) / candidate + 1 <= std::max(maxTicks, 2)) {
            step = candidate;
            break;
        }
    }
    while ((hiMs - loMs) / step + 1 > std::max(maxTicks, 2))
        step *= 2; // beyond weeks: doubling weeks
    std::vector<AxisTick> ticks;
    const QTimeZone utc = QTimeZone::utc();
    // Steps of a day or more start at the first midnight, the others at a multiple
    // of the step (which is a whole divisor of a day).
    const qint64 align = std::min(step, kDay);
    qint64 first = loMs - (loMs % align + align) % align;
    if (first < loMs)
        first += align;
    int lastDay = -1;
    for (qint64 ms = first; ms <= hiMs; ms += step) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, utc);
        const int day = static_cast<int>(time.date().toJulianDay() % 100000);
        QString label;
        if (step >= kDay) {
            label = time.toString(QStringLiteral("yyyy-MM-dd"));
        } else {
            label = time.toString(step < kMinute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
            if (day != lastDay)
                label = time.toString(QStringLiteral("MMM d ")) + label;
        }
        lastDay = day;
        ticks.push_back({ static_cast<double>(ms), label });
    }
    return ticks;
}

} // namespace te
