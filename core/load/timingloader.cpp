#include "load/timingloader.h"

#include "load/csv/csvfilereader.h"
#include "load/src/duplicatecheck.h"
#include "load/appendnewlines.h"
#include "load/jsonl/jsonlfilereader.h"
#include "load/src/loadpart.h"

#include <QFileInfo>
#include <algorithm>

namespace te {

using namespace loader;

namespace {

struct Sniff
{
    InputFormat format = InputFormat::Unknown;
    QString problem; // set when the file cannot be used at all
    bool empty = false;
};

Sniff sniffFile(QIODevice& file)
{
    Sniff sniff;
    // read(n) allocates n bytes up front: a small file (or a fuzz input) does not
    // need a 64 KiB buffer.
    const QByteArray head = file.read(std::min<qint64>(64 * 1024, file.size()));
    std::string_view view(head.constData(), static_cast<std::size_t>(head.size()));
    if (view.substr(0, 3) == kBom)
        view.remove_prefix(3);
    if (view.find('\0') != std::string_view::npos) {
        sniff.problem = QStringLiteral("a binary file (it contains NUL bytes), not timing data");
        return sniff;
    }
    const auto first = view.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        sniff.empty = true;
        return sniff;
    }
    if (view[first] == '{')
        sniff.format = InputFormat::JsonLines;
    else if (view[first] == '[')
        sniff.problem = QStringLiteral("a JSON array; expected JSON Lines (one JSON object per line) or CSV");
    else
        sniff.format = InputFormat::Csv;
    return sniff;
}

// Offsets where the file may be split so that every part starts at a line start.

QString sourceNameOf(const QString& path)
{
    return QFileInfo(path).fileName();
}

void fillMissingSource(TimingDataset& dataset, const QString& source)
{
    const QByteArray utf8 = source.toUtf8();
    dataset.fillField(TimingDataset::Source, { utf8.constData(), static_cast<std::size_t>(utf8.size()) });
}

// Keeps every duplicate but warns on the later ones: a rerun is not an error, yet
// it would count a registration twice in the statistics. One pass over a flat
// open-addressing table of run indices, keyed by (registration_id, timestamp, model).

LoadResult loadInputs(const std::vector<Input>& inputs, const LoadOptions& options)
{
    LoadResult result;
    SharedState shared;
    shared.options = &options;
    for (const Input& input : inputs)
        shared.bytesTotal += input.size();

    for (const Input& given : inputs) {
        Input input = given;
        const QString& path = input.path;
        FileSummary summary;
        summary.path = path;
        summary.name = sourceNameOf(path);
        const QString& displayName = path;
        const auto fileProblem = [&](Problem::Severity severity, const QString& message) {
            result.problems.push_back({ severity, displayName, 0, 0, message, -1 });
        };
        if (!input.bytes && QFileInfo(path).isDir()) {
            fileProblem(Problem::Severity::Error, QStringLiteral("cannot read: it is a directory"));
            result.files.push_back(summary);
            continue;
        }
        input.pin(); // the sniff and every reader see one file, even mid-rotation
        std::unique_ptr<QIODevice> file = input.open();
        if (!file->isOpen()) {
            fileProblem(Problem::Severity::Error, QStringLiteral("cannot read: ") + file->errorString());
            result.files.push_back(summary);
            continue;
        }
        summary.bytes = file->size();
        summary.headSignature = file->peek(kHeadSignatureBytes);
        const Sniff sniff = sniffFile(*file);
        file.reset();
        if (!sniff.problem.isEmpty() || sniff.empty) {
            summary.readable = sniff.empty;
            if (sniff.empty)
                fileProblem(Problem::Severity::Warning, QStringLiteral("the file is empty; no runs"));
            else
                fileProblem(Problem::Severity::Error, sniff.problem);
            shared.bytesRead += summary.bytes;
            result.files.push_back(summary);
            continue;
        }
        if (sniff.format == InputFormat::JsonLines && !cpuCanParseJsonl()) {
            fileProblem(Problem::Severity::Error,
                QStringLiteral("this build reads JSON Lines with AVX2 instructions, which this CPU lacks; "
                               "rebuild with -DTIMING_EXPLORER_AVX2=OFF"));
            result.files.push_back(summary);
            continue;
        }
        summary.format = sniff.format;
        summary.readable = true;
        Part part;
        if (sniff.format == InputFormat::JsonLines) {
            readJsonlFile(input, summary.bytes, shared, part);
        } else {
            bool headerUsable = true;
            readCsv(input, summary.bytes, shared, part, headerUsable);
            summary.readable = headerUsable;
        }
        if (shared.cancel.load()) {
            result = LoadResult();
            result.cancelled = true;
            return result;
        }
        if (part.droppedProblems > 0) {
            part.problems.push_back({ Problem::Severity::Info, displayName, 0, 0,
                QStringLiteral("%1 more problems not listed").arg(part.droppedProblems), -1 });
        }
        fillMissingSource(part.dataset, summary.name);
        summary.lines = part.lines;
        summary.runs = part.dataset.runCount();
        summary.rejectedLines = part.rejected;
        summary.warnings = part.warnings;
        summary.completeBytes = part.completeEnd;
        summary.lastRunUnterminated = part.lastRunUnterminated;
        const qint64 runOffset = result.dataset.runCount();
        for (auto& problem : part.problems) {
            if (problem.run >= 0)
                problem.run += runOffset;
        }
        if (result.dataset.runCount() == 0)
            result.dataset = std::move(part.dataset);
        else
            result.dataset.append(part.dataset);
        result.problems.insert(result.problems.end(), std::make_move_iterator(part.problems.begin()),
            std::make_move_iterator(part.problems.end()));
        result.files.push_back(summary);
        shared.runs = result.dataset.runCount();
    }
    // Files that produced no runs still need an entry so the lookup stays aligned.
    std::vector<std::uint32_t> firstRun;
    {
        std::uint32_t next = 0;
        for (const auto& file : result.files) {
            firstRun.push_back(next);
            next += static_cast<std::uint32_t>(file.runs);
        }
    }
    const LoadProjection& projection = options.projection;
    if (projection.keepsField("registration_id") && projection.keepsField("timestamp")
        && projection.keepsField("model"))
        warnDuplicates(result, firstRun);
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
    return loadInputs(inputs, options);
}

LoadResult loadTimingBytes(const QByteArray& bytes, const QString& name, const LoadOptions& options)
{
    return loadInputs({ Input { name, &bytes } }, options);
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

QString formatName(InputFormat format)
{
    switch (format) {
    case InputFormat::JsonLines:
        return QStringLiteral("JSON Lines");
    case InputFormat::Csv:
        return QStringLiteral("CSV");
    case InputFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace te
