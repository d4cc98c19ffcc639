#pragma once

#include "load/src/loadpart.h"

namespace te::loader {

/// Reads a JSON Lines input into a Part: split at newlines into as many ranges as
/// there are threads (when large), each range parsed on its own thread, the parts
/// merged in file order. Bad lines become problems; the rest load.
void readJsonlFile(const Input& input, qint64 size, SharedState& shared, Part& part);

/// Reads the lines in [begin, end) of a JSON Lines file into `part`; `begin` must be
/// a line start. Line numbers and run indices count from the range's start.
/// `part.completeEnd` ends up after the range's last newline.
void readJsonlRange(
    const Input& input, qint64 begin, qint64 end, SharedState& shared, bool isCallingThread, Part& part);

/// False when this build parses JSON Lines with instructions the CPU lacks.
bool cpuCanParseJsonl();

} // namespace te::loader
