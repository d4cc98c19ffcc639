#include "export/csvformat.h"

#include "util/timestampformat.h"

#include <cmath>

namespace te {

QString CsvFormat::validate() const
{
    if (delimiter == u'"' || delimiter == u'\r' || delimiter == u'\n' || delimiter.isNull())
        return QStringLiteral("the delimiter cannot be a quote, CR, LF or NUL");
    if (decimal != u'.' && decimal != u',')
        return QStringLiteral("the decimal separator must be '.' or ','");
    if (precision < 0 || precision > 12)
        return QStringLiteral("the precision must be 0 to 12 decimals");
    return {};
}

CsvRowWriter::CsvRowWriter(const CsvFormat& format)
    : m_format(format)
{ }

QByteArray CsvRowWriter::byteOrderMark()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

bool CsvRowWriter::isPlainNumber(QStringView text)
{
    qsizetype i = 0;
    const qsizetype size = text.size();
    if (i < size && (text[i] == u'+' || text[i] == u'-'))
        ++i;
    qsizetype digits = 0;
    bool separatorSeen = false;
    for (; i < size; ++i) {
        if (text[i] >= u'0' && text[i] <= u'9')
            ++digits;
        else if ((text[i] == u'.' || text[i] == u',') && !separatorSeen)
            separatorSeen = true;
        else
            break;
    }
    if (digits == 0)
        return false;
    if (i < size && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < size && (text[i] == u'+' || text[i] == u'-'))
            ++i;
        qsizetype exponentDigits = 0;
        for (; i < size && text[i] >= u'0' && text[i] <= u'9'; ++i)
            ++exponentDigits;
        if (exponentDigits == 0)
            return false;
    }
    return i == size;
}

void CsvRowWriter::addCell(QStringView cell)
{
    if (m_cells++ > 0)
        m_row += m_format.delimiter;
    bool quote = false;
    for (const QChar c : cell) {
        if (c == m_format.delimiter || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        m_row += cell;
        return;
    }
    m_row += u'"';
    for (const QChar c : cell) {
        if (c == u'"')
            m_row += u'"';
        m_row += c;
    }
    m_row += u'"';
}

void CsvRowWriter::addText(QStringView text)
{
    if (m_format.injectionGuard && !text.isEmpty()) {
        const QChar first = text.front();
        const bool risky = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
            || first == u'\r';
        if (risky && !isPlainNumber(text)) {
            addCell(QString(u'\'' + text));
            return;
        }
    }
    addCell(text);
}

QString CsvRowWriter::formatFixed(double value) const
{
    if (value == 0)
        value = 0; // no "-0.000"
    QString text = QString::number(value, 'f', m_format.precision);
    if (m_format.decimal != u'.')
        text.replace(u'.', m_format.decimal);
    return text;
}

void CsvRowWriter::addDuration(double seconds)
{
    addNumber(m_format.milliseconds ? seconds * 1000.0 : seconds);
}

void CsvRowWriter::addNumber(double value)
{
    addCell(std::isfinite(value) ? formatFixed(value) : QString());
}

void CsvRowWriter::addInteger(qint64 value)
{
    addCell(QString::number(value));
}

void CsvRowWriter::addTimestamp(qint64 msSinceEpoch)
{
    QString text = formatTimestampIso(msSinceEpoch);
    if (m_format.timestamps == CsvFormat::Timestamps::Excel) {
        text.truncate(19); // "2025-01-14T10:30:00"
        text[10] = u' ';
    }
    addCell(text);
}

void CsvRowWriter::addCells(const QString& cells, int count)
{
    if (count == 0)
        return;
    if (m_cells > 0)
        m_row += m_format.delimiter;
    m_row += cells;
    m_cells += count;
}

void CsvRowWriter::discardRow()
{
    m_row.clear();
    m_cells = 0;
}

void CsvRowWriter::endRow()
{
    if (m_cells == 1 && m_row.isEmpty())
        m_row = QStringLiteral("\"\""); // one empty cell, not a blank line that readers skip
    m_row += m_format.crlf ? QStringView(u"\r\n") : QStringView(u"\n");
    m_bytes += m_row.toUtf8();
    m_row.clear();
    m_cells = 0;
}

} // namespace te
