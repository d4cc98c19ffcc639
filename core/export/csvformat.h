#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringView>

namespace te {

/// How an exported CSV file is spelled. The defaults open correctly in Excel,
/// LibreOffice and pandas alike: UTF-8 with a BOM, `,` and `.`, LF line ends.
struct CsvFormat
{
    enum class Timestamps
    {
        Iso, ///< "2025-01-14T10:30:00.123Z"
        Excel ///< "2025-01-14 10:30:00" in UTC (milliseconds dropped): Excel reads it as a date-time
    };
    enum class Headers
    {
        Machine, ///< "phase1_agent_conversation_seconds": the legacy column names, read back by the loader
        Readable ///< "Phase 1 · agent conversation (s)"
    };

    QChar delimiter = u',';
    QChar decimal = u'.'; ///< '.' or ','
    int precision = 3; ///< decimals of every non-integer number, 0..12
    bool milliseconds = false; ///< durations in ms instead of seconds
    bool bom = true; ///< a UTF-8 byte order mark first, so Excel reads UTF-8
    bool crlf = false;
    /// OWASP CSV injection: a text cell starting with = + - @ tab or CR gets a
    /// leading apostrophe. Numbers are never altered (see CsvRowWriter::addText).
    bool injectionGuard = true;
    Timestamps timestamps = Timestamps::Iso;
    Headers headers = Headers::Machine;

    bool operator==(const CsvFormat&) const = default;

    /// Why the format cannot be written ("the delimiter cannot be ..."), empty when it can.
    QString validate() const;
};

/// Builds the bytes of CSV rows in UTF-8, as `format` says: RFC 4180 quoting (a
/// cell is quoted when it holds the delimiter, a quote, CR or LF; quotes doubled),
/// numbers with `precision` decimals and the decimal separator and never a
/// thousands separator, the injection guard on text cells. A missing value (NaN)
/// is an empty cell.
class CsvRowWriter
{
public:
    explicit CsvRowWriter(const CsvFormat& format);

    /// Metadata, names, paths: guarded, then quoted as needed. With the guard on,
    /// a text that is a plain decimal number in full ("-5", "+3.25", "1e-3") is
    /// left alone: a spreadsheet reads it as that number and nothing in it can
    /// run, while "-2+3" or "=cmd" gets the apostrophe.
    void addText(QStringView text);
    void addDuration(double seconds); ///< seconds, or ms when the format says so
    void addNumber(double value); ///< a plain number (a ratio), `precision` decimals
    void addInteger(qint64 value);
    void addTimestamp(qint64 msSinceEpoch); ///< ISO 8601 or Excel's form, always UTC
    void endRow();

    /// The cells added since the last endRow(), delimited, guarded and quoted; with
    /// addCells() a caller formats cells repeated on many rows once.
    const QString& pendingCells() const { return m_row; }
    int pendingCellCount() const { return m_cells; }
    void addCells(const QString& cells, int count);
    void discardRow();

    /// The bytes built so far; the caller may take and clear them between rows.
    QByteArray& bytes() { return m_bytes; }

    static QByteArray byteOrderMark();
    /// True for the text addText() leaves unguarded although it starts with + or -.
    static bool isPlainNumber(QStringView text);

private:
    void addCell(QStringView cell);
    QString formatFixed(double value) const;

    CsvFormat m_format;
    QString m_row;
    int m_cells = 0; ///< in the current row
    QByteArray m_bytes;
};

} // namespace te
