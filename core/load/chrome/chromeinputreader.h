#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of Chrome Trace Event JSON, as Perfetto, speedscope and
/// chrome://tracing open it: an object with a "traceEvents" array, or the bare
/// array. Its "X" events and "B"/"E" pairs are cut into runs (see
/// chrome::cutIntoRuns) and each run is built like an OpenTelemetry trace (see
/// otlp::TraceBuilder). The file is read into memory whole.
const InputReader& chromeInputReader();

} // namespace te::loader
