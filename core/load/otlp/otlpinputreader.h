#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of OpenTelemetry traces in OTLP/JSON: the Collector's file exporter
/// (one ExportTraceServiceRequest per line) or one request document, pretty-printed
/// or not. Spans are grouped by trace id over the whole input, and each trace is a
/// run (see otlp::TraceBuilder). The file is read into memory whole.
const InputReader& otlpInputReader();

} // namespace te::loader
