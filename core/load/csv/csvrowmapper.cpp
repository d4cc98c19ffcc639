#include "load/csv/csvrowmapper.h"

#include "load/csv/csvrecordreader.h"
#include "load/src/loadpart.h"
#include "load/src/recorddraft.h"
#include "util/timestampparser.h"

#include <QStringList>
#include <algorithm>
#include <charconv>
#include <optional>

namespace te {

namespace {

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

} // namespace

CsvRowMapper::CsvRowMapper(
    const std::vector<std::string>& header, const ColumnMapping* mapping, char delimiter)
    : m_delimiter(delimiter)
{
    m_columns.resize(header.size());
    for (std::size_t i = 0; i < header.size(); ++i)
        m_columns[i].name = std::string(loader::trimSpaceTabCr(header[i]));
    // Targets point into the names, so they are resolved once the vector is final.
    for (auto& column : m_columns) {
        column.target = resolveFlatKey(column.name, mapping);
        column.isTimestamp = column.name == "timestamp";
        m_hasTiming = m_hasTiming || column.target.isTiming;
    }
}

QString CsvRowMapper::headerNames() const
{
    QStringList names;
    for (const auto& c : m_columns)
        names.append(QString::fromStdString(c.name));
    return names.join(QStringLiteral(", "));
}

void CsvRowMapper::map(const CsvRecordReader& reader, RecordDraft& draft) const
{
    map(std::span<const std::string>(reader.fields().data(), reader.fieldCount()), draft);
}

void CsvRowMapper::map(std::span<const std::string> fields, RecordDraft& draft) const
{
    for (std::size_t i = 0; i < m_columns.size() && i < fields.size() && !draft.isRejected(); ++i) {
        const Column& column = m_columns[i];
        const std::string_view text = loader::trimSpaceTabCr(fields[i]);
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

} // namespace te
