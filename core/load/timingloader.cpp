#include "load/timingloader.h"

#include "load/postgres/postgresinputreader.h"
#include "load/src/appendpart.h"
#include "load/src/duplicatecheck.h"
#include "load/src/inputsniff.h"
#include "load/src/loadpart.h"
#include "load/src/textdecode.h"
#include "util/databaseaddress.h"

#include <QFileInfo>
#include <algorithm>

namespace te {

using namespace loader;

namespace {

void reportFileProblem(
    LoadResult& result, const QString& path, Problem::Severity severity, const QString& message)
{
    result.problems.push_back({ severity, path, 0, 0, message, -1 });
}

// Reads UTF-16 or UTF-32 text whole and makes it UTF-8, which the input then reads
// instead of the file; the file itself is only read. A code unit that encodes no
// character is read as U+FFFD and told, with its line and offset, as a warning.
std::unique_ptr<QIODevice> openDecoded(Input& input, QIODevice& file, TextEncoding encoding,
    FileSummary& summary, SharedState& shared, LoadResult& result)
{
    const QString name = encodingName(encoding);
    DecodedText decoded;
    try {
        decoded = decodeToUtf8(file.readAll(), encoding);
    } catch (const std::bad_alloc&) {
        reportFileProblem(result, input.path, Problem::Severity::Error,
            QStringLiteral("%1 text too large to read into memory as UTF-8").arg(name));
        return nullptr;
    }
    for (const DecodedText::BadUnit& bad : decoded.badUnits)
        result.problems.push_back({ Problem::Severity::Warning, input.path, bad.line, 0,
            QStringLiteral("invalid %1 at byte %2: %3; read as U+FFFD")
                .arg(name)
                .arg(bad.offset)
                .arg(bad.what),
            -1 });
    if (decoded.badUnitCount > static_cast<qint64>(decoded.badUnits.size()))
        reportFileProblem(result, input.path, Problem::Severity::Info,
            QStringLiteral("%1 more invalid %2 code units not listed")
                .arg(decoded.badUnitCount - static_cast<qint64>(decoded.badUnits.size()))
                .arg(name));
    summary.warnings += static_cast<qint64>(decoded.badUnits.size());
    summary.encoding = name;
    input.decoded = std::make_shared<const QByteArray>(std::move(decoded.utf8));
    input.bytes = input.decoded.get();
    // Progress counts what the readers read: the UTF-8 text.
    shared.bytesTotal += input.bytes->size() - summary.bytes;
    summary.bytes = input.bytes->size();
    return input.open();
}

// Opens the input and finds its reader, noting the input's size and first bytes in
// `summary`. nullptr when no reader reads the input (a problem says why, unless it
// is only empty).
const InputReader* findReader(Input& input, FileSummary& summary, SharedState& shared, LoadResult& result)
{
    // A database address is no file to open and sniff: its reader connects itself.
    if (!input.bytes && isDatabaseAddress(input.path)) {
        const InputReader& reader = postgresInputReader();
        if (const QString reason = reader.unavailableReason(); !reason.isEmpty()) {
            reportFileProblem(result, input.path, Problem::Severity::Error, reason);
            return nullptr;
        }
        return &reader;
    }
    if (!input.bytes && QFileInfo(input.path).isDir()) {
        reportFileProblem(
            result, input.path, Problem::Severity::Error, QStringLiteral("cannot read: it is a directory"));
        return nullptr;
    }
    input.pin(); // the sniff and every reader see one file, even mid-rotation
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen()) {
        reportFileProblem(result, input.path, Problem::Severity::Error,
            QStringLiteral("cannot read: ") + file->errorString());
        return nullptr;
    }
    summary.bytes = file->size();
    summary.headSignature = file->peek(kHeadSignatureBytes);
    std::unique_ptr<QIODevice> decodedFile;
    if (const TextEncoding encoding = encodingOfBom(summary.headSignature); encoding != TextEncoding::Utf8) {
        decodedFile = openDecoded(input, *file, encoding, summary, shared, result);
        if (!decodedFile)
            return nullptr;
    }
    const Sniff sniff = sniffInput(decodedFile ? *decodedFile : *file, summary.name);
    if (!sniff.reader) {
        summary.readable = sniff.empty;
        if (sniff.empty)
            reportFileProblem(
                result, input.path, Problem::Severity::Warning, QStringLiteral("the file is empty; no runs"));
        else
            reportFileProblem(result, input.path, Problem::Severity::Error, sniff.problem);
        shared.bytesRead += summary.bytes;
        return nullptr;
    }
    if (const QString reason = sniff.reader->unavailableReason(); !reason.isEmpty()) {
        reportFileProblem(result, input.path, Problem::Severity::Error, reason);
        return nullptr;
    }
    return sniff.reader;
}

// Reads one input into `result`: its summary, runs and problems. False when the
// load was cancelled meanwhile.
bool loadInput(Input input, SharedState& shared, LoadResult& result)
{
    FileSummary& summary = result.files.emplace_back();
    const bool isDatabase = !input.bytes && isDatabaseAddress(input.path);
    QString addressError;
    // An address with a password is refused, and never named as typed (see DatabaseAddress).
    if (isDatabase && !DatabaseAddress::parse(input.path, &addressError)) {
        summary.path = summary.name = withoutPassword(input.path);
        reportFileProblem(result, summary.path, Problem::Severity::Error, addressError);
        return true;
    }
    summary.path = input.path;
    // A database's runs are named by its address.
    summary.name = isDatabase ? input.path : QFileInfo(input.path).fileName();
    const InputReader* reader = findReader(input, summary, shared, result);
    if (!reader)
        return true;
    summary.format = reader->formatName();
    Part part;
    summary.readable = reader->read(input, summary.bytes, shared, part);
    if (shared.cancel.load())
        return false;
    appendPart(result, result.files.size() - 1, std::move(part));
    shared.runs = result.dataset.runCount();
    return true;
}

// Reads every input in turn into one result, each file's runs after the last's.
LoadResult loadEveryInput(const std::vector<Input>& inputs, const LoadOptions& options)
{
    SharedState shared;
    shared.options = &options;
    for (const Input& input : inputs)
        shared.bytesTotal += input.size();
    LoadResult result;
    for (const Input& input : inputs) {
        if (!loadInput(input, shared, result)) {
            LoadResult cancelled;
            cancelled.cancelled = true;
            return cancelled;
        }
    }
    if (options.projection.keepsDuplicateKey())
        warnDuplicates(result, firstRunOfEachFile(result.files));
    result.dataset.finish();
    return result;
}

} // namespace

LoadResult loadTimingFiles(const LoadOptions& options)
{
    std::vector<Input> inputs;
    inputs.reserve(static_cast<std::size_t>(options.files.size()));
    for (const QString& path : options.files)
        inputs.push_back({ path });
    return loadEveryInput(inputs, options);
}

LoadResult loadTimingBytes(const QByteArray& bytes, const QString& name, const LoadOptions& options)
{
    return loadEveryInput({ Input { name, &bytes } }, options);
}

qint64 LoadResult::rejectedLines() const
{
    qint64 n = 0;
    for (const auto& f : files)
        n += f.rejectedLines;
    return n;
}

qint64 LoadResult::warningCount() const
{
    return std::count_if(problems.begin(), problems.end(),
        [](const Problem& p) { return p.severity == Problem::Severity::Warning; });
}

bool LoadResult::anyFileUnreadable() const
{
    return std::any_of(files.begin(), files.end(), [](const FileSummary& f) { return !f.readable; });
}

QString LoadResult::summaryLine() const
{
    return QStringLiteral("%1 runs loaded, %2 lines rejected, %3 warnings")
        .arg(dataset.runCount())
        .arg(rejectedLines())
        .arg(warningCount());
}

} // namespace te
