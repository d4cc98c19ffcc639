#include "load/otlp/otlpinputreader.h"

#include "load/jsondoc/jsondocscanner.h"
#include "load/otlp/otlprequestparser.h"
#include "load/otlp/otlptracebuilder.h"
#include "load/src/recorddraft.h"
#include "load/src/wholeinput.h"

#include <algorithm>
#include <unordered_map>

namespace te::loader {

namespace {

using otlp::RequestParser;
using otlp::Spans;

// As much of the input as a reader is shown to tell its format (InputHead).
constexpr std::size_t kHeadBytes = std::size_t { 64 } * 1024;

std::string_view trimBlanks(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// The Collector's file exporter: one request per line. A bad line costs only itself.
void readLines(std::string_view body, RequestParser& parser, PartBuilder& problems)
{
    qint64 line = 0;
    for (std::size_t begin = 0; begin < body.size();) {
        const std::size_t newline = std::min(body.find('\n', begin), body.size());
        ++line;
        const std::string_view text = trimBlanks(body.substr(begin, newline - begin));
        begin = newline + 1;
        QString error;
        qint64 errorLine = line;
        if (!text.empty() && !parser.parse(text, line, error, errorLine))
            problems.problem(
                Problem::Severity::Error, errorLine, 0, error + QStringLiteral("; the line was not read"));
    }
}

// One request (or several) over many lines, as a pretty-printer writes it.
void readDocument(std::string_view body, RequestParser& parser, PartBuilder& problems)
{
    JsonDocScanner scanner(body);
    JsonDocScanner::Record record;
    JsonDocScanner::Next next = JsonDocScanner::Next::Record;
    while ((next = scanner.next(record)) == JsonDocScanner::Next::Record) {
        QString error;
        qint64 errorLine = record.line;
        if (!parser.parse(body.substr(record.begin, record.length), record.line, error, errorLine))
            problems.problem(Problem::Severity::Error, errorLine, 0,
                QStringLiteral("request %1: ").arg(record.index) + error
                    + QStringLiteral("; it was not read"));
    }
    if (next == JsonDocScanner::Next::Error)
        problems.problem(Problem::Severity::Error, scanner.errorLine(), 0,
            scanner.errorMessage() + QStringLiteral("; the rest of the file was not read"));
}

// The spans of each trace, the traces in the order the input first names them.
std::vector<std::pair<std::string, std::vector<std::size_t>>> groupByTrace(
    const Spans& spans, PartBuilder& problems)
{
    std::vector<std::pair<std::string, std::vector<std::size_t>>> traces;
    std::unordered_map<std::string_view, std::size_t> traceIndex;
    for (std::size_t i = 0; i < spans.spans.size(); ++i) {
        const otlp::Span& span = spans.spans[i];
        if (span.traceId.empty()) {
            problems.problem(Problem::Severity::Error, span.line, 0,
                otlp::describeSpan(span) + QStringLiteral(": no traceId; left out"));
            continue;
        }
        const auto [found, added] = traceIndex.emplace(span.traceId, traces.size());
        if (added)
            traces.emplace_back(span.traceId, std::vector<std::size_t>());
        traces[found->second].second.push_back(i);
    }
    return traces;
}

class OtlpInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("OTLP/JSON"); }

    // An OTLP request starts {"resourceSpans": ...}, with blanks anywhere in between.
    bool canRead(const InputHead& head) const override
    {
        std::string_view rest = trimBlanks(head.bytes);
        if (!rest.starts_with('{'))
            return false;
        rest = trimBlanks(rest.substr(1));
        return rest.starts_with("\"resourceSpans\"");
    }

    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        PartBuilder problems(part, input.path);
        std::string text;
        QString error;
        if (!readWholeInput(input, size, 0, QStringLiteral("OTLP traces are read whole"), text, error)) {
            problems.problem(Problem::Severity::Error, 0, 0, error);
            return false;
        }
        shared.bytesRead += size;
        std::string_view body = text;
        if (body.starts_with(kBom))
            body.remove_prefix(kBom.size());

        Spans spans;
        RequestParser parser(spans);
        if (JsonDocScanner::objectsSpanLines(body.substr(0, kHeadBytes)))
            readDocument(body, parser, problems);
        else
            readLines(body, parser, problems);

        const auto traces = groupByTrace(spans, problems);
        otlp::TraceBuilder builder(spans, shared.mapping(), shared.options->sameNameSpans, problems);
        RecordDraft draft;
        draft.setProjection(shared.projection());
        WholeInputProgress progress(shared, part);
        for (std::size_t i = 0; i < traces.size() && !shared.cancel.load(); ++i) {
            const auto& [traceId, members] = traces[i];
            draft.reset();
            if (const auto line = builder.build(traceId, members, draft))
                problems.finishRecord(
                    draft, *line, false, QStringLiteral("trace %1: ").arg(QString::fromStdString(traceId)));
            progress.tick(i + 1);
        }
        progress.done();
        finishWholeInputPart(part, body, size);
        return true;
    }
};

} // namespace

const InputReader& otlpInputReader()
{
    static const OtlpInputReader reader;
    return reader;
}

} // namespace te::loader
