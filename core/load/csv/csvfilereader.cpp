#include "load/csv/csvfilereader.h"

#include "load/src/blockreader.h"
#include "load/csv/csvrecordreader.h"
#include "load/src/recorddraft.h"
#include "util/timestampparser.h"
#include "data/timingkeys.h"

#include <QStringList>
#include <algorithm>
#include <charconv>
#include <simdjson.h>

namespace te::loader {

namespace {

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
            draft.setValue(draft.flatNode(column.target), *value * column.target.toSeconds, columnNumber);
        }
    }

private:
    std::vector<CsvColumn> m_columns;
    char m_delimiter;
    bool m_hasTiming = false;
};

// Reads the file up to `end` (known == nullptr, begin == 0), or the records in
// [begin, end) after a header read before (see readCsvRange).
void readCsvRecords(const Input& input, SharedState& shared, Part& part, bool& headerUsable,
    const CsvHeader* known, qint64 begin, qint64 end)
{
    PartBuilder builder(part, input.path);
    headerUsable = false;
    const std::unique_ptr<QIODevice> file = input.open();
    if (!file->isOpen()) {
        builder.problem(
            Problem::Severity::Error, 0, 0, QStringLiteral("cannot read: ") + file->errorString());
        return;
    }
    BlockReader reader(*file, begin, std::min(end, file->size()), kBlockSize, 0);
    part.completeEnd = begin;
    qint64 got = reader.readMore();
    shared.bytesRead += got;
    char delimiter = ',';
    if (known) {
        delimiter = known->delimiter;
    } else {
        skipBom(reader);
        std::string_view firstLine = reader.unreadView();
        firstLine = firstLine.substr(0, firstLine.find('\n'));
        delimiter = sniffCsvDelimiter(firstLine);
    }
    CsvRecordReader records(delimiter);
    std::optional<CsvRowMapper> mapper;
    const ColumnMapping* mapping = shared.mapping();
    if (known) {
        mapper.emplace(known->fields, mapping, delimiter);
        if (!mapper->hasTimingColumn())
            return;
        headerUsable = true;
    }
    RecordDraft draft;
    draft.setProjection(shared.projection());

    while (true) {
        std::size_t consumed = 0;
        int newlines = 0;
        const auto status = records.next(reader.unreadView(), reader.atEnd(), consumed, newlines);
        if (status == CsvRecordReader::Status::NeedMoreData) {
            if (reader.unreadSize() > kMaxLineBytes) {
                // A runaway quote or a giant line: report it and resynchronise at the next newline.
                builder.problem(Problem::Severity::Error, part.lines + 1, 0,
                    QStringLiteral(
                        "record longer than 16 MiB (an unclosed quote?); skipped to the next line"));
                const auto view = reader.unreadView();
                const auto newline = view.find('\n');
                reader.consume(newline == std::string_view::npos ? view.size() : newline + 1);
                ++part.lines;
                if (newline != std::string_view::npos)
                    part.completeEnd = reader.offset();
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
        const qint64 lineNumber = part.lines + 1;
        if (status == CsvRecordReader::Status::UnterminatedQuote) {
            const auto newline = raw.find('\n');
            if (newline == std::string_view::npos) {
                // Only the last line is open: it may still be being written.
                ++part.lines;
                reader.consume(consumed);
                builder.problem(Problem::Severity::Info, lineNumber, 0,
                    QStringLiteral(
                        "the last line is incomplete (an open quote, no newline yet); not loaded"));
                break;
            }
            // A stray quote would swallow the rest of the file: reject its line, go on.
            builder.problem(Problem::Severity::Error, lineNumber, 0,
                QStringLiteral("a quote that is never closed; the line was skipped"));
            reader.consume(newline + 1);
            ++part.lines;
            part.completeEnd = reader.offset();
            continue;
        }
        const bool unterminated = raw.back() != '\n';
        part.lines += unterminated ? newlines + 1 : newlines;
        reader.consume(consumed);
        if (!unterminated)
            part.completeEnd = reader.offset();

        if (records.fieldCount() == 1 && trimmed(records.field(0)).empty())
            continue; // blank line
        if (!simdjson::validate_utf8(raw.data(), raw.size())) {
            if (mapper)
                builder.problem(Problem::Severity::Error, lineNumber, 0, QStringLiteral("invalid UTF-8"));
            else
                builder.problem(
                    Problem::Severity::Error, 0, 0, QStringLiteral("invalid UTF-8 in the header line"));
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
        builder.problem(Problem::Severity::Error, 0, 0, QStringLiteral("read error: ") + file->errorString());
    if (!mapper && !shared.cancel.load())
        headerUsable = true; // only blank lines: reported as empty by the caller
    part.dataset.finish();
}

} // namespace

void readCsv(const Input& input, qint64 size, SharedState& shared, Part& part, bool& headerUsable)
{
    readCsvRecords(input, shared, part, headerUsable, nullptr, 0, size);
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
        if (records.fieldCount() == 1 && trimmed(records.field(0)).empty())
            continue; // blank line
        header.fields.assign(records.fields().begin(),
            records.fields().begin() + static_cast<std::ptrdiff_t>(records.fieldCount()));
        header.end = reader.offset();
        return header;
    }
}

bool readCsvRange(
    const Input& input, const CsvHeader& header, qint64 begin, qint64 end, SharedState& shared, Part& part)
{
    bool headerUsable = false;
    readCsvRecords(input, shared, part, headerUsable, &header, begin, end);
    return headerUsable;
}

} // namespace te::loader
