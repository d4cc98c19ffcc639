#include "load/chrome/chromeinputreader.h"

#include "load/chrome/chromeevents.h"
#include "load/chrome/chromeruns.h"
#include "load/otlp/otlptracebuilder.h"
#include "load/src/recorddraft.h"
#include "load/src/wholeinput.h"

#include <algorithm>

namespace te::loader {

namespace {

// How many runs are built between progress reports and checks for cancel.
constexpr std::size_t kRunsPerReport = 4096;

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
        std::uint32_t countedRuns = 0;
        for (std::size_t i = 0; i < runs.size() && !shared.cancel.load(); ++i) {
            draft.reset();
            if (const auto line = builder.build(runs[i].key, runs[i].members, draft))
                problems.finishRecord(draft, *line, false, runs[i].label + QStringLiteral(": "));
            if ((i + 1) % kRunsPerReport == 0) {
                shared.runs += part.dataset.runCount() - countedRuns;
                countedRuns = part.dataset.runCount();
                shared.report(true);
            }
        }
        shared.runs += part.dataset.runCount() - countedRuns;
        part.lines = static_cast<qint64>(std::count(body.begin(), body.end(), '\n'))
            + (body.empty() || body.back() == '\n' ? 0 : 1);
        part.completeEnd = size;
        part.dataset.finish();
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
