#include "load/chrome/chromeevents.h"
#include "load/jsondoc/jsondocscanner.h"
#include "load/src/loadpart.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace te::loader::chrome {

namespace {

using Json = nlohmann::json;
using otlp::Attribute;

// Deeper than any event nests its args; deeper values are not read.
constexpr int kMaxDepth = 64;
// How deep "args" objects are flattened into "key.member" fields.
constexpr int kMaxArgsDepth = 4;
// Times beyond this many microseconds (about 126 years) are no times: in
// nanoseconds a start and a duration up to it add up within qint64.
constexpr double kMaxMicros = 4e15;
constexpr double kNanosPerMicro = 1000.0;

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

constexpr std::string_view kBlanks = " \t\r\n";

void skipBlanks(std::string_view text, std::size_t& pos)
{
    while (pos < text.size() && kBlanks.find(text[pos]) != std::string_view::npos)
        ++pos;
}

// Moves `pos` past the string that starts there; false when the text ends first.
bool skipString(std::string_view text, std::size_t& pos)
{
    for (++pos; pos < text.size(); ++pos) {
        if (text[pos] == '\\')
            ++pos;
        else if (text[pos] == '"') {
            ++pos;
            return true;
        }
    }
    return false;
}

// Moves `pos` past the value that starts there. Only brackets and strings are
// followed: each event is parsed on its own later, so a bad one costs only itself.
bool skipValue(std::string_view text, std::size_t& pos)
{
    int depth = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"') {
            if (!skipString(text, pos))
                return false;
            if (depth == 0)
                return true;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return false;
            if (depth == 0) {
                ++pos;
                return true;
            }
        } else if (depth == 0) {
            // A scalar: up to what ends it.
            while (
                pos < text.size() && std::string_view(",}] \t\r\n").find(text[pos]) == std::string_view::npos)
                ++pos;
            return true;
        }
        ++pos;
    }
    return false;
}

// Where the "traceEvents" array of a top-level object starts, if it has one.
std::optional<std::size_t> traceEventsArray(std::string_view text)
{
    std::size_t pos = 0;
    skipBlanks(text, pos);
    if (pos >= text.size() || text[pos] != '{')
        return std::nullopt;
    ++pos;
    while (true) {
        skipBlanks(text, pos);
        if (pos >= text.size() || text[pos] != '"')
            return std::nullopt;
        const std::size_t keyStart = pos;
        if (!skipString(text, pos))
            return std::nullopt;
        const std::string_view key = text.substr(keyStart + 1, pos - keyStart - 2);
        skipBlanks(text, pos);
        if (pos >= text.size() || text[pos] != ':')
            return std::nullopt;
        ++pos;
        skipBlanks(text, pos);
        if (key == "traceEvents" && pos < text.size() && text[pos] == '[')
            return pos;
        if (!skipValue(text, pos))
            return std::nullopt;
        skipBlanks(text, pos);
        if (pos >= text.size() || text[pos] != ',')
            return std::nullopt;
        ++pos;
    }
}

// An event's JSON, nothing nested deeper than kMaxDepth kept; discarded when it is
// no JSON.
Json parseEvent(std::string_view text, bool& tooDeep)
{
    const auto onEvent = [&](int depth, Json::parse_event_t event, Json&) {
        if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start)
            tooDeep = tooDeep || depth >= kMaxDepth;
        return !tooDeep;
    };
    return Json::parse(text.begin(), text.end(), onEvent, false);
}

std::string scalarText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    return value.dump();
}

// Args as metadata: scalars as text, arrays of scalars joined with ", ", objects
// flattened into one field per member ("key.member").
void flatten(const Json& value, const std::string& key, std::vector<Attribute>& out, int depth)
{
    if (value.is_null())
        return;
    if (value.is_object()) {
        if (depth >= kMaxArgsDepth)
            return;
        std::string name;
        for (const auto& [member, inner] : value.items()) {
            name.assign(key).append(1, '.').append(member);
            flatten(inner, name, out, depth + 1);
        }
        return;
    }
    if (value.is_array()) {
        std::string joined;
        for (const Json& element : value) {
            if (element.is_structured() || element.is_null())
                continue;
            if (!joined.empty())
                joined += ", ";
            joined += scalarText(element);
        }
        out.push_back({ key, joined });
        return;
    }
    out.push_back({ key, scalarText(value) });
}

std::string memberText(const Json& event, const char* key)
{
    const auto found = event.find(key);
    return found == event.end() || found->is_null() ? std::string() : scalarText(*found);
}

class EventReader
{
public:
    EventReader(TraceEvents& events, PartBuilder& problems)
        : m_events(events)
        , m_problems(problems)
    { }

    void read(std::string_view text, qint64 index, qint64 line);
    void finish();

private:
    struct Open
    {
        Slice slice;
        std::string ph;
    };

    void tell(qint64 line, const QString& event, const QString& reason)
    {
        m_problems.problem(Problem::Severity::Error, line, 0, event + QStringLiteral(": ") + reason);
    }
    /// The time of `key` in nanoseconds; nullopt, having told why, when there is none.
    std::optional<qint64> timeOf(const Json& event, const char* key, qint64 line, const QString& what);

    TraceEvents& m_events;
    PartBuilder& m_problems;
    std::unordered_map<std::string, std::vector<Open>> m_open; // pid + tid -> open "B" events
};

std::optional<qint64> EventReader::timeOf(
    const Json& event, const char* key, qint64 line, const QString& what)
{
    const auto found = event.find(key);
    if (found == event.end()) {
        tell(line, what, QStringLiteral("no \"%1\"; left out").arg(utf8(key)));
        return std::nullopt;
    }
    const double micros = found->is_number() ? found->get<double>() : std::nan("");
    if (!std::isfinite(micros) || std::abs(micros) > kMaxMicros) {
        tell(line, what,
            QStringLiteral("\"%1\" is not a time in microseconds (%2); left out")
                .arg(utf8(key), utf8(found->dump())));
        return std::nullopt;
    }
    return std::llround(micros * kNanosPerMicro);
}

void EventReader::read(std::string_view text, qint64 index, qint64 line)
{
    bool tooDeep = false;
    const Json event = parseEvent(text, tooDeep);
    const QString bare = describeEvent(index, {}, {});
    if (event.is_discarded()) {
        tell(line, bare, QStringLiteral("malformed JSON; left out"));
        return;
    }
    if (!event.is_object()) {
        tell(line, bare, QStringLiteral("not a JSON object; left out"));
        return;
    }
    if (tooDeep) {
        tell(line, bare, QStringLiteral("nested more than %1 levels deep; left out").arg(kMaxDepth));
        return;
    }
    const auto phase = event.find("ph");
    if (phase == event.end() || !phase->is_string()) {
        tell(line, bare, QStringLiteral("no \"ph\" (phase) string; left out"));
        return;
    }
    const std::string ph = phase->get<std::string>();
    Slice slice;
    slice.name = memberText(event, "name");
    slice.pid = memberText(event, "pid");
    slice.tid = memberText(event, "tid");
    slice.index = index;
    slice.line = line;
    const auto args = event.find("args");
    if (ph == "M") {
        if (slice.name == "process_name" && args != event.end() && args->is_object())
            if (const auto name = args->find("name"); name != args->end() && name->is_string())
                m_events.processNames[slice.pid] = name->get<std::string>();
        return;
    }
    if (ph != "X" && ph != "B" && ph != "E")
        return; // instants, counters, flows, async events: no part of a run's timings
    const QString what = describeEvent(index, slice.name, ph);
    const auto begin = timeOf(event, "ts", line, what);
    if (!begin)
        return;
    if (args != event.end() && args->is_object())
        for (const auto& [key, value] : args->items())
            flatten(value, key, slice.args, 1);
    slice.begin = *begin;
    std::vector<Open>& open = m_open[slice.pid + '\x1f' + slice.tid];
    if (ph == "X") {
        const auto duration = timeOf(event, "dur", line, what);
        if (!duration)
            return;
        if (*duration < 0) {
            tell(
                line, what, QStringLiteral("negative \"dur\" (%1); left out").arg(utf8(event["dur"].dump())));
            return;
        }
        slice.end = slice.begin + *duration;
        m_events.slices.push_back(std::move(slice));
    } else if (ph == "B") {
        open.push_back({ std::move(slice), ph });
    } else if (open.empty()) {
        tell(line, what,
            QStringLiteral("an \"E\" event with no \"B\" open on its thread (pid %1, tid %2); left out")
                .arg(utf8(slice.pid), utf8(slice.tid)));
    } else {
        Slice began = std::move(open.back().slice);
        open.pop_back();
        if (slice.begin < began.begin) {
            tell(line, what,
                QStringLiteral("it ends before its \"B\" (event %1) begins; both left out").arg(began.index));
            return;
        }
        began.end = slice.begin;
        began.args.insert(began.args.end(), slice.args.begin(), slice.args.end());
        m_events.slices.push_back(std::move(began));
    }
}

void EventReader::finish()
{
    std::vector<const Slice*> unended;
    for (const auto& [thread, open] : m_open)
        for (const Open& o : open)
            unended.push_back(&o.slice);
    std::sort(
        unended.begin(), unended.end(), [](const Slice* a, const Slice* b) { return a->index < b->index; });
    for (const Slice* slice : unended)
        tell(slice->line, describeEvent(slice->index, slice->name, "B"),
            QStringLiteral("no \"E\" ends it on its thread (pid %1, tid %2); left out")
                .arg(utf8(slice->pid), utf8(slice->tid)));
    m_open.clear();
    std::stable_sort(m_events.slices.begin(), m_events.slices.end(),
        [](const Slice& a, const Slice& b) { return a.index < b.index; });
}

// The trace's event array: the whole text, or the "traceEvents" member of an
// object, with the number of lines before it.
std::pair<std::string_view, qint64> eventArray(std::string_view body)
{
    const auto start = traceEventsArray(body);
    if (!start)
        return { body, 0 };
    std::size_t end = *start;
    const qint64 linesBefore
        = std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(*start), '\n');
    // Cut off or unbalanced: the scanner reads up to where it breaks and says so.
    if (!skipValue(body, end))
        end = body.size();
    return { body.substr(*start, end - *start), linesBefore };
}

} // namespace

QString describeEvent(qint64 index, std::string_view name, std::string_view ph)
{
    if (name.empty() && ph.empty())
        return QStringLiteral("event %1").arg(index);
    if (ph.empty())
        return QStringLiteral("event %1 (\"%2\")").arg(index).arg(utf8(name));
    return QStringLiteral("event %1 (\"%2\", ph \"%3\")").arg(index).arg(utf8(name), utf8(ph));
}

bool looksLikeChromeTrace(std::string_view head)
{
    std::size_t pos = 0;
    skipBlanks(head, pos);
    if (pos < head.size() && head[pos] == '{')
        return traceEventsArray(head).has_value();
    if (pos >= head.size() || head[pos] != '[')
        return false;
    JsonDocScanner scanner(head);
    JsonDocScanner::Record first;
    if (scanner.next(first) != JsonDocScanner::Next::Record)
        return head.find("\"ph\"") != std::string_view::npos; // a first event longer than the head
    bool tooDeep = false;
    const Json event = parseEvent(head.substr(first.begin, first.length), tooDeep);
    return event.is_object() && event.contains("ph") && (event.contains("ts") || event.contains("name"));
}

void readTraceEvents(std::string_view body, TraceEvents& events, PartBuilder& problems)
{
    const auto [array, linesBefore] = eventArray(body);
    EventReader reader(events, problems);
    JsonDocScanner scanner(array);
    JsonDocScanner::Record record;
    JsonDocScanner::Next next = JsonDocScanner::Next::Record;
    while ((next = scanner.next(record)) == JsonDocScanner::Next::Record)
        reader.read(array.substr(record.begin, record.length), record.index, record.line + linesBefore);
    if (next == JsonDocScanner::Next::Error)
        problems.problem(Problem::Severity::Error, scanner.errorLine() + linesBefore, 0,
            scanner.errorMessage() + QStringLiteral("; the rest of the trace was not read"));
    reader.finish();
}

} // namespace te::loader::chrome
