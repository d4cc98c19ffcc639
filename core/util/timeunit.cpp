#include "util/timeunit.h"

#include <algorithm>
#include <cmath>

namespace te {

double secondsPerUnit(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Milliseconds:
        return 0.001;
    case TimeUnit::Seconds:
        return 1.0;
    case TimeUnit::Minutes:
        return 60.0;
    case TimeUnit::Hours:
        return 3600.0;
    }
    return 1.0;
}

QString unitSymbol(TimeUnit unit)
{
    switch (unit) {
    case TimeUnit::Milliseconds:
        return QStringLiteral("ms");
    case TimeUnit::Seconds:
        return QStringLiteral("s");
    case TimeUnit::Minutes:
        return QStringLiteral("min");
    case TimeUnit::Hours:
        return QStringLiteral("h");
    }
    return QStringLiteral("s");
}

TimeUnit unitForMagnitude(double largestSeconds)
{
    const double magnitude = std::fabs(largestSeconds);
    if (std::isnan(magnitude) || magnitude == 0.0)
        return TimeUnit::Seconds;
    if (magnitude < 1.0)
        return TimeUnit::Milliseconds;
    if (magnitude < 600.0)
        return TimeUnit::Seconds;
    if (magnitude < 36000.0)
        return TimeUnit::Minutes;
    return TimeUnit::Hours;
}

QString formatInUnit(double seconds, TimeUnit unit, int decimals)
{
    if (std::isnan(seconds))
        return {};
    const double value = seconds / secondsPerUnit(unit);
    const QString sign = value < 0 ? QStringLiteral("−") : QString();
    return sign + QString::number(std::fabs(value), 'f', std::clamp(decimals, 0, 6)) + QLatin1Char(' ')
        + unitSymbol(unit);
}

int decimalsForMagnitude(double largestSeconds, TimeUnit unit)
{
    const double value = std::fabs(largestSeconds) / secondsPerUnit(unit);
    if (std::isnan(value) || value >= 100.0)
        return 0;
    if (value >= 10.0)
        return 1;
    if (value >= 1.0)
        return 2;
    return 3;
}

ColumnFormat columnFormatFor(double largest, double smallestNonZero)
{
    ColumnFormat format;
    format.unit = unitForMagnitude(largest);
    format.decimals
        = std::max(format.unit == TimeUnit::Milliseconds ? 0 : 1, decimalsForMagnitude(largest, format.unit));
    if (std::isfinite(smallestNonZero) && smallestNonZero > 0) {
        const double inUnit = smallestNonZero / secondsPerUnit(format.unit);
        format.decimals
            = std::clamp(static_cast<int>(std::ceil(-std::log10(inUnit))) + 1, format.decimals, 3);
    }
    return format;
}

void ColumnFormatter::add(double seconds)
{
    const double magnitude = std::fabs(seconds);
    if (!std::isfinite(magnitude))
        return;
    m_largest = std::max(m_largest, magnitude);
    if (magnitude > 0)
        m_smallest = std::min(m_smallest, magnitude);
}

} // namespace te
