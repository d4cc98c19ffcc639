#pragma once

#include "loadpart.h"

namespace te::loader {

/// Reads a JSON Lines file into a Part: split at newlines into as many ranges as
/// there are threads (when large), each range parsed on its own thread, the parts
/// merged in file order. Bad lines become problems; the rest load.
Part readJsonlFile(const QString& path, qint64 size, SharedState& shared);

/// Reads the lines in [begin, end) of a JSON Lines file into `part`; `begin` must be
/// a line start. Line numbers and run indices count from the range's start.
/// `part.completeEnd` ends up after the range's last newline.
void readJsonlRange(const QString& path, const QString& displayName, qint64 begin, qint64 end,
    SharedState& shared, bool isCallingThread, Part& part);

/// False when this build parses JSON Lines with instructions the CPU lacks.
bool cpuCanParseJsonl();

} // namespace te::loader
