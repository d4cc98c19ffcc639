#include "load/sql/sqltables.h"

#include "load/sql/sqldocumentreader.h"
#include "load/sql/sqltablereader.h"

namespace te::loader {

bool readSqlTables(QSqlDatabase& database, const SqlDialect& dialect, const QStringList& tables,
    const QString& wanted, const QString& file, SharedState& shared, Part& part, qint64* largestTimingId)
{
    const QString list = tables.join(QStringLiteral(", "));
    PartBuilder builder(part, file);
    if (!wanted.isEmpty() && !tables.contains(wanted)) {
        builder.problem(Problem::Severity::Error, 0, 0,
            QStringLiteral("the database has no table %1 (its tables: %2)").arg(wanted, list));
        return false;
    }
    if (isSqlTimingSchema(tables) && (wanted.isEmpty() || wanted == u"timings"))
        return readSqlTimingSchema(
            database, dialect, tables, file, shared, part, std::nullopt, largestTimingId);
    if (!wanted.isEmpty())
        return readSqlTable(database, wanted, file, shared, part);
    if (tables.size() == 1)
        return readSqlTable(database, tables.front(), file, shared, part);
    builder.problem(Problem::Severity::Error, 0, 0,
        tables.isEmpty()
            ? QStringLiteral("the database has no tables")
            : QStringLiteral(
                "the database has neither the timing-storage tables (timings, phase_timings) "
                "nor a single table; name the table to read with --table or ?table= (its tables: %1)")
                  .arg(list));
    return false;
}

} // namespace te::loader
