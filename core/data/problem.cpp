#include "data/problem.h"

namespace te {

QString Problem::toString() const
{
    if (line <= 0)
        return file + QStringLiteral(": ") + message;
    return file + u':' + QString::number(line) + QStringLiteral(": ") + message;
}

QString severityName(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Info:
        return QStringLiteral("info");
    case Problem::Severity::Warning:
        return QStringLiteral("warning");
    case Problem::Severity::Error:
        return QStringLiteral("error");
    }
    return {};
}

} // namespace te
