#include "load/csv/csvfilereader.h"

#include "load/csv/csvrecordreader.h"
#include "load/csv/csvrowmapper.h"
#include "load/src/blockreader.h"
#include "load/src/recorddraft.h"

#include <algorithm>
#include <simdjson.h>

namespace te::loader {

namespace {

// The fields of the record `records` holds, copied out of its reused buffers.
std::vector<std::string> recordFields(const CsvRecordReader& records)
{
    const auto& fields = records.fields();
    return { fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(records.fieldCount()) };
}

// Reads one byte range of a CSV file into a Part: its header first, unless it was
// read before, then the rows after it.
class CsvRangeReader
{
public:
    CsvRangeReader(const Input& input, SharedState& shared, Part& part)
        : m_input(input)
        , m_shared(shared)
        , m_part(part)
        , m_builder(part, input.path)
    { }

    /// Reads [begin, end) after `known`, the header read before, or from the file's
    /// start (`begin` 0) when it is nullptr. True when the header is usable.
    bool read(const CsvHeader* known, qint64 begin, qint64 end);

private:
    // What reading does after a step: read the next record, stop and finish the
    // part, or abandon the file (its header cannot be used).
    enum class Next
    {
        Record,
        Finish,
        Abandon
    };

    bool start(const CsvHeader* known, qint64 begin, qint64 end);
    Next step();
    Next onNeedMoreData();
    void skipOverlongRecord();
    Next onUnclosedQuote(std::size_t consumed);
    Next onRecord(std::size_t consumed, int newlines);
    Next takeHeader(std::string_view raw);
    void takeRow(std::string_view raw, qint64 lineNumber, bool unterminated);

    const Input& m_input;
    SharedState& m_shared;
    Part& m_part;
    PartBuilder m_builder;
    std::unique_ptr<QIODevice> m_file;
    std::optional<BlockReader> m_reader;
    char m_delimiter = ',';
    std::optional<CsvRecordReader> m_records;
    std::optional<CsvRowMapper> m_mapper;
    RecordDraft m_draft;
    bool m_headerUsable = false;
    bool m_sawRow = false; ///< a line after the header, kept or not
};

bool CsvRangeReader::read(const CsvHeader* known, qint64 begin, qint64 end)
{
    if (!start(known, begin, end))
        return false;
    Next next = Next::Record;
    while (next == Next::Record)
        next = step();
    if (next == Next::Abandon)
        return false;
    if (m_reader->failed())
        m_builder.problem(
            Problem::Severity::Error, 0, 0, QStringLiteral("read error: ") + m_file->errorString());
    if (!m_mapper && !m_shared.cancel.load())
        m_headerUsable = true; // only blank lines: reported as empty by the caller
    // Named at the line where a row was expected, so rows appended later replace it.
    if (!known && m_mapper && m_headerUsable && !m_sawRow && m_part.rejected == 0 && !m_shared.cancel.load())
        m_builder.problem(Problem::Severity::Warning, m_part.lines + 1, 0,
            QStringLiteral("the file has a CSV header but no rows; no runs"));
    m_part.dataset.finish();
    return m_headerUsable;
}

// Opens the file, reads its first block and settles the delimiter and, when it was
// read before, the header. False when there is nothing to read by them.
bool CsvRangeReader::start(const CsvHeader* known, qint64 begin, qint64 end)
{
    m_file = m_input.open();
    if (!m_file->isOpen()) {
        m_builder.problem(
            Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + m_file->errorString());
        return false;
    }
    m_reader.emplace(*m_file, begin, std::min(end, m_file->size()), kBlockSize, 0);
    m_part.completeEnd = begin;
    m_shared.bytesRead += m_reader->readMore();
    m_draft.setProjection(m_shared.projection());
    if (!known) {
        skipBom(*m_reader);
        const std::string_view firstBlock = m_reader->unreadView();
        m_delimiter = sniffCsvDelimiter(firstBlock.substr(0, firstBlock.find('\n')));
        m_records.emplace(m_delimiter);
        return true;
    }
    m_delimiter = known->delimiter;
    m_records.emplace(m_delimiter);
    m_mapper.emplace(known->fields, m_shared.mapping(), m_delimiter);
    m_headerUsable = m_mapper->hasTimingColumn();
    return m_headerUsable;
}

CsvRangeReader::Next CsvRangeReader::step()
{
    std::size_t consumed = 0;
    int newlines = 0;
    const auto status = m_records->next(m_reader->unreadView(), m_reader->atEnd(), consumed, newlines);
    if (status == CsvRecordReader::Status::NeedMoreData)
        return onNeedMoreData();
    if (consumed == 0)
        return Next::Finish; // nothing left
    if (status == CsvRecordReader::Status::UnterminatedQuote)
        return onUnclosedQuote(consumed);
    return onRecord(consumed, newlines);
}

CsvRangeReader::Next CsvRangeReader::onNeedMoreData()
{
    if (m_reader->unreadSize() > kMaxLineBytes) {
        skipOverlongRecord();
        return Next::Record;
    }
    const qint64 got = m_reader->readMore();
    m_shared.bytesRead += got;
    m_shared.report(true);
    if (m_shared.cancel.load() || (got == 0 && !m_reader->atEnd()))
        return Next::Finish;
    return Next::Record;
}

// A runaway quote or a giant line: reported, and read on from the next newline.
void CsvRangeReader::skipOverlongRecord()
{
    m_builder.problem(Problem::Severity::Error, m_part.lines + 1, 0,
        QStringLiteral("record longer than 16 MiB (an unclosed quote?); skipped to the next line"));
    const std::string_view view = m_reader->unreadView();
    const auto newline = view.find('\n');
    m_reader->consume(newline == std::string_view::npos ? view.size() : newline + 1);
    ++m_part.lines;
    if (newline != std::string_view::npos)
        m_part.completeEnd = m_reader->offset();
}

CsvRangeReader::Next CsvRangeReader::onUnclosedQuote(std::size_t consumed)
{
    const std::string_view raw = m_reader->unreadView().substr(0, consumed);
    const qint64 lineNumber = m_part.lines + 1;
    const auto newline = raw.find('\n');
    if (newline == std::string_view::npos) {
        // Only the last line is open: it may still be being written.
        ++m_part.lines;
        m_reader->consume(consumed);
        m_builder.problem(Problem::Severity::Info, lineNumber, 0,
            QStringLiteral("the last line is incomplete (an open quote, no newline yet); not loaded"));
        return Next::Finish;
    }
    // A stray quote would swallow the rest of the file: reject its line, go on.
    m_builder.problem(Problem::Severity::Error, lineNumber, 0,
        QStringLiteral("a quote that is never closed; the line was skipped"));
    m_reader->consume(newline + 1);
    ++m_part.lines;
    m_part.completeEnd = m_reader->offset();
    return Next::Record;
}

CsvRangeReader::Next CsvRangeReader::onRecord(std::size_t consumed, int newlines)
{
    // Stays readable after consume(): only readMore() moves the buffer.
    const std::string_view raw = m_reader->unreadView().substr(0, consumed);
    const qint64 lineNumber = m_part.lines + 1;
    const bool unterminated = raw.back() != '\n';
    m_part.lines += unterminated ? newlines + 1 : newlines;
    m_reader->consume(consumed);
    if (!unterminated)
        m_part.completeEnd = m_reader->offset();
    if (m_records->fieldCount() == 1 && trimSpaceTabCr(m_records->field(0)).empty())
        return Next::Record; // blank line
    if (!m_mapper)
        return takeHeader(raw);
    takeRow(raw, lineNumber, unterminated);
    return Next::Record;
}

CsvRangeReader::Next CsvRangeReader::takeHeader(std::string_view raw)
{
    if (!simdjson::validate_utf8(raw.data(), raw.size())) {
        m_builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("invalid UTF-8 in the header line"));
        return Next::Abandon;
    }
    m_mapper.emplace(recordFields(*m_records), m_shared.mapping(), m_delimiter);
    if (!m_mapper->hasTimingColumn()) {
        m_builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("no timing column in the CSV header (%1); expected columns such as "
                           "total_seconds or phase1_total_seconds, or a --mapping file")
                .arg(m_mapper->headerNames()));
        return Next::Abandon;
    }
    m_headerUsable = true;
    return Next::Record;
}

void CsvRangeReader::takeRow(std::string_view raw, qint64 lineNumber, bool unterminated)
{
    m_sawRow = true;
    if (!simdjson::validate_utf8(raw.data(), raw.size())) {
        m_builder.problem(Problem::Severity::Error, lineNumber, 0, QStringLiteral("invalid UTF-8"));
        return;
    }
    if (m_records->fieldCount() != m_mapper->columnCount()) {
        m_builder.problem(Problem::Severity::Error, lineNumber, 0,
            QStringLiteral("the row has %1 fields, the header has %2")
                .arg(m_records->fieldCount())
                .arg(m_mapper->columnCount()));
        return;
    }
    m_draft.reset();
    m_mapper->map(*m_records, m_draft);
    m_builder.finishRecord(m_draft, lineNumber, unterminated);
}

} // namespace

bool readCsv(const Input& input, qint64 size, SharedState& shared, Part& part)
{
    return CsvRangeReader(input, shared, part).read(nullptr, 0, size);
}

std::optional<CsvHeader> readCsvHeader(const Input& input)
{
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen())
        return std::nullopt;
    // Small blocks: a follower reads the header, not readCsv's first MiB.
    BlockReader reader(*file, 0, file->size(), 4096, 0);
    reader.readMore();
    skipBom(reader);
    // readCsv sniffs the delimiter from the first line of its first block.
    while (reader.unreadView().find('\n') == std::string_view::npos) {
        if (reader.atEnd() || reader.offset() + static_cast<qint64>(reader.unreadSize()) >= qint64(kBlockSize)
            || reader.readMore() == 0)
            return std::nullopt;
    }
    const std::string_view view = reader.unreadView();
    if (reader.offset() + static_cast<qint64>(view.find('\n')) >= qint64(kBlockSize))
        return std::nullopt;
    CsvHeader header;
    header.delimiter = sniffCsvDelimiter(view.substr(0, view.find('\n')));
    CsvRecordReader records(header.delimiter);
    while (true) {
        std::size_t consumed = 0;
        int newlines = 0;
        const auto status = records.next(reader.unreadView(), reader.atEnd(), consumed, newlines);
        if (status == CsvRecordReader::Status::NeedMoreData) {
            if (reader.unreadSize() > kMaxLineBytes || reader.readMore() == 0)
                return std::nullopt;
            continue;
        }
        const std::string_view raw = reader.unreadView().substr(0, consumed);
        // Only a complete, valid header; anything else is left to a full load.
        if (consumed == 0 || status == CsvRecordReader::Status::UnterminatedQuote || raw.back() != '\n'
            || !simdjson::validate_utf8(raw.data(), raw.size()))
            return std::nullopt;
        reader.consume(consumed);
        if (records.fieldCount() == 1 && trimSpaceTabCr(records.field(0)).empty())
            continue; // blank line
        header.fields = recordFields(records);
        header.end = reader.offset();
        return header;
    }
}

bool readCsvRange(
    const Input& input, const CsvHeader& header, qint64 begin, qint64 end, SharedState& shared, Part& part)
{
    return CsvRangeReader(input, shared, part).read(&header, begin, end);
}

} // namespace te::loader
