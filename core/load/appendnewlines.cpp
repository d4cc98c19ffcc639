#include "load/appendnewlines.h"

#include "load/postgres/postgresinputreader.h"
#include "load/src/appendpart.h"
#include "load/src/duplicatecheck.h"
#include "load/src/loadpart.h"
#include "load/src/readerregistry.h"
#include "util/databaseaddress.h"

#include <QByteArrayView>
#include <algorithm>

namespace te {

using namespace loader;

namespace {

// How many lines the loader counted in [from, to), the tail it read after the last
// complete line: one for an unterminated line, plus the newlines inside it (in a
// quoted CSV field, or after a skipped over-long CSV record).
std::optional<qint64> tailLineCount(QIODevice& file, qint64 from, qint64 to)
{
    if (to <= from)
        return 0;
    if (!file.seek(from))
        return std::nullopt;
    qint64 newlines = 0;
    char last = 0;
    for (qint64 left = to - from; left > 0;) {
        const QByteArray chunk = file.read(std::min<qint64>(left, kBlockSize));
        if (chunk.isEmpty())
            return std::nullopt;
        newlines += chunk.count('\n');
        last = chunk.back();
        left -= chunk.size();
    }
    return newlines + (last == '\n' ? 0 : 1);
}

// The first run of file `fileIndex` when that file can grow in place: it was read
// by a reader, and no later file has runs (the dataset keeps the files' runs in
// order). nullopt when it cannot.
std::optional<qint64> firstRunIfItCanGrow(
    const LoadResult& result, std::size_t fileIndex, const LoadOptions& options)
{
    if (result.cancelled || fileIndex >= result.files.size()
        || static_cast<qsizetype>(result.files.size()) != options.files.size())
        return std::nullopt;
    const FileSummary& file = result.files[fileIndex];
    // A decoded file's offsets are not the file's: it is loaded again whole.
    if (!file.readable || file.format.isEmpty() || !file.encoding.isEmpty())
        return std::nullopt;
    qint64 firstRunOfFile = 0;
    for (std::size_t i = 0; i < result.files.size(); ++i) {
        if (i < fileIndex)
            firstRunOfFile += result.files[i].runs;
        else if (i > fileIndex && result.files[i].runs > 0)
            return std::nullopt; // the new runs would have to go before this file's
    }
    if (firstRunOfFile + file.runs != result.dataset.runCount())
        return std::nullopt;
    return firstRunOfFile;
}

// The file as it is now, next to what was loaded of it.
struct Growth
{
    qint64 size = 0;
    QByteArray head; ///< its first bytes, as many as FileSummary::headSignature keeps
    qint64 completeLines = 0; ///< the lines before `completeBytes`, which stay as they were
};

// How the file grew since `old` was read of it; nullopt when it is not the loaded
// file plus appended bytes (truncated, rewritten, replaced) or cannot be read.
std::optional<Growth> measureGrowth(const Input& input, const FileSummary& old)
{
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen())
        return std::nullopt;
    Growth growth;
    growth.size = file->size();
    if (growth.size < old.bytes || growth.size < old.completeBytes)
        return std::nullopt;
    growth.head = file->read(kHeadSignatureBytes);
    // Only the complete lines must be unchanged; the tail after them is read again anyway.
    const qint64 checkedBytes = std::min<qint64>(old.headSignature.size(), old.completeBytes);
    if (growth.head.size() < checkedBytes
        || QByteArrayView(growth.head).first(checkedBytes)
            != QByteArrayView(old.headSignature).first(checkedBytes))
        return std::nullopt;
    if (growth.size == old.bytes)
        return growth; // nothing appended: the tail is not read
    const std::optional<qint64> tailLines = tailLineCount(*file, old.completeBytes, old.bytes);
    if (!tailLines || *tailLines > old.lines)
        return std::nullopt;
    growth.completeLines = old.lines - *tailLines;
    return growth;
}

// Forgets what the load made of the file's tail after its complete lines (its run,
// if it was kept, and its problems), which is read again. Returns the first run
// forgotten, where the runs read again start.
std::uint32_t forgetTail(
    LoadResult& result, std::size_t fileIndex, qint64 firstRunOfFile, qint64 completeLines)
{
    FileSummary& summary = result.files[fileIndex];
    const auto firstForgotten
        = static_cast<std::uint32_t>(firstRunOfFile + summary.runs - (summary.lastRunUnterminated ? 1 : 0));
    qint64 forgottenErrors = 0;
    qint64 forgottenWarnings = 0;
    std::erase_if(result.problems, [&](const Problem& p) {
        const bool ofTail
            = p.file == summary.path && p.line > completeLines && (p.run < 0 || p.run >= firstRunOfFile);
        if (!ofTail && p.run < static_cast<qint64>(firstForgotten))
            return false;
        forgottenErrors += p.severity == Problem::Severity::Error;
        forgottenWarnings += p.severity == Problem::Severity::Warning;
        return true;
    });
    summary.rejectedLines -= forgottenErrors;
    summary.warnings -= forgottenWarnings;
    result.dataset.truncate(firstForgotten);
    summary.lines = completeLines;
    summary.runs = firstForgotten - firstRunOfFile;
    return firstForgotten;
}

// Reads what was appended to the file after its complete lines; nullopt when its
// reader cannot append it, or the read was cancelled.
std::optional<Part> readAppendedPart(const InputReader& reader, const Input& input, const FileSummary& old,
    qint64 size, const LoadOptions& options)
{
    SharedState shared;
    shared.options = &options;
    shared.bytesTotal = size - old.completeBytes;
    Part part;
    if (!reader.readAppended(input, old.completeBytes, size, shared, part))
        return std::nullopt;
    // completeEnd stays short of `begin` only when the file could not be opened.
    if (shared.cancel.load() || part.completeEnd < old.completeBytes)
        return std::nullopt;
    return part;
}

// A database grows by timings rows with a larger id than the largest read, which
// its summary keeps as completeBytes (see postgresinputreader.h).
bool appendNewDatabaseRuns(
    LoadResult& result, std::size_t fileIndex, const LoadOptions& options, std::uint32_t* firstChangedRun)
{
    SharedState shared;
    shared.options = &options;
    Part part;
    const Input input { result.files[fileIndex].path };
    if (!postgresInputReader().readAppended(input, result.files[fileIndex].completeBytes, 0, shared, part)
        || shared.cancel.load())
        return false;
    const bool newRuns = part.dataset.runCount() > 0;
    const auto firstNew = static_cast<std::uint32_t>(result.dataset.runCount());
    if (firstChangedRun)
        *firstChangedRun = firstNew;
    appendPart(result, fileIndex, std::move(part));
    if (newRuns && options.projection.keepsDuplicateKey())
        warnDuplicatesFrom(result, firstRunOfEachFile(result.files), firstNew);
    result.dataset.finish();
    return true;
}

} // namespace

bool appendNewLines(
    LoadResult& result, std::size_t fileIndex, const LoadOptions& options, std::uint32_t* firstChangedRun)
{
    if (firstChangedRun)
        *firstChangedRun = result.dataset.runCount();
    const std::optional<qint64> firstRunOfFile = firstRunIfItCanGrow(result, fileIndex, options);
    if (!firstRunOfFile)
        return false;
    if (isDatabaseAddress(result.files[fileIndex].path))
        return appendNewDatabaseRuns(result, fileIndex, options, firstChangedRun);
    const FileSummary& old = result.files[fileIndex];
    const InputReader* reader = inputReaderNamed(old.format);
    if (!reader)
        return false;
    // One file throughout: a file renamed over the path after this check is not read
    // as the rest of the old one (the next update sees it and reloads).
    Input input { old.path };
    input.pin();
    const std::optional<Growth> growth = measureGrowth(input, old);
    if (!growth)
        return false;
    if (growth->size == old.bytes)
        return true;
    std::optional<Part> part = readAppendedPart(*reader, input, old, growth->size, options);
    if (!part)
        return false;

    const bool newRuns = part->dataset.runCount() > 0;
    const std::uint32_t firstRead = forgetTail(result, fileIndex, *firstRunOfFile, growth->completeLines);
    if (firstChangedRun)
        *firstChangedRun = firstRead;
    appendPart(result, fileIndex, std::move(*part));
    FileSummary& summary = result.files[fileIndex];
    summary.bytes = growth->size;
    if (growth->head.size() > summary.headSignature.size())
        summary.headSignature = growth->head;
    if (newRuns && options.projection.keepsDuplicateKey())
        warnDuplicatesFrom(result, firstRunOfEachFile(result.files), firstRead);
    result.dataset.finish();
    return true;
}

} // namespace te
