#include "load/loadprogresstext.h"

#include "util/durationformat.h"

#include <algorithm>
#include <cmath>

namespace te {

namespace {

// Sizes as `ls -h --si` and DuckDB write them: decimal units, three figures at most.
QString sizeText(qint64 bytes)
{
    const auto value = static_cast<double>(bytes);
    if (value >= 1e9)
        return QString::number(value / 1e9, 'f', 2) + QStringLiteral(" GB");
    if (value >= 1e6)
        return QString::number(value / 1e6, 'f', 0) + QStringLiteral(" MB");
    return QString::number(value / 1e3, 'f', 0) + QStringLiteral(" kB");
}

QString rateText(double runsPerSecond)
{
    if (runsPerSecond >= 1e6)
        return QString::number(runsPerSecond / 1e6, 'f', 2) + QStringLiteral(" M runs/s");
    if (runsPerSecond >= 1e3)
        return QString::number(runsPerSecond / 1e3, 'f', 0) + QStringLiteral(" k runs/s");
    return QString::number(runsPerSecond, 'f', 0) + QStringLiteral(" runs/s");
}

// Whole seconds: an estimate is no more precise than that.
QString timeLeftText(double seconds)
{
    if (seconds < 1.0)
        return QStringLiteral("under a second left");
    if (seconds < 60.0)
        return QStringLiteral("about %1 s left").arg(static_cast<int>(std::ceil(seconds)));
    return QStringLiteral("about %1 left").arg(formatDuration(seconds));
}

} // namespace

QString loadProgressText(const LoadProgress& progress, double elapsedSeconds)
{
    const qint64 total = std::max<qint64>(progress.bytesTotal, 0);
    const qint64 read = total > 0 ? std::clamp<qint64>(progress.bytesRead, 0, total) : progress.bytesRead;
    QString text = QStringLiteral("reading ") + sizeText(read);
    if (total > 0) {
        const auto percent = static_cast<int>(100.0 * static_cast<double>(read) / static_cast<double>(total));
        text += QStringLiteral(" of %1 (%2 %)").arg(sizeText(total)).arg(percent);
    }
    if (elapsedSeconds <= 0 || read <= 0)
        return text;
    text += QStringLiteral(", ") + rateText(static_cast<double>(progress.runsLoaded) / elapsedSeconds);
    if (total > 0 && read < total) {
        const double bytesPerSecond = static_cast<double>(read) / elapsedSeconds;
        text += QStringLiteral(", ") + timeLeftText(static_cast<double>(total - read) / bytesPerSecond);
    }
    return text;
}

} // namespace te
