#include "util/durationformat.h"

#include <cmath>

namespace te {

QString formatDuration(double seconds)
{
    if (std::isnan(seconds))
        return {};
    const double magnitude = std::fabs(seconds);
    const QString sign = seconds < 0 ? QStringLiteral("−") : QString();
    if (magnitude < 1.0)
        return sign + QString::number(magnitude * 1000.0, 'f', magnitude < 0.01 ? 1 : 0)
            + QStringLiteral(" ms");
    if (magnitude < 60.0)
        return sign + QString::number(magnitude, 'f', magnitude < 10.0 ? 2 : 1) + QStringLiteral(" s");
    const auto totalSeconds = static_cast<qint64>(std::llround(magnitude));
    if (totalSeconds < 3600) {
        return sign + QString::number(totalSeconds / 60) + QStringLiteral(" min ")
            + QStringLiteral("%1 s").arg(totalSeconds % 60, 2, 10, QLatin1Char('0'));
    }
    const qint64 totalMinutes = (totalSeconds + 30) / 60;
    return sign + QString::number(totalMinutes / 60) + QStringLiteral(" h ")
        + QStringLiteral("%1 min").arg(totalMinutes % 60, 2, 10, QLatin1Char('0'));
}

QString formatPercent(double fraction)
{
    if (std::isnan(fraction))
        return {};
    return QString::number(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace te
