#include "load/otlp/otlprequestparser.h"

#include "load/otlp/otlpanyvalue.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>

namespace te::loader::otlp {

namespace {

using Json = nlohmann::json;

// Span objects sit at this depth of a request: {resourceSpans: [{scopeSpans: [{spans: [{...}]}]}]}.
constexpr int kSpanDepth = 6;
// Deeper than any request nests its attributes; beyond it the text is refused.
constexpr int kMaxDepth = 64;
// The member the parser adds to each span object: the line it starts on. A name no
// OTLP field has; a span that has it anyway only gets its line wrong.
constexpr const char* kLineKey = "\x01line";

// A char iterator that counts the newlines it steps over, so that the parser's
// callbacks know which line they are on.
class LineCountingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    LineCountingIterator(const char* at, qint64* newlines)
        : m_at(at)
        , m_newlines(newlines)
    { }
    reference operator*() const { return *m_at; }
    LineCountingIterator& operator++()
    {
        if (*m_at == '\n')
            ++*m_newlines;
        ++m_at;
        return *this;
    }
    LineCountingIterator operator++(int)
    {
        LineCountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const LineCountingIterator& other) const { return m_at == other.m_at; }

private:
    const char* m_at;
    qint64* m_newlines;
};

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1,
// column 7: "; the loader names the line itself.
QString parseErrorReason(const char* what)
{
    std::string_view text(what);
    const auto colon = text.find(": ");
    if (colon != std::string_view::npos)
        text.remove_prefix(colon + 2);
    return QStringLiteral("malformed JSON: ")
        + QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

SpanTime timeOf(const Json& span, const char* key)
{
    SpanTime time;
    const auto field = span.find(key);
    if (field == span.end() || field->is_null())
        return time;
    time.present = true;
    qint64 nanos = -1;
    if (field->is_string()) {
        const auto& text = field->get_ref<const std::string&>();
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), nanos);
        if (error != std::errc() || end != text.data() + text.size())
            nanos = -1;
    } else if (field->is_number_integer()) {
        if (field->is_number_unsigned())
            nanos
                = field->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max())
                ? -1
                : static_cast<qint64>(field->get<std::uint64_t>());
        else
            nanos = field->get<qint64>();
    } else if (field->is_number_float()) {
        const double value = field->get<double>();
        // Below 2^63, so that the conversion is defined.
        if (std::isfinite(value) && value >= 0 && value < 9.2e18)
            nanos = static_cast<qint64>(std::llround(value));
    }
    // OTLP leaves an unset time 0.
    if (nanos > 0)
        time.nanos = nanos;
    return time;
}

std::string idOf(const Json& span, const char* key)
{
    const auto field = span.find(key);
    if (field == span.end() || !field->is_string())
        return {};
    std::string id = field->get<std::string>();
    std::transform(id.begin(), id.end(), id.begin(),
        [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return id;
}

const Json* arrayMember(const Json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    const auto member = object.find(key);
    return member != object.end() && member->is_array() ? &*member : nullptr;
}

void readSpan(const Json& object, std::size_t resource, qint64 firstLine, std::vector<Span>& out)
{
    if (!object.is_object())
        return;
    Span span;
    span.traceId = idOf(object, "traceId");
    span.spanId = idOf(object, "spanId");
    span.parentSpanId = idOf(object, "parentSpanId");
    if (const auto name = object.find("name"); name != object.end() && name->is_string())
        span.name = name->get<std::string>();
    span.start = timeOf(object, "startTimeUnixNano");
    span.end = timeOf(object, "endTimeUnixNano");
    if (const Json* attributes = arrayMember(object, "attributes"))
        appendAttributes(*attributes, span.attributes);
    const auto line = object.find(kLineKey);
    span.line = line != object.end() && line->is_number_integer() ? line->get<qint64>() : firstLine;
    span.resource = resource;
    out.push_back(std::move(span));
}

} // namespace

bool RequestParser::parse(std::string_view text, qint64 firstLine, QString& error, qint64& errorLine)
{
    qint64 newlines = 0;
    std::vector<qint64> openLines;
    bool tooDeep = false;
    const auto onEvent = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
            tooDeep = tooDeep || depth >= kMaxDepth;
            if (event == Json::parse_event_t::object_start)
                openLines.push_back(firstLine + newlines);
            return !tooDeep;
        }
        if (event == Json::parse_event_t::object_end && !openLines.empty()) {
            if (depth == kSpanDepth && parsed.is_object())
                parsed[kLineKey] = openLines.back();
            openLines.pop_back();
        }
        return true;
    };
    Json request;
    try {
        request = Json::parse(LineCountingIterator(text.data(), &newlines),
            LineCountingIterator(text.data() + text.size(), nullptr), onEvent);
    } catch (const Json::exception& e) {
        error = parseErrorReason(e.what());
        errorLine = firstLine + newlines;
        return false;
    }
    errorLine = firstLine;
    if (tooDeep) {
        error = QStringLiteral("JSON nested more than %1 levels deep").arg(kMaxDepth);
        return false;
    }
    const Json* resourceSpans = arrayMember(request, "resourceSpans");
    if (!resourceSpans) {
        error = QStringLiteral("not an OTLP trace export: no \"resourceSpans\" array");
        return false;
    }
    for (const Json& resourceSpan : *resourceSpans) {
        const std::size_t resource = m_spans.resources.size();
        m_spans.resources.emplace_back();
        if (resourceSpan.is_object()) {
            if (const auto found = resourceSpan.find("resource"); found != resourceSpan.end())
                if (const Json* attributes = arrayMember(*found, "attributes"))
                    appendAttributes(*attributes, m_spans.resources.back());
        }
        // Before OTLP 0.19 the scopes were "instrumentationLibrarySpans".
        const Json* scopes = arrayMember(resourceSpan, "scopeSpans");
        if (!scopes)
            scopes = arrayMember(resourceSpan, "instrumentationLibrarySpans");
        if (!scopes)
            continue;
        for (const Json& scope : *scopes) {
            if (const Json* spans = arrayMember(scope, "spans"))
                for (const Json& span : *spans)
                    readSpan(span, resource, firstLine, m_spans.spans);
        }
    }
    return true;
}

} // namespace te::loader::otlp
