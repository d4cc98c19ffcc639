#include "timingloader.h"

#include "blockreader.h"
#include "csvrecordreader.h"
#include "jsonlrecordparser.h"
#include "recorddraft.h"
#include "timestampparser.h"
#include "timingkeys.h"

#include <QFileInfo>

#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <thread>

namespace te {

namespace {

constexpr std::size_t kBlockSize = 1 << 20;
constexpr std::size_t kMaxLineBytes = std::size_t { 16 } << 20;
constexpr qint64 kParallelMinBytes = 8 << 20;
constexpr std::size_t kMaxProblemsPerFile = 100000;

struct SharedState
{
    const LoadOptions* options = nullptr;
    std::atomic<qint64> bytesRead { 0 };
    std::atomic<qint64> runs { 0 };
    std::atomic<bool> cancel { false };
    qint64 bytesTotal = 0;

    // Only the thread that called loadTimingFiles reports progress.
    void report(bool isCallingThread)
    {
        if (!isCallingThread || !options->progress || cancel.load())
            return;
        if (!options->progress({ bytesRead.load(), bytesTotal, runs.load() }))
            cancel = true;
    }
};

/// The runs and problems of one byte range of one file.
struct Part
{
    TimingDataset dataset;
    ProblemList problems;
    qint64 lines = 0;
    qint64 rejected = 0;
    qint64 warnings = 0;
    qint64 droppedProblems = 0;
    qint64 completeEnd = 0; ///< file offset after the last newline seen
    bool lastRunUnterminated = false;
};

class PartBuilder
{
public:
    PartBuilder(Part& part, const QString& file)
        : m_part(part)
        , m_file(file)
    {
    }

    void problem(Problem::Severity severity, qint64 line, int column, QString message, qint64 run = -1)
    {
        if (severity == Problem::Severity::Error)
            ++m_part.rejected;
        else if (severity == Problem::Severity::Warning)
            ++m_part.warnings;
        if (m_part.problems.size() >= kMaxProblemsPerFile) {
            ++m_part.droppedProblems;
            return;
        }
        m_part.problems.push_back({ severity, m_file, line, column, std::move(message), run });
    }

    /// Commits a parsed draft, or reports why it was rejected.
    void finishRecord(RecordDraft& draft, qint64 line, bool unterminated)
    {
        std::optional<std::uint32_t> run;
        if (!draft.isRejected())
            run = draft.commit(m_part.dataset, line, m_warnings);
        if (!run) {
            if (unterminated) {
                problem(Problem::Severity::Info, line, 0,
                        QStringLiteral("the last line is incomplete (no newline yet; it may still be being written) "
                                       "and was not loaded: ")
                            + draft.rejectReason());
            } else {
                problem(Problem::Severity::Error, line, draft.rejectColumn(), draft.rejectReason());
            }
            m_warnings.clear();
            return;
        }
        if (unterminated) {
            m_part.lastRunUnterminated = true;
            m_part.dataset.markWarning(*run);
            m_warnings.push_back(QStringLiteral("the last line has no newline yet; it parsed as a whole record and was kept"));
        }
        for (auto& warning : m_warnings)
            problem(Problem::Severity::Warning, line, 0, std::move(warning), *run);
        m_warnings.clear();
    }

private:
    Part& m_part;
    const QString& m_file;
    std::vector<QString> m_warnings;
};

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

void skipBom(BlockReader& reader)
{
    if (reader.unreadView().substr(0, 3) == kBom)
        reader.consume(3);
}

// ---- JSON Lines ---------------------------------------------------------------

void readJsonlRange(const QString& path, const QString& displayName, qint64 begin, qint64 end, SharedState& shared,
                    bool isCallingThread, Part& part)
{
    PartBuilder builder(part, displayName);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + file.errorString());
        return;
    }
    BlockReader reader(file, begin, end, kBlockSize, JsonlRecordParser::kPadding);
    JsonlRecordParser parser(shared.options->mapping ? &*shared.options->mapping : nullptr);
    RecordDraft draft;
    bool skippingLongLine = false;
    std::uint32_t countedRuns = 0;
    part.completeEnd = begin;

    const auto handleLine = [&](const char* data, std::size_t length, bool unterminated) {
        const qint64 lineNumber = ++part.lines;
        std::string_view line = trimmed({ data, length });
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
        part.completeEnd = reader.offset();
        shared.runs += part.dataset.runCount() - countedRuns;
        countedRuns = part.dataset.runCount();
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
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("read error: ") + file.errorString());
    if (!shared.cancel.load() && reader.unreadSize() > 0 && !skippingLongLine)
        handleLine(reader.unread(), reader.unreadSize(), true);
    else if (skippingLongLine)
        ++part.lines;
    part.dataset.finish();
}

// ---- CSV ----------------------------------------------------------------------

struct CsvColumn
{
    std::string name;
    FlatTarget target;
    bool isTimestamp = false;
};

std::optional<double> parseCsvNumber(std::string_view text, char delimiter)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc() && end == text.data() + text.size())
        return value;
    // Spreadsheets in comma-decimal locales write "34,522" (never with ',' as delimiter).
    if (delimiter != ',' && text.size() < 64 && std::count(text.begin(), text.end(), ',') == 1
        && text.find('.') == std::string_view::npos) {
        char buffer[64];
        std::copy(text.begin(), text.end(), buffer);
        buffer[text.find(',')] = '.';
        const auto [end2, error2] = std::from_chars(buffer, buffer + text.size(), value);
        if (error2 == std::errc() && end2 == buffer + text.size())
            return value;
    }
    return std::nullopt;
}

class CsvRowMapper
{
public:
    CsvRowMapper(const std::vector<std::string>& header, const ColumnMapping* mapping, char delimiter)
        : m_delimiter(delimiter)
    {
        m_columns.resize(header.size());
        for (std::size_t i = 0; i < header.size(); ++i)
            m_columns[i].name = std::string(trimmed(header[i]));
        // Targets point into the names, so they are resolved once the vector is final.
        for (auto& column : m_columns) {
            column.target = resolveFlatKey(column.name, mapping);
            column.isTimestamp = column.name == "timestamp";
            m_hasTiming = m_hasTiming || column.target.isTiming;
        }
    }

    bool hasTimingColumn() const { return m_hasTiming; }
    std::size_t columnCount() const { return m_columns.size(); }

    QString headerNames() const
    {
        QStringList names;
        for (const auto& c : m_columns)
            names.append(QString::fromStdString(c.name));
        return names.join(QStringLiteral(", "));
    }

    void map(const CsvRecordReader& reader, RecordDraft& draft) const
    {
        for (std::size_t i = 0; i < m_columns.size() && !draft.isRejected(); ++i) {
            const CsvColumn& column = m_columns[i];
            const std::string_view text = trimmed(reader.field(i));
            if (text.empty())
                continue;
            const int columnNumber = static_cast<int>(i) + 1;
            if (!column.target.isTiming) {
                if (column.isTimestamp)
                    draft.addTimestamp(column.name, text, parseTimestamp(text));
                else
                    draft.addMetadata(column.name, text);
                continue;
            }
            const auto value = parseCsvNumber(text, m_delimiter);
            if (!value) {
                draft.reject(QStringLiteral("column %1 (%2): \"%3\" is not a number")
                                 .arg(columnNumber)
                                 .arg(QString::fromStdString(column.name),
                                      QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()))),
                             columnNumber);
                return;
            }
            int slot = RecordDraft::kRoot;
            for (int s = 0; s < column.target.segmentCount; ++s)
                slot = draft.node(slot, column.target.segments[static_cast<std::size_t>(s)]);
            draft.setValue(slot, *value * column.target.toSeconds, columnNumber);
        }
    }

private:
    std::vector<CsvColumn> m_columns;
    char m_delimiter;
    bool m_hasTiming = false;
};

void readCsv(const QString& path, const QString& displayName, SharedState& shared, Part& part, bool& headerUsable)
{
    PartBuilder builder(part, displayName);
    headerUsable = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + file.errorString());
        return;
    }
    BlockReader reader(file, 0, file.size(), kBlockSize, 0);
    qint64 got = reader.readMore();
    shared.bytesRead += got;
    skipBom(reader);
    std::string_view firstLine = reader.unreadView();
    firstLine = firstLine.substr(0, firstLine.find('\n'));
    const char delimiter = sniffCsvDelimiter(firstLine);
    CsvRecordReader records(delimiter);
    std::optional<CsvRowMapper> mapper;
    const ColumnMapping* mapping = shared.options->mapping ? &*shared.options->mapping : nullptr;
    RecordDraft draft;

    while (true) {
        std::size_t consumed = 0;
        int newlines = 0;
        const auto status = records.next(reader.unreadView(), reader.atEnd(), consumed, newlines);
        if (status == CsvRecordReader::Status::NeedMoreData) {
            if (reader.unreadSize() > kMaxLineBytes) {
                // A runaway quote or a giant line: report it and resynchronise at the next newline.
                builder.problem(Problem::Severity::Error, part.lines + 1, 0,
                                QStringLiteral("record longer than 16 MiB (an unclosed quote?); skipped to the next line"));
                const auto view = reader.unreadView();
                const auto newline = view.find('\n');
                reader.consume(newline == std::string_view::npos ? view.size() : newline + 1);
                ++part.lines;
                continue;
            }
            got = reader.readMore();
            shared.bytesRead += got;
            shared.report(true);
            if (shared.cancel.load())
                break;
            if (got == 0 && !reader.atEnd())
                break;
            continue;
        }
        if (consumed == 0)
            break; // nothing left
        const std::string_view raw = reader.unreadView().substr(0, consumed);
        const bool unterminated = raw.back() != '\n';
        const qint64 lineNumber = part.lines + 1;
        part.lines += unterminated ? 1 : newlines;
        reader.consume(consumed);
        if (!unterminated)
            part.completeEnd = reader.offset();

        if (status == CsvRecordReader::Status::UnterminatedQuote) {
            builder.problem(Problem::Severity::Info, lineNumber, 0,
                            QStringLiteral("the last record is incomplete (an open quote at the end of the file); "
                                           "not loaded"));
            break;
        }
        if (records.fieldCount() == 1 && trimmed(records.field(0)).empty())
            continue; // blank line
        if (!simdjson::validate_utf8(raw.data(), raw.size())) {
            if (mapper)
                builder.problem(Problem::Severity::Error, lineNumber, 0, QStringLiteral("invalid UTF-8"));
            else
                builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("invalid UTF-8 in the header line"));
            if (!mapper)
                return;
            continue;
        }
        if (!mapper) {
            std::vector<std::string> header(records.fields().begin(),
                                            records.fields().begin() + static_cast<std::ptrdiff_t>(records.fieldCount()));
            mapper.emplace(header, mapping, delimiter);
            if (!mapper->hasTimingColumn()) {
                builder.problem(Problem::Severity::Error, 0, 0,
                                QStringLiteral("no timing column in the CSV header (%1); expected columns such as "
                                               "total_seconds or phase1_total_seconds, or a --mapping file")
                                    .arg(mapper->headerNames()));
                return;
            }
            headerUsable = true;
            continue;
        }
        if (records.fieldCount() != mapper->columnCount()) {
            builder.problem(Problem::Severity::Error, lineNumber, 0,
                            QStringLiteral("the row has %1 fields, the header has %2")
                                .arg(records.fieldCount())
                                .arg(mapper->columnCount()));
            continue;
        }
        draft.reset();
        mapper->map(records, draft);
        builder.finishRecord(draft, lineNumber, unterminated);
    }
    if (reader.failed())
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("read error: ") + file.errorString());
    if (!mapper && !shared.cancel.load())
        headerUsable = true; // only blank lines: reported as empty by the caller
    part.dataset.finish();
}

bool cpuCanParseJsonl()
{
#if defined(TIMING_EXPLORER_JSONL_AVX2)
    static const bool supported = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("pclmul");
    }();
    return supported;
#else
    return true;
#endif
}

// ---- files ----------------------------------------------------------------------

struct Sniff
{
    InputFormat format = InputFormat::Unknown;
    QString problem; // set when the file cannot be used at all
    bool empty = false;
};

Sniff sniffFile(QFile& file)
{
    Sniff sniff;
    const QByteArray head = file.read(64 * 1024);
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
std::vector<qint64> splitPoints(const QString& path, qint64 size, int parts)
{
    std::vector<qint64> points { 0 };
    QFile file(path);
    if (parts > 1 && file.open(QIODevice::ReadOnly)) {
        for (int k = 1; k < parts; ++k) {
            const qint64 guess = size * k / parts;
            if (guess <= points.back() || !file.seek(guess))
                continue;
            const QByteArray probe = file.read(kMaxLineBytes + 1);
            const auto newline = probe.indexOf('\n');
            if (newline < 0)
                break;
            points.push_back(guess + newline + 1);
        }
    }
    points.push_back(size);
    return points;
}

void mergePart(Part& into, Part&& part)
{
    const qint64 lineOffset = into.lines;
    const qint64 runOffset = into.dataset.runCount();
    part.dataset.shiftLines(lineOffset);
    for (auto& problem : part.problems) {
        if (problem.line > 0)
            problem.line += lineOffset;
        if (problem.run >= 0)
            problem.run += runOffset;
    }
    into.dataset.append(part.dataset);
    part.dataset = TimingDataset(); // frees the part before the next one is appended
    into.problems.insert(into.problems.end(), std::make_move_iterator(part.problems.begin()),
                         std::make_move_iterator(part.problems.end()));
    into.lines += part.lines;
    into.rejected += part.rejected;
    into.warnings += part.warnings;
    into.droppedProblems += part.droppedProblems;
    into.completeEnd = part.completeEnd;
    into.lastRunUnterminated = part.lastRunUnterminated;
}

Part readJsonlFile(const QString& path, const QString& displayName, qint64 size, SharedState& shared)
{
    int threads = shared.options->threads > 0 ? shared.options->threads
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (size < kParallelMinBytes || path.startsWith(u':'))
        threads = 1;
    const std::vector<qint64> points = splitPoints(path, size, threads);
    const std::size_t partCount = points.size() - 1;
    std::vector<Part> parts(partCount);
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < partCount; ++i) {
        workers.emplace_back([&, i] {
            readJsonlRange(path, displayName, points[i], points[i + 1], shared, false, parts[i]);
        });
    }
    readJsonlRange(path, displayName, points[0], points[1], shared, true, parts[0]);
    for (auto& worker : workers)
        worker.join();
    for (std::size_t i = 1; i < partCount; ++i)
        mergePart(parts[0], std::move(parts[i]));
    return std::move(parts[0]);
}

QString sourceNameOf(const QString& path)
{
    return QFileInfo(path).fileName();
}

void fillMissingSource(TimingDataset& dataset, const QString& source)
{
    const QByteArray utf8 = source.toUtf8();
    for (std::uint32_t run = 0; run < dataset.runCount(); ++run) {
        if (dataset.field(TimingDataset::Source).code(run) == 0)
            dataset.setField(run, TimingDataset::Source, { utf8.constData(), static_cast<std::size_t>(utf8.size()) });
    }
}

// Keeps every duplicate but warns on the later ones: a rerun is not an error, yet
// it would count a registration twice in the statistics.
void warnDuplicates(LoadResult& result, const std::vector<std::uint32_t>& firstRunOfFile)
{
    const TimingDataset& data = result.dataset;
    struct Key
    {
        std::uint32_t id;
        qint64 timestamp;
        std::uint32_t model, run;
    };
    std::vector<Key> keys;
    keys.reserve(data.runCount());
    const FieldColumn& ids = data.field(TimingDataset::RegistrationId);
    const FieldColumn& models = data.field(TimingDataset::Model);
    for (std::uint32_t run = 0; run < data.runCount(); ++run) {
        if (const auto id = ids.code(run))
            keys.push_back({ id, data.timestampMs(run), models.code(run), run });
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.id, a.timestamp, a.model, a.run) < std::tie(b.id, b.timestamp, b.model, b.run);
    });
    const auto fileOf = [&](std::uint32_t run) {
        const auto it = std::upper_bound(firstRunOfFile.begin(), firstRunOfFile.end(), run);
        return static_cast<std::size_t>(it - firstRunOfFile.begin()) - 1;
    };
    for (std::size_t i = 1; i < keys.size(); ++i) {
        const Key& a = keys[i - 1];
        const Key& b = keys[i];
        if (a.id != b.id || a.timestamp != b.timestamp || a.model != b.model)
            continue;
        FileSummary& file = result.files[fileOf(b.run)];
        const FileSummary& original = result.files[fileOf(a.run)];
        ++file.warnings;
        result.dataset.markWarning(b.run);
        result.problems.push_back({ Problem::Severity::Warning, file.path, data.line(b.run), 0,
                                    QStringLiteral("duplicate of %1:%2 (same registration_id, timestamp and model)")
                                        .arg(original.name)
                                        .arg(data.line(a.run)),
                                    b.run });
    }
}

} // namespace

LoadResult loadTimingFiles(const LoadOptions& options)
{
    LoadResult result;
    SharedState shared;
    shared.options = &options;
    for (const QString& path : options.files)
        shared.bytesTotal += QFileInfo(path).size();

    for (const QString& path : options.files) {
        FileSummary summary;
        summary.path = path;
        summary.name = sourceNameOf(path);
        const QString& displayName = path;
        const auto fileProblem = [&](Problem::Severity severity, const QString& message) {
            result.problems.push_back({ severity, displayName, 0, 0, message, -1 });
        };
        QFile file(path);
        if (QFileInfo(path).isDir()) {
            fileProblem(Problem::Severity::Error, QStringLiteral("cannot read: it is a directory"));
            result.files.push_back(summary);
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            fileProblem(Problem::Severity::Error, QStringLiteral("cannot read: ") + file.errorString());
            result.files.push_back(summary);
            continue;
        }
        summary.bytes = file.size();
        const Sniff sniff = sniffFile(file);
        file.close();
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
            part = readJsonlFile(path, displayName, summary.bytes, shared);
        } else {
            bool headerUsable = true;
            readCsv(path, displayName, shared, part, headerUsable);
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
        part.dataset = TimingDataset();
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
    warnDuplicates(result, firstRun);
    result.dataset.finish();
    return result;
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
