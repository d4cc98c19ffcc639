#pragma once

// What the SQL readers share: a database value as a number or as text, and how
// a row ends up as a run or a problem.

#include "load/src/loadpart.h"

#include <QString>
#include <QVariant>
#include <string>

namespace te {

class RecordDraft;

namespace loader {

/// A value where a time belongs: SQLite stores any type in any column, and a
/// PostgreSQL table may have a numeric or text column there.
enum class SqlNumber
{
    Null, ///< NULL: no value
    Number, ///< an INTEGER, a REAL, or a TEXT that is a whole number ("34.5")
    NotNumber ///< any other TEXT or a BLOB
};

/// Classifies `value`, setting `seconds` when it is a number.
SqlNumber sqlNumber(const QVariant& value, double& seconds);

/// `value` as the loader keeps metadata: NULL is "", a REAL the shortest text that
/// reads back as the same double, text as it is.
std::string sqlText(const QVariant& value);

/// Rejects `draft` when `kind` is no number, naming the column and the value.
/// True when `kind` is Number (`seconds` is then the value).
/// `name` quoted as an SQL identifier: "a ""b""".
QString quoteSqlIdentifier(const QString& name);

bool acceptSqlNumber(RecordDraft& draft, SqlNumber kind, const QString& column, const QVariant& value);

/// Ends one row: a rejected draft is one error naming `where` (the table and row
/// id: "timings row id 7") and the reason; any other is committed as a run whose
/// line is `line` (the row's place among the runs' rows, from 1).
void finishSqlRow(PartBuilder& builder, RecordDraft& draft, qint64 line, const QString& where);

} // namespace loader
} // namespace te
