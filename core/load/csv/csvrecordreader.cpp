#include "load/csv/csvrecordreader.h"

namespace te {

char sniffCsvDelimiter(std::string_view headerLine)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const char c : headerLine) {
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == ',')
            ++commas;
        else if (c == ';')
            ++semicolons;
        else if (c == '\t')
            ++tabs;
    }
    if (tabs > commas && tabs > semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

std::string& CsvRecordReader::nextField()
{
    if (m_fieldCount == m_fields.size())
        m_fields.emplace_back();
    std::string& f = m_fields[m_fieldCount++];
    f.clear();
    return f;
}

CsvRecordReader::Status CsvRecordReader::next(
    std::string_view data, bool atEnd, std::size_t& consumed, int& newlines)
{
    m_fieldCount = 0;
    newlines = 0;
    std::size_t i = 0;
    std::string* field = &nextField();
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    while (i < data.size()) {
        const char c = data[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    *field += '"';
                    i += 2;
                    continue;
                }
                if (i + 1 == data.size() && !atEnd)
                    return Status::NeedMoreData; // cannot tell "" from " yet
                inQuotes = false;
            } else {
                if (c == '\n')
                    ++newlines;
                *field += c;
            }
            ++i;
            continue;
        }
        if (c == m_delimiter) {
            field = &nextField();
            fieldWasQuoted = false;
        } else if (c == '\n') {
            if (!field->empty() && field->back() == '\r' && !fieldWasQuoted)
                field->pop_back();
            consumed = i + 1;
            ++newlines;
            return Status::Record;
        } else if (c == '"' && field->empty() && !fieldWasQuoted) {
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == '\r' && fieldWasQuoted) {
            // CR of a CRLF after a closing quote: dropped.
        } else {
            *field += c;
        }
        ++i;
    }
    if (!atEnd)
        return Status::NeedMoreData;
    consumed = data.size();
    if (inQuotes)
        return Status::UnterminatedQuote;
    if (!field->empty() && field->back() == '\r' && !fieldWasQuoted)
        field->pop_back();
    return Status::Record;
}

} // namespace te
