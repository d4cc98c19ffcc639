#include "load/otlp/otlptracebuilder.h"

#include "data/columnmapping.h"
#include "load/otlp/otlpwallclock.h"
#include "load/src/loadpart.h"
#include "load/src/recorddraft.h"
#include "util/timestampformat.h"
#include "util/timestampparser.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace te::loader::otlp {

namespace {

// As deep as the JSON Lines reader reads timings; deeper spans are left out.
constexpr int kMaxSpanDepth = 32;
constexpr double kNanosPerSecond = 1e9;
constexpr qint64 kNanosPerMilli = 1000000;

QString utf8(const std::string& s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

const std::string* attribute(const Span& span, std::string_view key)
{
    const auto found = std::find_if(
        span.attributes.begin(), span.attributes.end(), [&](const Attribute& a) { return a.key == key; });
    return found != span.attributes.end() ? &found->value : nullptr;
}

// Seconds from whole nanoseconds: the division is rounded once, so a time written
// as 21100000000 ns reads as exactly the 21.1 a JSON Lines file would give.
double seconds(qint64 nanos)
{
    return static_cast<double>(nanos) / kNanosPerSecond;
}

} // namespace

QString describeSpan(const Span& span)
{
    if (!span.label.empty())
        return utf8(span.label);
    const QString id
        = span.spanId.empty() ? QStringLiteral("no spanId") : QStringLiteral("spanId ") + utf8(span.spanId);
    return QStringLiteral("span \"%1\" (%2)").arg(utf8(span.name), id);
}

void TraceBuilder::tell(std::size_t index, const QString& reason)
{
    m_problems.problem(Problem::Severity::Error, span(index).line, 0,
        describeSpan(span(index)) + QStringLiteral(": ") + reason);
}

void TraceBuilder::leaveOut(std::size_t index, const QString& reason)
{
    m_leftOut.insert(index);
    tell(index, reason);
}

std::optional<std::size_t> TraceBuilder::linkParents(
    const std::string& traceId, const std::vector<std::size_t>& members)
{
    std::unordered_map<std::string_view, std::size_t>& byId = m_byId;
    std::vector<std::size_t> roots;
    std::vector<std::size_t> linked;
    for (const std::size_t index : members) {
        const Span& s = span(index);
        if (s.spanId.empty()) {
            leaveOut(index, QStringLiteral("no spanId; left out"));
        } else if (!byId.emplace(s.spanId, index).second) {
            leaveOut(
                index, QStringLiteral("a second span with this id in trace %1; left out").arg(utf8(traceId)));
        } else if (s.parentSpanId.empty()) {
            roots.push_back(index);
        } else {
            linked.push_back(index);
        }
    }
    if (roots.empty()) {
        if (!members.empty())
            m_problems.problem(Problem::Severity::Error, span(members.front()).line, 0,
                QStringLiteral(
                    "trace %1 has no root span (a span without parentSpanId); its %2 spans were not "
                    "read")
                    .arg(utf8(traceId))
                    .arg(members.size()));
        return std::nullopt;
    }
    // The earliest root is the run; a trace should have only one.
    const auto root = *std::min_element(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
        return span(a).start.nanos.value_or(0) < span(b).start.nanos.value_or(0);
    });
    for (const std::size_t other : roots)
        if (other != root)
            leaveOut(other,
                QStringLiteral("a second root span in trace %1; left out with its descendants")
                    .arg(utf8(traceId)));
    for (const std::size_t index : linked) {
        const auto parent = byId.find(span(index).parentSpanId);
        if (parent == byId.end())
            leaveOut(index,
                QStringLiteral("its parent %1 is not in trace %2; left out with its descendants")
                    .arg(utf8(span(index).parentSpanId), utf8(traceId)));
        else
            m_children[parent->second].push_back(index);
    }
    return root;
}

void TraceBuilder::reportLoops(const std::vector<std::size_t>& members, std::size_t root)
{
    std::unordered_set<std::size_t> placed(m_placed.begin(), m_placed.end());
    placed.insert(root);
    std::vector<std::size_t> inLoops;
    for (const std::size_t index : members) {
        if (placed.contains(index) || m_leftOut.contains(index))
            continue;
        // Below a span left out (told already), or in a loop of parents.
        std::size_t at = index;
        bool belowLeftOut = false;
        for (std::size_t steps = 0; steps <= members.size() && !belowLeftOut; ++steps) {
            const auto parent = m_byId.find(span(at).parentSpanId);
            if (parent == m_byId.end())
                break;
            at = parent->second;
            belowLeftOut = m_leftOut.contains(at);
        }
        if (!belowLeftOut)
            inLoops.push_back(index);
    }
    for (const std::size_t index : inLoops)
        leaveOut(index, QStringLiteral("its parents lead back to it (a loop of parentSpanIds); left out"));
}

void TraceBuilder::checkTimes(std::size_t index)
{
    const Span& s = span(index);
    const QString rest = QStringLiteral("; its own time is left out");
    if (!s.start.present)
        tell(index, QStringLiteral("no startTimeUnixNano") + rest);
    else if (!s.start.nanos)
        tell(index, QStringLiteral("startTimeUnixNano is not a time in nanoseconds") + rest);
    else if (!s.end.present)
        tell(index, QStringLiteral("no endTimeUnixNano (the span has not ended)") + rest);
    else if (!s.end.nanos)
        tell(index, QStringLiteral("endTimeUnixNano is not a time in nanoseconds") + rest);
    else if (*s.end.nanos < *s.start.nanos)
        tell(index,
            QStringLiteral("it ends before it starts (endTimeUnixNano %1 < startTimeUnixNano %2)")
                    .arg(*s.end.nanos)
                    .arg(*s.start.nanos)
                + rest);
}

// A mapped name may be a path ("phase1/critic"): its nodes are made one by one.
int TraceBuilder::nodeAt(int parent, const std::string& name)
{
    int slot = parent;
    std::string_view path = name;
    while (true) {
        const auto slash = path.find('/');
        slot = m_draft->node(slot, path.substr(0, slash));
        if (slash == std::string_view::npos)
            return slot;
        path.remove_prefix(slash + 1);
    }
}

void TraceBuilder::addNode(
    int slot, const std::string& name, const std::vector<std::size_t>& spans, int depth)
{
    m_placed.insert(m_placed.end(), spans.begin(), spans.end());
    const int child = nodeAt(slot, name);
    qint64 nanos = 0;
    bool timed = false;
    for (const std::size_t index : spans) {
        checkTimes(index);
        if (const auto duration = span(index).durationNanos()) {
            nanos += *duration;
            timed = true;
        }
        if (const std::string* agents = attribute(span(index), "agents"))
            m_draft->setAgents(child, *agents);
    }
    if (timed)
        m_draft->setValue(child, seconds(nanos));
    addChildren(child, spans, depth + 1);
}

void TraceBuilder::addChildren(int slot, const std::vector<std::size_t>& owners, int depth)
{
    std::vector<std::size_t> kids;
    qint64 uncovered = 0;
    bool overlap = false;
    for (const std::size_t owner : owners) {
        const auto found = m_children.find(owner);
        if (found == m_children.end())
            continue;
        std::vector<Interval> intervals;
        for (const std::size_t kid : found->second) {
            kids.push_back(kid);
            if (span(kid).durationNanos())
                intervals.push_back({ *span(kid).start.nanos, *span(kid).end.nanos });
        }
        if (span(owner).durationNanos()) {
            overlap = overlap || anyOverlap(intervals);
            uncovered += uncoveredNanos({ *span(owner).start.nanos, *span(owner).end.nanos }, intervals);
        }
    }
    if (kids.empty())
        return;
    if (depth >= kMaxSpanDepth) {
        for (const std::size_t kid : kids)
            leaveOut(kid,
                QStringLiteral("nested more than %1 spans deep; left out with its descendants")
                    .arg(kMaxSpanDepth));
        return;
    }
    if (overlap) {
        m_parallel = true;
        m_draft->setPartsOverlap(slot, seconds(uncovered));
    }
    // In start order (the input's order among equals): numbers follow the clock.
    std::stable_sort(kids.begin(), kids.end(), [&](std::size_t a, std::size_t b) {
        return span(a).start.nanos.value_or(0) < span(b).start.nanos.value_or(0);
    });
    std::vector<std::pair<std::string, std::vector<std::size_t>>> byName;
    for (const std::size_t kid : kids) {
        const std::string* mapped = m_mapping ? m_mapping->targetFor(span(kid).name) : nullptr;
        const std::string& name = mapped ? *mapped : span(kid).name;
        const auto group
            = std::find_if(byName.begin(), byName.end(), [&](const auto& g) { return g.first == name; });
        if (group == byName.end())
            byName.emplace_back(name, std::vector<std::size_t> { kid });
        else
            group->second.push_back(kid);
    }
    for (const auto& [name, group] : byName) {
        if (group.size() == 1 || m_sameNameSpans == SameNameSpans::Sum) {
            addNode(slot, name, group, depth);
            continue;
        }
        for (std::size_t i = 0; i < group.size(); ++i)
            addNode(slot, name + '#' + std::to_string(i + 1), { group[i] }, depth);
    }
}

void TraceBuilder::addMetadata(std::size_t root, const std::string& traceId)
{
    const Span& r = span(root);
    bool hasRegistrationId = false;
    const auto add = [&](const Attribute& a) {
        if (a.key == "gen_ai.request.model" || a.key == "agents")
            return;
        hasRegistrationId = hasRegistrationId || (a.key == "registration_id" && !a.value.empty());
        if (a.key == "timestamp" && !m_conventions.epochTimes)
            m_draft->addTimestamp(a.key, a.value, parseTimestamp(a.value));
        else
            m_draft->addMetadata(a.key, a.value);
    };
    if (r.resource < m_spans.resources.size())
        std::for_each(m_spans.resources[r.resource].begin(), m_spans.resources[r.resource].end(), add);
    std::for_each(r.attributes.begin(), r.attributes.end(), add);
    if (!hasRegistrationId)
        m_draft->addMetadata("registration_id", traceId);
    if (m_conventions.traceIdField)
        m_draft->addMetadata("trace_id", traceId);

    const std::string* model = attribute(r, "gen_ai.request.model");
    std::map<std::string_view, std::size_t> counts;
    std::size_t best = 0;
    for (const std::size_t index : m_placed) {
        if (model)
            break;
        if (const std::string* value = attribute(span(index), "gen_ai.request.model"))
            best = std::max(best, ++counts[*value]);
    }
    // The most common model below the root; the first of those the run met on a tie.
    for (const std::size_t index : m_placed) {
        const std::string* value = model ? nullptr : attribute(span(index), "gen_ai.request.model");
        if (value && counts[*value] == best)
            model = value;
    }
    if (model)
        m_draft->addMetadata("model", *model);
    if (r.start.nanos && m_conventions.epochTimes) {
        const qint64 ms = *r.start.nanos / kNanosPerMilli;
        m_draft->addTimestamp("timestamp", formatTimestampIso(ms).toStdString(), ms);
    }
    if (m_parallel)
        m_draft->addMetadata("parallel", "true");
}

std::optional<qint64> TraceBuilder::build(
    const std::string& traceId, const std::vector<std::size_t>& members, RecordDraft& draft)
{
    m_draft = &draft;
    m_children.clear();
    m_placed.clear();
    m_byId.clear();
    m_leftOut.clear();
    m_parallel = false;
    const std::optional<std::size_t> root = linkParents(traceId, members);
    if (!root)
        return std::nullopt;
    checkTimes(*root);
    if (const auto duration = span(*root).durationNanos())
        draft.setValue(RecordDraft::kRoot, seconds(*duration));
    if (const std::string* agents = attribute(span(*root), "agents"))
        draft.setAgents(RecordDraft::kRoot, *agents);
    addChildren(RecordDraft::kRoot, { *root }, 0);
    reportLoops(members, *root);
    addMetadata(*root, traceId);
    return span(*root).line;
}

} // namespace te::loader::otlp
