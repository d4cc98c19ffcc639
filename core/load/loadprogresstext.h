#pragma once

#include "load/timingloader.h"

#include <QString>

namespace te {

/// The one line a terminal shows while a load runs, as DuckDB's shell does:
/// "reading 412 MB of 589 MB (69 %), 350 k runs/s, about 2 s left".
/// `elapsedSeconds` is the time since the load started. The rate and the time left
/// are left out until something has been read to estimate them from, and the time
/// left when the total size is unknown (0).
QString loadProgressText(const LoadProgress& progress, double elapsedSeconds);

} // namespace te
