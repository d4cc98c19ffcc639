#pragma once

#include "load/otlp/otlpspans.h"
#include "load/timingloader.h"

#include <QString>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace te {

class ColumnMapping;
class RecordDraft;

namespace loader {

class PartBuilder;

namespace otlp {

/// How a span is named in messages: `span "phase1" (spanId 00f067aa0ba902b7)`, or
/// its label when it has one.
QString describeSpan(const Span& span);

/// What the trace formats built into runs differ in.
struct TraceConventions
{
    /// Span times count from the Unix epoch, so the root's start is the run's
    /// `timestamp`. Otherwise (a Chrome trace's clock starts anywhere) a
    /// `timestamp` attribute of the root is read as one.
    bool epochTimes = true;
    /// The run keeps its trace id as the metadata field `trace_id`.
    bool traceIdField = true;
};

/// Builds the run of one trace into a RecordDraft. The root span (no parent) is
/// `total`; every span below it is the node of its name under its parent's node,
/// at any depth. Sibling spans of one name are numbered ("tool_call#1", in start
/// order) or summed (SameNameSpans). A span the mapping names goes to the node path
/// it gives, below its parent's node. Children that overlap in time mark the run
/// `parallel` and leave their parent, as "(unaccounted)", the time none of them
/// covered. Resource and root-span attributes are metadata; `model` is the root's
/// `gen_ai.request.model`, else the value most spans below it give; a trace without
/// a `registration_id` attribute takes its trace id.
///
/// Spans that cannot be placed (a second root, an unknown parent, a duplicate or
/// missing id, nesting too deep) are left out with their descendants; a span without
/// usable times keeps its place and its children, not its own time. Each is a
/// problem naming the span's line.
class TraceBuilder
{
public:
    TraceBuilder(const Spans& spans, const ColumnMapping* mapping, SameNameSpans sameNameSpans,
        PartBuilder& problems, TraceConventions conventions = {})
        : m_spans(spans)
        , m_mapping(mapping)
        , m_sameNameSpans(sameNameSpans)
        , m_problems(problems)
        , m_conventions(conventions)
    { }

    /// Builds the trace `traceId` whose spans are `members` (indices into the spans,
    /// in input order) into `draft`, reset before. Returns the run's line (its root
    /// span's), or nullopt when the trace has no root span (a problem says so).
    std::optional<qint64> build(
        const std::string& traceId, const std::vector<std::size_t>& members, RecordDraft& draft);

private:
    const Span& span(std::size_t index) const { return m_spans.spans[index]; }
    /// A problem about the span: its line, its name and id, and `reason`.
    void tell(std::size_t index, const QString& reason);
    /// tell(), for a span that is not part of the run (nor, then, its descendants).
    void leaveOut(std::size_t index, const QString& reason);
    /// Links each member to its parent; returns the root, or nullopt.
    std::optional<std::size_t> linkParents(
        const std::string& traceId, const std::vector<std::size_t>& members);
    /// Tells of the spans that no path of parents leads to from the root: a loop.
    void reportLoops(const std::vector<std::size_t>& members, std::size_t root);
    void checkTimes(std::size_t index);
    int nodeAt(int parent, const std::string& name);
    /// Adds the children of the spans `owners`, which make up the node `slot`.
    void addChildren(int slot, const std::vector<std::size_t>& owners, int depth);
    void addNode(int slot, const std::string& name, const std::vector<std::size_t>& spans, int depth);
    void addMetadata(std::size_t root, const std::string& traceId);

    const Spans& m_spans;
    const ColumnMapping* m_mapping;
    SameNameSpans m_sameNameSpans;
    PartBuilder& m_problems;
    TraceConventions m_conventions;
    RecordDraft* m_draft = nullptr;
    std::unordered_map<std::size_t, std::vector<std::size_t>> m_children; // span -> its child spans
    std::vector<std::size_t> m_placed; // the spans of the run
    std::unordered_map<std::string_view, std::size_t> m_byId; // spanId -> span
    std::unordered_set<std::size_t> m_leftOut; // spans told of by leaveOut
    bool m_parallel = false;
};

} // namespace otlp
} // namespace loader
} // namespace te
