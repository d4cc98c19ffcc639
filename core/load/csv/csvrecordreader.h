#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace te {

/// Picks the delimiter of a CSV header line: the most frequent of ',', ';' and
/// tab outside quotes; ',' when none occurs.
char sniffCsvDelimiter(std::string_view headerLine);

/// An RFC 4180 record splitter that works on a buffer holding part of a file.
///
/// Quoted fields may contain delimiters, doubled quotes and newlines. A CRLF ends a
/// record like an LF. Lenient where Excel is: a stray quote inside an unquoted
/// field is kept as text. Fields are returned unquoted.
class CsvRecordReader
{
public:
    explicit CsvRecordReader(char delimiter)
        : m_delimiter(delimiter)
    { }

    enum class Status
    {
        Record,
        NeedMoreData,
        UnterminatedQuote
    };

    /// Reads one record from `data` (the unread part of the buffer). On Record,
    /// `consumed` is the number of bytes through the record's newline and
    /// `newlines` how many lines it spanned. NeedMoreData means no complete record
    /// is in `data` unless `atEnd`, in which case the rest is the last record.
    Status next(std::string_view data, bool atEnd, std::size_t& consumed, int& newlines);

    const std::vector<std::string>& fields() const { return m_fields; }
    std::size_t fieldCount() const { return m_fieldCount; }
    const std::string& field(std::size_t i) const { return m_fields[i]; }

private:
    std::string& nextField();

    char m_delimiter;
    std::vector<std::string> m_fields;
    std::size_t m_fieldCount = 0;
};

} // namespace te
