#include "load/sql/sqltablereader.h"

#include "load/csv/csvrowmapper.h"
#include "load/sql/sqlvalues.h"
#include "load/src/recorddraft.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace te::loader {

bool readSqlTable(
    QSqlDatabase& database, const QString& table, const QString& file, SharedState& shared, Part& part)
{
    PartBuilder builder(part, file);
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT * FROM ") + quoteSqlIdentifier(table))) {
        builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("cannot read the table %1: %2").arg(table, query.lastError().text()));
        return false;
    }
    const QSqlRecord record = query.record();
    std::vector<std::string> header;
    header.reserve(static_cast<std::size_t>(record.count()));
    for (int i = 0; i < record.count(); ++i)
        header.push_back(record.fieldName(i).toStdString());
    // The CSV rules, so a table and the CSV file it was imported from read alike.
    const CsvRowMapper mapper(header, shared.mapping(), ',');
    if (!mapper.hasTimingColumn()) {
        builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("no timing column in the table %1 (%2); expected the timing-storage tables "
                           "(timings, phase_timings), or columns such as total_seconds or "
                           "phase1_total_seconds, or a --mapping file")
                .arg(table, mapper.headerNames()));
        return false;
    }
    const int idColumn = record.indexOf(QStringLiteral("id"));
    RecordDraft draft;
    draft.setProjection(shared.projection());
    std::vector<std::string> fields(header.size());
    while (query.next() && !shared.cancel.load()) {
        const qint64 line = ++part.lines;
        for (std::size_t i = 0; i < fields.size(); ++i)
            fields[i] = sqlText(query.value(static_cast<int>(i)));
        draft.reset();
        mapper.map(fields, draft);
        const QString where = idColumn >= 0
            ? QStringLiteral("table %1, row id %2").arg(table, query.value(idColumn).toString())
            : QStringLiteral("table %1, row %2").arg(table).arg(line);
        finishSqlRow(builder, draft, line, where);
        shared.runs = part.dataset.runCount();
    }
    return true;
}

} // namespace te::loader
