#include "load/chrome/chromeruns.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace te::loader::chrome {

namespace {

using otlp::Attribute;

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
// Between the registration and the model in a process name ("r01 · model-a").
constexpr std::string_view kNameSeparator = " \xC2\xB7 ";

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

bool contains(const Slice& outer, const Slice& inner)
{
    return outer.begin <= inner.begin && inner.end <= outer.end;
}

bool hasArg(const Slice* root, std::string_view key)
{
    return root && std::any_of(root->args.begin(), root->args.end(), [&](const Attribute& a) {
        return a.key == key && !a.value.empty();
    });
}

// The slices of each process, the processes in the order the trace first names them.
std::vector<std::vector<std::size_t>> byProcess(const std::vector<Slice>& slices)
{
    std::vector<std::vector<std::size_t>> processes;
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        const auto [found, added] = index.emplace(slices[i].pid, processes.size());
        if (added)
            processes.emplace_back();
        processes[found->second].push_back(i);
    }
    return processes;
}

// Sets `parent` of each of `members` to the innermost slice of its thread that
// contains it, kNone for a top-level one. Of two slices with the same times, the
// first in the trace contains the other.
void linkByContainment(const std::vector<Slice>& slices, const std::vector<std::size_t>& members,
    std::vector<std::size_t>& parent)
{
    std::unordered_map<std::string_view, std::vector<std::size_t>> threads;
    for (const std::size_t i : members)
        threads[slices[i].tid].push_back(i);
    for (auto& [tid, thread] : threads) {
        std::sort(thread.begin(), thread.end(), [&](std::size_t a, std::size_t b) {
            const Slice& x = slices[a];
            const Slice& y = slices[b];
            if (x.begin != y.begin)
                return x.begin < y.begin;
            if (x.end != y.end)
                return x.end > y.end;
            return x.index < y.index;
        });
        std::vector<std::size_t> stack;
        for (const std::size_t i : thread) {
            while (!stack.empty() && !contains(slices[stack.back()], slices[i]))
                stack.pop_back();
            parent[i] = stack.empty() ? kNone : stack.back();
            stack.push_back(i);
        }
    }
}

// registration_id and model where the root's args do not give them; `suffix` ends
// the registration ("#2": the second run of a process cut per top-level event).
std::vector<Attribute> identity(
    const TraceEvents& events, const std::string& pid, const Slice* root, const std::string& suffix)
{
    std::vector<Attribute> resource;
    const auto named = events.processNames.find(pid);
    std::string registration = named != events.processNames.end() ? named->second : pid;
    std::string model;
    if (const auto separator = registration.find(kNameSeparator);
        named != events.processNames.end() && separator != std::string::npos) {
        model = registration.substr(separator + kNameSeparator.size());
        registration.resize(separator);
    }
    if (!hasArg(root, "registration_id") && !registration.empty())
        resource.push_back({ "registration_id", registration + suffix });
    if (!hasArg(root, "model") && !hasArg(root, "gen_ai.request.model") && !model.empty())
        resource.push_back({ "model", model });
    return resource;
}

class RunCutter
{
public:
    RunCutter(const TraceEvents& events, otlp::Spans& spans)
        : m_events(events)
        , m_spans(spans)
        , m_parent(events.slices.size(), kNone)
    { }

    void byProcess(const std::vector<std::size_t>& members, std::vector<Run>& runs);
    void byTopLevel(const std::vector<std::size_t>& members, std::vector<Run>& runs);

private:
    const Slice& slice(std::size_t i) const { return m_events.slices[i]; }
    std::size_t addResource(const std::string& pid, const Slice* root, const std::string& suffix = {})
    {
        m_spans.resources.push_back(identity(m_events, pid, root, suffix));
        return m_spans.resources.size() - 1;
    }
    void addSpan(std::size_t i, const std::string& parentId, Run& run, std::size_t resource);

    const TraceEvents& m_events;
    otlp::Spans& m_spans;
    std::vector<std::size_t> m_parent;
};

void RunCutter::addSpan(std::size_t i, const std::string& parentId, Run& run, std::size_t resource)
{
    const Slice& s = slice(i);
    otlp::Span span;
    span.traceId = run.key;
    span.spanId = std::to_string(s.index);
    span.parentSpanId = parentId;
    span.name = s.name;
    span.start = { s.begin, true };
    span.end = { s.end, true };
    span.attributes = s.args;
    span.resource = resource;
    span.line = s.line;
    span.label = describeEvent(s.index, s.name, {}).toStdString();
    run.members.push_back(m_spans.spans.size());
    m_spans.spans.push_back(std::move(span));
}

void RunCutter::byProcess(const std::vector<std::size_t>& members, std::vector<Run>& runs)
{
    linkByContainment(m_events.slices, members, m_parent);
    const std::string& pid = slice(members.front()).pid;
    qint64 begin = std::numeric_limits<qint64>::max();
    qint64 end = std::numeric_limits<qint64>::min();
    for (const std::size_t i : members) {
        begin = std::min(begin, slice(i).begin);
        end = std::max(end, slice(i).end);
    }
    // The first top-level event that covers the whole process is its root.
    const auto cover = std::find_if(members.begin(), members.end(), [&](std::size_t i) {
        return m_parent[i] == kNone && slice(i).begin == begin && slice(i).end == end;
    });
    Run run { pid, QStringLiteral("process %1").arg(utf8(pid)), {} };
    const Slice* rootSlice = cover != members.end() ? &slice(*cover) : nullptr;
    const std::size_t resource = addResource(pid, rootSlice);
    std::string rootId;
    if (rootSlice) {
        rootId = std::to_string(rootSlice->index);
        addSpan(*cover, {}, run, resource);
    } else {
        otlp::Span root;
        root.traceId = run.key;
        root.spanId = rootId = "process";
        const auto named = m_events.processNames.find(pid);
        root.name = named != m_events.processNames.end() ? named->second : "pid " + pid;
        root.start = { begin, true };
        root.end = { end, true };
        root.resource = resource;
        root.line = slice(members.front()).line;
        root.label = run.label.toStdString();
        run.members.push_back(m_spans.spans.size());
        m_spans.spans.push_back(std::move(root));
    }
    for (const std::size_t i : members) {
        if (rootSlice && i == *cover)
            continue;
        addSpan(i, m_parent[i] == kNone ? rootId : std::to_string(slice(m_parent[i]).index), run, resource);
    }
    runs.push_back(std::move(run));
}

void RunCutter::byTopLevel(const std::vector<std::size_t>& members, std::vector<Run>& runs)
{
    linkByContainment(m_events.slices, members, m_parent);
    // Each slice's top-level ancestor; parents come before their children in no
    // particular order, so the chain is followed.
    std::unordered_map<std::size_t, std::size_t> runOf; // top-level slice -> index in runs
    const auto tops = static_cast<std::size_t>(
        std::count_if(members.begin(), members.end(), [&](std::size_t i) { return m_parent[i] == kNone; }));
    for (const std::size_t i : members) {
        if (m_parent[i] != kNone)
            continue;
        // Runs of one process would otherwise share a registration_id: numbered as
        // same-name siblings are, in trace order.
        const std::string suffix = tops > 1 ? '#' + std::to_string(runOf.size() + 1) : std::string();
        runOf[i] = runs.size();
        Run run { std::to_string(slice(i).index), describeEvent(slice(i).index, slice(i).name, {}), {} };
        addSpan(i, {}, run, addResource(slice(i).pid, &slice(i), suffix));
        runs.push_back(std::move(run));
    }
    for (const std::size_t i : members) {
        if (m_parent[i] == kNone)
            continue;
        std::size_t top = i;
        while (m_parent[top] != kNone)
            top = m_parent[top];
        Run& run = runs[runOf.at(top)];
        addSpan(
            i, std::to_string(slice(m_parent[i]).index), run, m_spans.spans[run.members.front()].resource);
    }
}

} // namespace

std::vector<Run> cutIntoRuns(const TraceEvents& events, ChromeRuns mode, otlp::Spans& spans)
{
    std::vector<Run> runs;
    RunCutter cutter(events, spans);
    for (const std::vector<std::size_t>& members : byProcess(events.slices)) {
        if (mode == ChromeRuns::Process)
            cutter.byProcess(members, runs);
        else
            cutter.byTopLevel(members, runs);
    }
    return runs;
}

} // namespace te::loader::chrome
