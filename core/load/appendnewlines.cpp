#include "load/appendnewlines.h"

#include "load/csv/csvfilereader.h"
#include "load/src/duplicatecheck.h"
#include "load/jsonl/jsonlfilereader.h"
#include "load/src/loadpart.h"
#include "load/timingloader.h"

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

// Warns about the new runs (from `firstNew` on) that repeat any earlier run. Reuses
// the loader's check, which scans every run and so also warns again about earlier
// duplicates: those warnings are dropped, and the counts it raised restored.
void warnNewDuplicates(LoadResult& result, std::size_t fileIndex, std::uint32_t firstNew)
{
    std::vector<std::uint32_t> firstRun;
    std::vector<qint64> warnings;
    std::uint32_t next = 0;
    for (const auto& file : result.files) {
        firstRun.push_back(next);
        next += static_cast<std::uint32_t>(file.runs);
        warnings.push_back(file.warnings);
    }
    const auto before = static_cast<std::ptrdiff_t>(result.problems.size());
    warnDuplicates(result, firstRun);
    const auto kept = std::remove_if(result.problems.begin() + before, result.problems.end(),
        [&](const Problem& p) { return p.run < static_cast<qint64>(firstNew); });
    const auto added = kept - (result.problems.begin() + before);
    result.problems.erase(kept, result.problems.end());
    for (std::size_t i = 0; i < result.files.size(); ++i)
        result.files[i].warnings = warnings[i];
    result.files[fileIndex].warnings += added;
}

} // namespace

bool appendNewLines(LoadResult& result, std::size_t fileIndex, const LoadOptions& options)
{
    if (result.cancelled || fileIndex >= result.files.size()
        || static_cast<qsizetype>(result.files.size()) != options.files.size())
        return false;
    const FileSummary& old = result.files[fileIndex];
    if (!old.readable || old.format == InputFormat::Unknown)
        return false;
    qint64 firstRunOfFile = 0;
    for (std::size_t i = 0; i < result.files.size(); ++i) {
        if (i < fileIndex)
            firstRunOfFile += result.files[i].runs;
        else if (i > fileIndex && result.files[i].runs > 0)
            return false; // the new runs would have to go before this file's
    }
    if (firstRunOfFile + old.runs != result.dataset.runCount())
        return false;

    // One file throughout: a file renamed over the path after this check is not read
    // as the rest of the old one (the next update sees it and reloads).
    Input input { old.path };
    input.pin();
    const std::unique_ptr<QIODevice> device = input.open();
    if (!device->isOpen())
        return false;
    QIODevice& file = *device;
    const qint64 size = file.size();
    if (size < old.bytes || size < old.completeBytes)
        return false; // truncated or rewritten: not the loaded file plus appended bytes
    const QByteArray head = file.read(kHeadSignatureBytes);
    // Only the complete lines must be unchanged; the tail after them is read again anyway.
    const qint64 checkedBytes = std::min<qint64>(old.headSignature.size(), old.completeBytes);
    if (head.size() < checkedBytes
        || QByteArrayView(head).first(checkedBytes) != QByteArrayView(old.headSignature).first(checkedBytes))
        return false;
    if (size == old.bytes)
        return true;
    const std::optional<qint64> tailLines = tailLineCount(file, old.completeBytes, old.bytes);
    if (!tailLines || *tailLines > old.lines)
        return false;
    const qint64 completeLines = old.lines - *tailLines;
    file.close();

    SharedState shared;
    shared.options = &options;
    shared.bytesTotal = size - old.completeBytes;
    Part part;
    if (old.format == InputFormat::JsonLines) {
        readJsonlRange(input, old.completeBytes, size, shared, true, part);
    } else {
        const std::optional<CsvHeader> header = readCsvHeader(input);
        if (!header || header->end > old.completeBytes
            || !readCsvRange(input, *header, old.completeBytes, size, shared, part))
            return false;
    }
    // completeEnd stays short of `begin` only when the file could not be opened.
    if (shared.cancel.load() || part.completeEnd < old.completeBytes)
        return false;

    // Forget what the loader made of the old tail: its run, if it was kept, and its problems.
    const auto firstKept
        = static_cast<std::uint32_t>(firstRunOfFile + old.runs - (old.lastRunUnterminated ? 1 : 0));
    qint64 removedErrors = 0;
    qint64 removedWarnings = 0;
    std::erase_if(result.problems, [&](const Problem& p) {
        const bool ofTail
            = p.file == old.path && p.line > completeLines && (p.run < 0 || p.run >= firstRunOfFile);
        if (!ofTail && p.run < static_cast<qint64>(firstKept))
            return false;
        removedErrors += p.severity == Problem::Severity::Error;
        removedWarnings += p.severity == Problem::Severity::Warning;
        return true;
    });
    result.dataset.truncate(firstKept);

    part.dataset.shiftLines(completeLines);
    const QByteArray source = old.name.toUtf8();
    part.dataset.fillField(
        TimingDataset::Source, { source.constData(), static_cast<std::size_t>(source.size()) });
    for (auto& problem : part.problems) {
        if (problem.line > 0)
            problem.line += completeLines;
        if (problem.run >= 0)
            problem.run += firstKept;
    }
    if (part.droppedProblems > 0) {
        part.problems.push_back({ Problem::Severity::Info, old.path, 0, 0,
            QStringLiteral("%1 more problems not listed").arg(part.droppedProblems), -1 });
    }
    result.dataset.append(part.dataset);
    result.problems.insert(result.problems.end(), std::make_move_iterator(part.problems.begin()),
        std::make_move_iterator(part.problems.end()));

    FileSummary& summary = result.files[fileIndex];
    summary.bytes = size;
    summary.lines = completeLines + part.lines;
    summary.runs = static_cast<qint64>(result.dataset.runCount()) - firstRunOfFile;
    summary.rejectedLines += part.rejected - removedErrors;
    summary.warnings += part.warnings - removedWarnings;
    summary.completeBytes = part.completeEnd;
    summary.lastRunUnterminated = part.lastRunUnterminated;
    if (head.size() > summary.headSignature.size())
        summary.headSignature = head;

    const LoadProjection& projection = options.projection;
    if (part.dataset.runCount() > 0 && projection.keepsField("registration_id")
        && projection.keepsField("timestamp") && projection.keepsField("model"))
        warnNewDuplicates(result, fileIndex, firstKept);
    result.dataset.finish();
    return true;
}


} // namespace te
