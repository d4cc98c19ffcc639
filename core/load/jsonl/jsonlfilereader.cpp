#include "load/jsonl/jsonlfilereader.h"

#include "load/jsonl/jsonlrecordparser.h"
#include "load/src/blockreader.h"
#include "load/src/recorddraft.h"

#include <algorithm>
#include <cstring>
#include <thread>

namespace te::loader {

namespace {
/// How many runs of a range are read before the rest is estimated from them.
constexpr std::uint32_t kRunsBeforeEstimate = 1000;

/// The runs a range of `total` bytes likely holds, from `runs` in its first `read`
/// bytes, with room to spare: the columns are then sized once (see reserveRuns).
/// Short records at the start must not make the estimate short, since growing
/// past it copies a whole column; room never written costs address space only.
std::uint32_t estimateRuns(qint64 read, std::uint32_t runs, qint64 total)
{
    if (read <= 0)
        return runs;
    const double estimate = static_cast<double>(total) / static_cast<double>(read) * runs * 1.5;
    return static_cast<std::uint32_t>(std::min(estimate, 4.0e9));
}
} // namespace

void readJsonlRange(
    const Input& input, qint64 begin, qint64 end, SharedState& shared, bool isCallingThread, Part& part)
{
    PartBuilder builder(part, input.path);
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen()) {
        builder.problem(
            Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + file->errorString());
        return;
    }
    BlockReader reader(*file, begin, end, kBlockSize, JsonlRecordParser::kPadding);
    JsonlRecordParser parser(shared.mapping());
    RecordDraft draft;
    draft.setProjection(shared.projection());
    bool skippingLongLine = false;
    bool runsEstimated = false;
    std::uint32_t countedRuns = 0;
    part.completeEnd = begin;

    const auto handleLine = [&](const char* data, std::size_t length, bool unterminated) {
        const qint64 lineNumber = ++part.lines;
        std::string_view line = trimSpaceTabCr({ data, length });
        if (line.empty())
            return;
        draft.reset();
        parser.parse(line.data(), line.size(), reader.capacityFrom(line.data()), draft);
        builder.finishRecord(draft, lineNumber, unterminated);
    };

    while (true) {
        const qint64 got = reader.readMore();
        if (begin == 0 && reader.offset() == 0)
            skipBom(reader);
        shared.bytesRead += got;
        while (true) {
            const char* data = reader.unread();
            const auto* newline = static_cast<const char*>(std::memchr(data, '\n', reader.unreadSize()));
            if (!newline)
                break;
            const auto length = static_cast<std::size_t>(newline - data);
            if (skippingLongLine) {
                skippingLongLine = false;
                ++part.lines;
            } else {
                handleLine(data, length, false);
            }
            reader.consume(length + 1);
        }
        // A line being skipped has not ended yet: a follower must resume at its start.
        if (!skippingLongLine)
            part.completeEnd = reader.offset();
        shared.runs += part.dataset.runCount() - countedRuns;
        countedRuns = part.dataset.runCount();
        if (!runsEstimated && countedRuns >= kRunsBeforeEstimate) {
            runsEstimated = true;
            // The first range is the one the others are merged into (readJsonlFile):
            // it is sized for the whole file. Room not yet written is not resident
            // memory, so the merge then copies into place without a second array.
            const qint64 expected = (begin == 0 ? std::max(end, input.size()) : end) - begin;
            part.dataset.reserveRuns(estimateRuns(reader.offset() - begin, countedRuns, expected));
        }
        if (!skippingLongLine && reader.unreadSize() > kMaxLineBytes) {
            builder.problem(Problem::Severity::Error, part.lines + 1, 0,
                QStringLiteral("line longer than 16 MiB; skipped"));
            skippingLongLine = true;
        }
        if (skippingLongLine)
            reader.consume(reader.unreadSize());
        shared.report(isCallingThread);
        if (shared.cancel.load() || got == 0)
            break;
    }
    if (reader.failed())
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("read error: ") + file->errorString());
    if (!shared.cancel.load() && reader.unreadSize() > 0 && !skippingLongLine)
        handleLine(reader.unread(), reader.unreadSize(), true);
    else if (skippingLongLine)
        ++part.lines;
    part.dataset.finish();
}

namespace {

std::vector<qint64> splitPoints(const Input& input, qint64 size, int parts)
{
    std::vector<qint64> points { 0 };
    const std::unique_ptr<QIODevice> file = parts > 1 ? input.open() : nullptr;
    if (file && file->isOpen()) {
        for (int k = 1; k < parts; ++k) {
            const qint64 guess = size * k / parts;
            if (guess <= points.back() || !file->seek(guess))
                continue;
            const QByteArray probe = file->read(kMaxLineBytes + 1);
            const auto newline = probe.indexOf('\n');
            if (newline < 0)
                break;
            points.push_back(guess + newline + 1);
        }
    }
    points.push_back(size);
    return points;
}

} // namespace

void readJsonlFile(const Input& input, qint64 size, SharedState& shared, Part& part)
{
    int threads = shared.options->threads > 0
        ? shared.options->threads
        : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (size < kParallelMinBytes || input.path.startsWith(u':'))
        threads = 1;
    const std::vector<qint64> points = splitPoints(input, size, threads);
    // The first range is read into `part` itself, the others into parts merged into it.
    std::vector<Part> laterParts(points.size() - 2);
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < laterParts.size(); ++i) {
        workers.emplace_back(
            [&, i] { readJsonlRange(input, points[i + 1], points[i + 2], shared, false, laterParts[i]); });
    }
    readJsonlRange(input, points[0], points[1], shared, true, part);
    for (auto& worker : workers)
        worker.join();
    for (Part& later : laterParts)
        mergePart(part, std::move(later));
}

bool cpuCanParseJsonl()
{
#if defined(TIMING_EXPLORER_JSONL_AVX2)
    static const bool supported = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2")
            && __builtin_cpu_supports("pclmul");
    }();
    return supported;
#else
    return true;
#endif
}

} // namespace te::loader
