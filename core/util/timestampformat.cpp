#include "util/timestampformat.h"

namespace te {

QString formatTimestampIso(qint64 msSinceEpoch)
{
    // civil_from_days, the inverse of daysFromCivil.
    qint64 days = msSinceEpoch >= 0 ? msSinceEpoch / 86400000 : -((-msSinceEpoch + 86399999) / 86400000);
    qint64 msOfDay = msSinceEpoch - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = static_cast<qint64>(yoe) + era * 400 + (m <= 2);
    const qint64 h = msOfDay / 3600000;
    msOfDay %= 3600000;
    const qint64 min = msOfDay / 60000;
    msOfDay %= 60000;
    return QStringLiteral("%1-%2-%3T%4:%5:%6.%7Z")
        .arg(y, 4, 10, QLatin1Char('0'))
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(d, 2, 10, QLatin1Char('0'))
        .arg(h, 2, 10, QLatin1Char('0'))
        .arg(min, 2, 10, QLatin1Char('0'))
        .arg(msOfDay / 1000, 2, 10, QLatin1Char('0'))
        .arg(msOfDay % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace te
