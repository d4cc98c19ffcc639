#include "load/chrome/chromeinputreader.h"

#include "load/chrome/chromeevents.h"
#include "load/chrome/chromeruns.h"
#include "load/otlp/otlptracebuilder.h"
#include "load/src/recorddraft.h"
#include "load/src/wholeinput.h"

#include <algorithm>

namespace te::loader {

namespace {

class ChromeInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("Chrome trace"); }

    bool canRead(const InputHead& head) const override { return chrome::looksLikeChromeTrace(head.bytes); }

    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        PartBuilder problems(part, input.path);
        std::string text;
        QString error;
        if (!readWholeInput(input, size, 0, QStringLiteral("Chrome traces are read whole"), text, error)) {
            problems.problem(Problem::Severity::Error, 0, 0, error);
            return false;
        }
        shared.bytesRead += size;
        std::string_view body = text;
        if (body.starts_with(kBom))
            body.remove_prefix(kBom.size());

        chrome::TraceEvents events;
        chrome::readTraceEvents(body, events, problems);
        otlp::Spans spans;
        const std::vector<chrome::Run> runs = chrome::cutIntoRuns(events, shared.options->chromeRuns, spans);
        otlp::TraceBuilder builder(spans, shared.mapping(), shared.options->sameNameSpans, problems,
            { .epochTimes = false, .traceIdField = false });
        RecordDraft draft;
        draft.setProjection(shared.projection());
        WholeInputProgress progress(shared, part);
        for (std::size_t i = 0; i < runs.size() && !shared.cancel.load(); ++i) {
            draft.reset();
            if (const auto line = builder.build(runs[i].key, runs[i].members, draft))
                problems.finishRecord(draft, *line, false, runs[i].label + QStringLiteral(": "));
            progress.tick(i + 1);
        }
        progress.done();
        finishWholeInputPart(part, body, size);
        return true;
    }
};

} // namespace

const InputReader& chromeInputReader()
{
    static const ChromeInputReader reader;
    return reader;
}

} // namespace te::loader
