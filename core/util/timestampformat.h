#pragma once

#include <QString>
#include <QtGlobal>

namespace te {

/// "2025-01-14T10:30:00.123Z": always UTC with milliseconds.
QString formatTimestampIso(qint64 msSinceEpoch);

} // namespace te
