#pragma once

#include "data/timingkeys.h"

#include <QString>
#include <span>
#include <string>
#include <vector>

namespace te {

class ColumnMapping;
class CsvRecordReader;
class RecordDraft;

/// What a CSV header's columns mean, and how a row is read by them into a
/// RecordDraft: timing columns land in the timing tree by the flat-key rules (see
/// resolveFlatKey) and the mapping, `timestamp` is parsed, the rest is metadata.
class CsvRowMapper
{
public:
    CsvRowMapper(const std::vector<std::string>& header, const ColumnMapping* mapping, char delimiter);

    bool hasTimingColumn() const { return m_hasTiming; }
    std::size_t columnCount() const { return m_columns.size(); }
    /// The column names, for messages: "a, b, c".
    QString headerNames() const;

    /// Reads the fields of the record `reader` holds into `draft`. A timing that is
    /// no number rejects the draft, naming its column.
    void map(const CsvRecordReader& reader, RecordDraft& draft) const;
    /// The same for a row held elsewhere (a database row as text), one field a
    /// column; an empty field has no value.
    void map(std::span<const std::string> fields, RecordDraft& draft) const;

private:
    struct Column
    {
        std::string name;
        FlatTarget target;
        bool isTimestamp = false;
    };

    std::vector<Column> m_columns;
    char m_delimiter;
    bool m_hasTiming = false;
};

} // namespace te
