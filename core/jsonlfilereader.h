#pragma once

#include "loadpart.h"

namespace te::loader {

/// Reads a JSON Lines file into a Part: split at newlines into as many ranges as
/// there are threads (when large), each range parsed on its own thread, the parts
/// merged in file order. Bad lines become problems; the rest load.
Part readJsonlFile(const QString& path, qint64 size, SharedState& shared);

/// False when this build parses JSON Lines with instructions the CPU lacks.
bool cpuCanParseJsonl();

} // namespace te::loader
