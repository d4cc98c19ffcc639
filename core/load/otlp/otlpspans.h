#pragma once

// Internal to the OTLP reader: the spans of an input as read, before they are
// grouped into traces and built into runs.

#include <QtGlobal>
#include <optional>
#include <string>
#include <vector>

namespace te::loader::otlp {

/// An attribute with its AnyValue as text: lists joined with ", ", key-value lists
/// flattened into one attribute per member ("key.member").
struct Attribute
{
    std::string key;
    std::string value;
};

/// A start or end time: nanoseconds since the Unix epoch, or why there is none.
struct SpanTime
{
    std::optional<qint64> nanos;
    bool present = false; ///< the field is there, though it may not be a time
};

struct Span
{
    std::string traceId; ///< lowercase hex, as the ids are compared
    std::string spanId;
    std::string parentSpanId; ///< empty for a root span
    std::string name;
    SpanTime start;
    SpanTime end;
    std::vector<Attribute> attributes;
    std::size_t resource = 0; ///< index into Spans::resources
    qint64 line = 0; ///< where the span's object starts, from 1
    /// How messages name the span when set (a Chrome trace event: `event 7 ("x")`);
    /// otherwise by its name and spanId.
    std::string label;

    /// The span's duration when its times are usable; nullopt otherwise.
    std::optional<qint64> durationNanos() const
    {
        if (!start.nanos || !end.nanos || *end.nanos < *start.nanos)
            return std::nullopt;
        return *end.nanos - *start.nanos;
    }
};

/// Every span of an input, in input order, and the resources they came with.
struct Spans
{
    std::vector<std::vector<Attribute>> resources;
    std::vector<Span> spans;
};

} // namespace te::loader::otlp
