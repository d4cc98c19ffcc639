#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace te {

/// One thing that went wrong (or is worth knowing) while reading an input file.
/// `line` is 1-based; 0 means the problem concerns the whole file. `column` is the
/// 1-based CSV column, or 0 when it does not apply.
struct Problem
{
    enum class Severity : std::uint8_t
    {
        Info, ///< nothing lost, e.g. an incomplete last line still being written
        Warning, ///< the line was kept, but something about it is suspicious
        Error, ///< the line (or the whole file) was rejected
    };

    Severity severity = Severity::Error;
    QString file;
    qint64 line = 0;
    int column = 0;
    QString message;
    qint64 run = -1; ///< index of the kept run a warning refers to, -1 when none

    /// "FILE:LINE: message", or "FILE: message" for file-wide problems.
    QString toString() const;
};

QString severityName(Problem::Severity severity);

using ProblemList = std::vector<Problem>;

} // namespace te
