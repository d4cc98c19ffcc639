#pragma once

// Internal to the Chrome trace reader: cutting the events of a trace into runs,
// each a tree of spans that otlp::TraceBuilder builds like an OpenTelemetry trace.

#include "load/chrome/chromeevents.h"
#include "load/otlp/otlpspans.h"
#include "load/timingloader.h"

#include <string>
#include <vector>

namespace te::loader::chrome {

struct Run
{
    std::string key; ///< the run's trace id for the builder: unique in the trace
    QString label; ///< how messages about the run name it: "process 3", "event 12"
    std::vector<std::size_t> members; ///< indices into the spans; one of them is the root
};

/// Turns the slices into spans, each with its parent: an event is the child of the
/// innermost event of its thread (pid and tid) that contains it in time, so B/E
/// pairs and X events nest the same way. Per process (ChromeRuns::Process) the
/// root is the one top-level event that covers every other event of the process,
/// or else a span from its first start to its last end named after the process,
/// with the top-level events of every thread below it. Per top-level event, each
/// is a root with its own thread's events below it.
///
/// A run's registration_id and model come from its root's args when they have
/// them; otherwise from the process name, read as "REGISTRATION · MODEL" (as the
/// Chrome trace writer names processes) or as the registration alone; otherwise the
/// pid. Per top-level event, the runs of a process with several are numbered after
/// it: "session-9#1", "session-9#2". They go into the run's resource.
std::vector<Run> cutIntoRuns(const TraceEvents& events, ChromeRuns mode, otlp::Spans& spans);

} // namespace te::loader::chrome
