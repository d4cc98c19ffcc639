#pragma once

// Internal to the Chrome trace reader: the duration events of a trace as read,
// before they are cut into runs.

#include "load/otlp/otlpspans.h"

#include <QString>
#include <QtGlobal>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace te::loader {

class PartBuilder;

namespace chrome {

/// One timed event: an "X" (complete) event, or a "B" event with the "E" that
/// ended it. Times are nanoseconds on the trace's own clock (its microseconds,
/// rounded to whole nanoseconds once).
struct Slice
{
    std::string name;
    qint64 begin = 0;
    qint64 end = 0;
    std::string pid; ///< as written: a number's JSON text, a string's contents
    std::string tid;
    std::vector<otlp::Attribute> args; ///< "args" flattened (see chromeeventreader.cpp)
    qint64 index = 0; ///< the event's place in the trace, from 1 ("B" for a pair)
    qint64 line = 0; ///< where the event's object starts, from 1
};

struct TraceEvents
{
    std::vector<Slice> slices; ///< in the order their first event comes in the trace
    std::unordered_map<std::string, std::string> processNames; ///< pid -> "process_name"
};

/// Whether the head of an input is a Chrome trace: an object with a "traceEvents"
/// array, or an array whose first element is an object with "ph" and "ts" or "name".
bool looksLikeChromeTrace(std::string_view head);

/// Reads the events of the trace in `body` (after any byte order mark). An event
/// that cannot be used (no JSON object, no "ph", no usable "ts" or "dur", an "E"
/// with no "B" open on its thread, a "B" never ended) is a problem naming its
/// index and line and costs only itself. Phases other than X, B, E and M are
/// skipped silently; of "M" events only "process_name" is kept.
void readTraceEvents(std::string_view body, TraceEvents& events, PartBuilder& problems);

/// How messages name an event: `event 7 ("tool_call", ph "X")`; without its phase
/// when `ph` is empty, without both when `name` is too.
QString describeEvent(qint64 index, std::string_view name, std::string_view ph);

} // namespace chrome
} // namespace te::loader
