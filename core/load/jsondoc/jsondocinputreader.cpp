#include "load/jsondoc/jsondocinputreader.h"

#include "load/jsondoc/jsondocscanner.h"
#include "load/jsonl/jsonlfilereader.h"
#include "load/jsonl/jsonlrecordparser.h"
#include "load/src/recorddraft.h"
#include "load/src/wholeinput.h"

#include <algorithm>
#include <string>

namespace te::loader {

namespace {

class JsonDocInputReader final : public InputReader
{
public:
    QString formatName() const override { return QStringLiteral("JSON"); }

    // JSON Lines has objects that each end on their line; everything else that
    // starts like JSON is read here.
    bool canRead(const InputHead& head) const override
    {
        const char first = head.firstNonBlank();
        return first == '[' || (first == '{' && JsonDocScanner::objectsSpanLines(head.bytes));
    }

    QString unavailableReason() const override
    {
        if (cpuCanParseJsonl())
            return {};
        return QStringLiteral("this build reads JSON with AVX2 instructions, which this CPU lacks; "
                              "rebuild with -DTIMING_EXPLORER_AVX2=OFF");
    }

    bool read(const Input& input, qint64 size, SharedState& shared, Part& part) const override
    {
        PartBuilder builder(part, input.path);
        std::string text;
        QString error;
        if (!readWholeInput(input, size, JsonlRecordParser::kPadding,
                QStringLiteral("JSON arrays and multi-line objects are read whole, JSON Lines is not"), text,
                error)) {
            builder.problem(Problem::Severity::Error, 0, 0, error);
            return false;
        }
        shared.bytesRead += size;
        const std::string_view whole(text.data(), static_cast<std::size_t>(size));
        const std::size_t bodyStart = whole.starts_with(kBom) ? kBom.size() : 0;
        const std::string_view body = whole.substr(bodyStart);
        const std::size_t capacityEnd = text.size(); // the input and its padding

        JsonDocScanner scanner(body);
        JsonlRecordParser parser(shared.mapping());
        RecordDraft draft;
        draft.setProjection(shared.projection());
        JsonDocScanner::Record record;
        JsonDocScanner::Next next = JsonDocScanner::Next::Record;
        WholeInputProgress progress(shared, part);
        while (!shared.cancel.load() && (next = scanner.next(record)) == JsonDocScanner::Next::Record) {
            const std::size_t begin = bodyStart + record.begin;
            draft.reset();
            parser.parse(text.data() + begin, record.length, capacityEnd - begin, draft);
            builder.finishRecord(draft, record.line, false, QStringLiteral("record %1: ").arg(record.index));
            progress.tick(static_cast<std::size_t>(record.index));
        }
        if (next == JsonDocScanner::Next::Error) {
            builder.problem(Problem::Severity::Error, scanner.errorLine(), 0,
                scanner.errorMessage() + QStringLiteral("; the rest of the file was not read"));
        }
        progress.done();
        finishWholeInputPart(part, body, size);
        return true;
    }
};

} // namespace

const InputReader& jsonDocInputReader()
{
    static const JsonDocInputReader reader;
    return reader;
}

} // namespace te::loader
